#include "report/text_escape.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "input/utf8.hpp"

namespace smsreg::report {

namespace {

void appendEscape(std::string& out, unsigned code) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", code);
  out += buffer;
}

// How many bytes from s on a JSON string takes as they are: ASCII, not a
// control character, quote or backslash. Eight bytes a step: each test flags
// a word holding such a byte (and, by a borrow, maybe bytes above it, which
// does not matter: the bytes are then looked at one by one).
std::size_t plainRun(const unsigned char* s, std::size_t n) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s + i, 8);
    const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
    const std::uint64_t special =
        ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | x;
    if ((special & kHigh) != 0) break;  // the byte loop finds which one
  }
  for (; i < n; ++i) {
    const unsigned char c = s[i];
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return i;
  }
  return n;
}

}  // namespace

std::string escapeForText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      appendEscape(out, c);
    } else if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {  // C1 controls
      appendEscape(out, s[i + 1]);
      i += 2;
      continue;
    } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
      appendEscape(out, s[i + 2] == 0xA8 ? 0x2028 : 0x2029);  // line and paragraph separators
      i += 3;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

void appendJsonString(std::string& out, std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // Most text needs no escape: one reserve, and runs of plain bytes appended
  // whole, not byte by byte.
  out.reserve(out.size() + n + 2);
  out += '"';
  for (std::size_t i = 0; i < n;) {
    const std::size_t plain = plainRun(s + i, n - i);
    if (plain > 0) {
      out.append(text.data() + i, plain);
      i += plain;
      if (i == n) break;
    }
    const unsigned char c = s[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20) {
      appendEscape(out, c);
    } else {  // c >= 0x80: plainRun stops at nothing else
      const std::size_t len = input::utf8SequenceLength(s + i, n - i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD, as nlohmann's error_handler_t::replace
        ++i;
      } else {
        out.append(text.data() + i, len);
        i += len;
      }
      continue;
    }
    ++i;
  }
  out += '"';
}

}  // namespace smsreg::report
