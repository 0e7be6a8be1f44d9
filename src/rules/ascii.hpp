// ASCII character tests for the rules. Locale-free on purpose: <cctype>
// depends on the locale and is undefined for negative chars, and field
// values are UTF-8 whose non-ASCII bytes must never count as letters.
#ifndef SMSREG_RULES_ASCII_HPP
#define SMSREG_RULES_ASCII_HPP

namespace smsreg::rules {

constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || isAsciiUpper(c); }
constexpr char toAsciiLower(char c) { return isAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char toAsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_ASCII_HPP
