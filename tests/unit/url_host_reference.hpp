// The plain definitions of a URL's host and of a host name, written a byte at
// a time with range tests, as they were before the library's table-driven
// walks: the oracle that host_shortcuts_test and link_scan_test compare
// rules::urlHost and the link scan with.
#ifndef SMSREG_TESTS_UNIT_URL_HOST_REFERENCE_HPP
#define SMSREG_TESTS_UNIT_URL_HOST_REFERENCE_HPP

#include <string>
#include <string_view>

namespace url_host_reference {

inline bool upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool letter(char c) { return (c >= 'a' && c <= 'z') || upper(c); }
inline bool digit(char c) { return c >= '0' && c <= '9'; }
inline char lower(char c) { return upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

inline bool startsLowered(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lowered(text.substr(0, prefix.size())) == prefix;
}

// isHostName as first written: a byte at a time, range tests.
inline bool hostNameByDefinition(std::string_view host, bool requireTld) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t labelCount = 0, labelStart = 0;
  bool alphabetic = true;
  for (std::size_t i = 0;; ++i) {
    if (i == host.size() || host[i] == '.') {
      const std::size_t length = i - labelStart;
      if (length == 0 || length > 63) return false;
      if (host[labelStart] == '-' || host[i - 1] == '-') return false;
      ++labelCount;
      if (i == host.size()) return !requireTld || (labelCount >= 2 && alphabetic && length >= 2);
      labelStart = i + 1;
      alphabetic = true;
      continue;
    }
    const char c = host[i];
    if (!letter(c) && !digit(c) && c != '-' && static_cast<unsigned char>(c) < 0x80) return false;
    alphabetic = alphabetic && letter(c);
  }
}

// urlHost as first written: find_first_of, rfind and find.
inline std::string urlHostByDefinition(std::string_view url) {
  const std::size_t first = url.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  url = url.substr(first, url.find_last_not_of(" \t\r\n") + 1 - first);
  bool hasScheme = false;
  if (startsLowered(url, "https://")) {
    url.remove_prefix(8);
    hasScheme = true;
  } else if (startsLowered(url, "http://")) {
    url.remove_prefix(7);
    hasScheme = true;
  }
  std::string_view authority = url.substr(0, url.find_first_of("/?#"));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    if (!hasScheme) return "";
    authority.remove_prefix(at + 1);
  }
  const std::size_t colon = authority.find(':');
  if (colon != std::string_view::npos) {
    for (char c : authority.substr(colon + 1)) {
      if (!digit(c)) return "";
    }
    authority = authority.substr(0, colon);
  }
  if (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  if (!hostNameByDefinition(authority, !hasScheme)) return "";
  if (authority.size() > 4 && startsLowered(authority, "www.") && authority.find('.', 4) != std::string_view::npos) {
    authority.remove_prefix(4);
  }
  return lowered(authority);
}

}  // namespace url_host_reference

#endif  // SMSREG_TESTS_UNIT_URL_HOST_REFERENCE_HPP
