#include "schema/pattern_shortcut.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace smsreg::schema {

namespace {

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool isAlnum(char c) { return isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z'); }
// Printable ASCII but the space: inside RE2's \S, and one character in
// UTF-8 whatever the class.
constexpr bool isVisible(char c) { return c > ' ' && c < 0x7f; }

// Byte classes, one table load a byte in the loops that run on every link
// and keyword list.
enum : unsigned char {
  kKeyword = 1,  // [A-Za-z0-9 -]: inside a keyword
  kHostEnd = 2,  // / ? #: where a link's host ends
  kDot = 4,
  kOut = 8,  // not printable ASCII, or the space: ends no host, fails any link
};

struct ByteClasses {
  unsigned char of[256] = {};
};

constexpr ByteClasses byteClasses() {
  ByteClasses t;
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    unsigned char k = 0;
    if (isAlnum(ch) || ch == '-' || ch == ' ') k |= kKeyword;
    if (ch == '/' || ch == '?' || ch == '#') k |= kHostEnd;
    if (ch == '.') k |= kDot;
    if (!isVisible(ch)) k |= kOut;
    t.of[c] = k;
  }
  return t;
}

constexpr ByteClasses kClasses = byteClasses();

unsigned char classOf(char c) { return kClasses.of[static_cast<unsigned char>(c)]; }

// True when all of s[at, end) is visible ASCII, eight bytes a step: no byte
// below 0x21 and none above 0x7e (the bit tricks of "hasless" and
// "hasmore", exact as to whether any byte is out).
bool allVisible(std::string_view s, std::size_t at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  for (; at + 8 <= s.size(); at += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + at, 8);
    const std::uint64_t below = (w - kOnes * 0x21) & ~w & kHigh;
    const std::uint64_t above = ((w + kOnes * (127 - 0x7e)) | w) & kHigh;
    if ((below | above) != 0) return false;
  }
  for (; at < s.size(); ++at) {
    if (!isVisible(s[at])) return false;
  }
  return true;
}

// ^\+1[0-9]{10}$
bool nanpPhone(std::string_view s) {
  if (s.size() != 12 || s[0] != '+' || s[1] != '1') return false;
  for (std::size_t i = 2; i < s.size(); ++i) {
    if (!isDigit(s[i])) return false;
  }
  return true;
}

// ^[A-Z]{2}$
bool twoCapitals(std::string_view s) { return s.size() == 2 && isUpper(s[0]) && isUpper(s[1]); }

// ^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$ on visible ASCII: the host
// (up to the first / ? or #) has a dot with a character on each side; the
// rest is any visible text. One pass: this runs on every link.
bool webLink(std::string_view s) {
  std::size_t at;
  if (s.substr(0, 7) == "http://") {
    at = 7;
  } else if (s.substr(0, 8) == "https://") {
    at = 8;
  } else {
    return false;
  }
  const std::size_t hostStart = at;
  std::size_t innerDot = 0;  // the first dot after the host's first character; 0: none yet
  for (; at < s.size(); ++at) {
    const unsigned char k = classOf(s[at]);
    if ((k & (kHostEnd | kDot | kOut)) == 0) continue;  // the usual byte
    if ((k & kHostEnd) != 0) break;
    if ((k & kOut) != 0) return false;
    if (innerDot == 0 && at > hostStart) innerDot = at;  // k is kDot
  }
  if (innerDot == 0 || innerDot + 1 >= at) return false;
  return allVisible(s, at);
}

// ^[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?(,[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?)*$:
// words of 1 to 30 letters, digits, dashes and inner spaces, between commas.
bool keywordList(std::string_view s) {
  // The word s[from, to) between commas.
  auto word = [s](std::size_t from, std::size_t to) {
    return to > from && to - from <= 30 && s[from] != ' ' && s[to - 1] != ' ';
  };
  std::size_t wordStart = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((classOf(s[i]) & kKeyword) != 0) continue;
    if (s[i] != ',' || !word(wordStart, i)) return false;
    wordStart = i + 1;
  }
  return word(wordStart, s.size());
}

bool emailLocalChar(char c) {
  return isAlnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

}  // namespace

PatternShortcut patternShortcut(std::string_view source) {
  if (source == R"(^\+1[0-9]{10}$)") return nanpPhone;
  if (source == R"(^[A-Z]{2}$)") return twoCapitals;
  if (source == R"(^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$)") return webLink;
  if (source ==
      R"(^[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?(,[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?)*$)") {
    return keywordList;
  }
  return nullptr;
}

// checkFormat's email RE2: dot-separated atoms of the local characters, "@",
// then at least two dot-separated labels of 1 to 63 letters, digits and
// inner dashes.
bool surelyEmail(std::string_view s) {
  const std::size_t atSign = s.find('@');
  if (atSign == std::string_view::npos) return false;
  const std::string_view local = s.substr(0, atSign);
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  for (std::size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    if (c == '.') {
      if (local[i - 1] == '.') return false;  // i > 0: local does not start with a dot
    } else if (!emailLocalChar(c)) {
      return false;
    }
  }
  std::size_t labels = 0;
  std::size_t start = atSign + 1;
  while (true) {
    const std::size_t dot = std::min(s.find('.', start), s.size());
    const std::string_view label = s.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || !isAlnum(label.front()) || !isAlnum(label.back())) return false;
    for (char c : label) {
      if (!isAlnum(c) && c != '-') return false;
    }
    ++labels;
    if (dot == s.size()) return labels >= 2;
    start = dot + 1;
  }
}

}  // namespace smsreg::schema
