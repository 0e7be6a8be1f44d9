// What utf8proc gives for a whole text with the rules' options, and the
// rules' quote straightening after it: the reference the piece-by-piece
// normaliser and folder are held to (text_fidelity_test, text_shortcuts_test).
#ifndef SMSREG_TESTS_UNIT_UTF8PROC_WHOLE_HPP
#define SMSREG_TESTS_UNIT_UTF8PROC_WHOLE_HPP

#include <utf8proc.h>

#include <cstdlib>
#include <string>

inline std::string utf8procWhole(const std::string& text, bool casefold) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_IGNORE;
  if (casefold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(options));
  if (n < 0 || out == nullptr) {
    std::free(out);
    return text;
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  for (const char* quote : {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"}) {
    for (std::size_t at = result.find(quote); at != std::string::npos; at = result.find(quote, at)) {
      result.replace(at, std::string(quote).size(), "\"");
    }
  }
  return result;
}

#endif  // SMSREG_TESTS_UNIT_UTF8PROC_WHOLE_HPP
