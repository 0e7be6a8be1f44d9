// A JSON Pointer's reference tokens, split plainly ("" has none, "/" one
// empty token; escapes left as written): the report-order oracles of
// registration_fixtures_test and finding_path_test compare by these.
#ifndef SMSREG_TESTS_UNIT_POINTER_TOKENS_HPP
#define SMSREG_TESTS_UNIT_POINTER_TOKENS_HPP

#include <string>
#include <vector>

inline std::vector<std::string> pointerTokens(const std::string& pointer) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t end = pointer.find('/', i + 1);
    if (end == std::string::npos) end = pointer.size();
    out.push_back(pointer.substr(i + 1, end - i - 1));
    i = end;
  }
  return out;
}

#endif  // SMSREG_TESTS_UNIT_POINTER_TOKENS_HPP
