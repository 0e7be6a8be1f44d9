// Well-formed UTF-8 (RFC 3629), in one place: the parser refuses what is not,
// and the text writer escapes what it must.
#ifndef SMSREG_INPUT_UTF8_HPP
#define SMSREG_INPUT_UTF8_HPP

#include <cstddef>

namespace smsreg::input {

// Length of the well-formed sequence that starts at s[0] (of n bytes), or 0
// when it is not one: no overlongs, no surrogates, nothing above U+10FFFF.
inline std::size_t utf8SequenceLength(const unsigned char* s, std::size_t n) {
  const unsigned char c = s[0];
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (len > n || s[1] < lo || s[1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (s[k] < 0x80 || s[k] > 0xBF) return 0;
  }
  return len;
}

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_UTF8_HPP
