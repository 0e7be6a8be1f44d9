// License names as admin consoles and their exports write them: "X4", "x4",
// " X4 ", "X Series X4", "8x8 X Series X4" all name one license (INTERFACE 3.1).
#ifndef SMSREG_ENABLEMENT_LICENSES_HPP
#define SMSREG_ENABLEMENT_LICENSES_HPP

#include <string>
#include <string_view>

namespace smsreg::enablement {

// The name compared: ASCII letters in upper case, runs of spaces and tabs as
// one space, no surrounding space, and a leading product name ("8x8",
// "X Series", "X-Series") dropped when something follows it. "" stays "".
std::string normalizeLicense(std::string_view written);

// A license as the input names it: `key` to compare, `written` (trimmed) to
// show in messages, so "X Series X4" reads as written and compares as "X4".
struct LicenseName {
  std::string key;
  std::string written;

  bool empty() const { return key.empty(); }
  friend bool operator==(const LicenseName& a, const LicenseName& b) { return a.key == b.key; }
  friend bool operator!=(const LicenseName& a, const LicenseName& b) { return !(a == b); }
};

// `written` as read from the input (already trimmed by the reader).
LicenseName licenseName(std::string written);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_LICENSES_HPP
