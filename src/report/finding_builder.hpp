// Small helpers to build findings with typed params.
#ifndef SMSREG_REPORT_FINDING_BUILDER_HPP
#define SMSREG_REPORT_FINDING_BUILDER_HPP

#include <string>
#include <utility>
#include <vector>

#include "smsreg/report.hpp"

namespace smsreg::report {

inline Finding makeFinding(std::string pointer, std::string code, std::string message) {
  Finding f;
  f.instanceLocation = std::move(pointer);
  f.code = std::move(code);
  f.message = std::move(message);
  return f;
}

inline Finding& withText(Finding& f, std::string name, std::string value) {
  f.params.push_back(Param{std::move(name), Param::Kind::kString, std::move(value), {}});
  return f;
}

inline Finding& withNumber(Finding& f, std::string name, long long value) {
  f.params.push_back(Param{std::move(name), Param::Kind::kNumber, std::to_string(value), {}});
  return f;
}

inline Finding& withList(Finding& f, std::string name, std::vector<std::string> values) {
  f.params.push_back(Param{std::move(name), Param::Kind::kList, {}, std::move(values)});
  return f;
}

// "a, b and c"
inline std::string joinWords(const std::vector<std::string>& words, const char* last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += (i + 1 == words.size()) ? last : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace smsreg::report

#endif  // SMSREG_REPORT_FINDING_BUILDER_HPP
