#include "schema/keyword_table.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "schema/pattern_shortcut.hpp"

namespace smsreg::schema {

namespace {

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Rewrites the ECMA-262 spellings RE2 lacks. Returns false with `error` set
// for constructs RE2 cannot run at all.
bool translateEcmaPattern(const std::string& in, std::string& out, std::string& error) {
  out.clear();
  out.reserve(in.size() + 8);
  bool inClass = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\\' && i + 1 < in.size()) {
      char n = in[i + 1];
      if (n == 'u' && i + 6 <= in.size() && isHex(in[i + 2]) && isHex(in[i + 3]) && isHex(in[i + 4]) &&
          isHex(in[i + 5])) {
        out += "\\x{" + in.substr(i + 2, 4) + "}";
        i += 5;
        continue;
      }
      if (n >= '1' && n <= '9' && !inClass) {
        error = "backreferences (\\" + std::string(1, n) + ") are not supported; RE2 runs in linear time without them";
        return false;
      }
      if (n == 'k' && i + 2 < in.size() && in[i + 2] == '<') {
        error = "named backreferences (\\k<…>) are not supported";
        return false;
      }
      if (n == 'c') {
        error = "control escapes (\\c) are not supported";
        return false;
      }
      out += c;
      out += n;
      ++i;
      continue;
    }
    if (!inClass && c == '[') {
      if (in.compare(i, 3, "[^]") == 0) {
        out += "(?s:.)";
        i += 2;
        continue;
      }
      inClass = true;
      out += c;
      if (i + 1 < in.size() && in[i + 1] == '^') {
        out += '^';
        ++i;
      }
      if (i + 1 < in.size() && in[i + 1] == ']') {  // a leading ] is literal
        out += "\\]";
        ++i;
      }
      continue;
    }
    if (inClass && c == ']') {
      inClass = false;
      out += c;
      continue;
    }
    if (!inClass && c == '(' && i + 2 < in.size() && in[i + 1] == '?') {
      char k = in[i + 2];
      if (k == '=' || k == '!' || (k == '<' && i + 3 < in.size() && (in[i + 3] == '=' || in[i + 3] == '!'))) {
        error = "lookaround ((?=, (?!, (?<=, (?<!) is not supported; RE2 runs in linear time without it";
        return false;
      }
      if (k == '<') {  // ECMA named group (?<name>…) is (?P<name>…) in RE2 2022-06
        out += "(?P";
        i += 1;
        continue;
      }
    }
    out += c;
  }
  return true;
}

}  // namespace

std::shared_ptr<const RE2> compileSchemaPattern(const std::string& pattern, std::string& error) {
  std::string translated;
  if (!translateEcmaPattern(pattern, translated, error)) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  auto re = std::make_shared<const RE2>(translated, options);
  if (!re->ok()) {
    error = re->error();
    return nullptr;
  }
  return re;
}

std::size_t codePointCount(std::string_view s) { return codePointCount(s, SIZE_MAX); }

std::size_t codePointCount(std::string_view s, std::size_t enough) {
  // Eight bytes a step: a continuation byte has bit 7 set and bit 6 clear,
  // and the multiply adds the eight 0/1 flags (at most 8) into the top byte.
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    const std::uint64_t continuation = word & ~(word << 1) & kHigh;
    n += 8 - static_cast<std::size_t>(((continuation >> 7) * kOnes) >> 56);
    if (n >= enough) return n;
  }
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

namespace {

bool allDigits(const std::string& s, std::size_t from, std::size_t len) {
  if (from + len > s.size()) return false;
  for (std::size_t i = from; i < from + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int number(const std::string& s, std::size_t from, std::size_t len) { return std::atoi(s.substr(from, len).c_str()); }

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool validDate(const std::string& s) {
  if (s.size() != 10 || !allDigits(s, 0, 4) || s[4] != '-' || !allDigits(s, 5, 2) || s[7] != '-' ||
      !allDigits(s, 8, 2)) {
    return false;
  }
  int y = number(s, 0, 4), m = number(s, 5, 2), d = number(s, 8, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && isLeap(y) ? 1 : 0);
  return d <= max;
}

// RFC 3339 full-time: HH:MM:SS[.frac](Z|±HH:MM); a leap second is allowed
// only at 23:59:60 UTC.
bool validTime(const std::string& s) {
  if (s.size() < 9 || !allDigits(s, 0, 2) || s[2] != ':' || !allDigits(s, 3, 2) || s[5] != ':' || !allDigits(s, 6, 2)) {
    return false;
  }
  int h = number(s, 0, 2), mi = number(s, 3, 2), se = number(s, 6, 2);
  std::size_t i = 8;
  if (i < s.size() && s[i] == '.') {
    std::size_t start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i >= s.size()) return false;
  int offMinutes = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    if (i + 1 != s.size()) return false;
  } else if (s[i] == '+' || s[i] == '-') {
    if (s.size() != i + 6 || !allDigits(s, i + 1, 2) || s[i + 3] != ':' || !allDigits(s, i + 4, 2)) return false;
    int oh = number(s, i + 1, 2), om = number(s, i + 4, 2);
    if (oh > 23 || om > 59) return false;
    offMinutes = (s[i] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (h > 23 || mi > 59 || se > 60) return false;
  if (se == 60) {
    int utc = ((h * 60 + mi - offMinutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  return true;
}

const RE2& emailRegex() {
  static const RE2 re(
      R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@)"
      R"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)");
  return re;
}

const RE2& hostnameRegex() {
  static const RE2 re(
      R"(^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$)");
  return re;
}

const RE2& ipv4Regex() {
  static const RE2 re(
      R"(^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$)");
  return re;
}

const RE2& uriRegex() {
  // scheme ":" then no spaces, no control characters, no backslash or quote.
  static const RE2 re(R"(^[A-Za-z][A-Za-z0-9+.-]*:[^\s\\"<>^`{|}\x00-\x1f]*$)");
  return re;
}

}  // namespace

namespace {

bool dateFormat(const std::string& value) { return validDate(value); }
bool timeFormat(const std::string& value) { return validTime(value); }
bool dateTimeFormat(const std::string& value) {
  auto t = value.find_first_of("Tt");
  return t == 10 && validDate(value.substr(0, 10)) && validTime(value.substr(11));
}
bool emailFormat(const std::string& value) {
  return value.size() <= 254 && (surelyEmail(value) || RE2::FullMatch(value, emailRegex()));
}
bool hostnameFormat(const std::string& value) { return value.size() <= 253 && RE2::FullMatch(value, hostnameRegex()); }
bool ipv4Format(const std::string& value) { return RE2::FullMatch(value, ipv4Regex()); }
bool uriFormat(const std::string& value) { return RE2::FullMatch(value, uriRegex()); }
bool regexFormat(const std::string& value) {
  std::string error;
  return compileSchemaPattern(value, error) != nullptr;
}
bool anyFormat(const std::string&) { return true; }

}  // namespace

FormatCheck formatCheck(const std::string& format) {
  if (format == "date") return dateFormat;
  if (format == "time") return timeFormat;
  if (format == "date-time") return dateTimeFormat;
  if (format == "email") return emailFormat;
  if (format == "hostname") return hostnameFormat;
  if (format == "ipv4") return ipv4Format;
  if (format == "uri") return uriFormat;
  if (format == "regex") return regexFormat;
  return anyFormat;
}

bool checkFormat(const std::string& format, const std::string& value) { return formatCheck(format)(value); }

}  // namespace smsreg::schema
