// report::appendJsonString copies runs of plain bytes eight at a time: it must
// write exactly what the byte-by-byte writer it replaced wrote, whatever byte
// stands wherever in the text.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "input/utf8.hpp"
#include "report/text_escape.hpp"

namespace {

// The writer as it was before the fast path, one byte at a time.
std::string plainWriter(std::string_view text) {
  std::string out = "\"";
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
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
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else if (c >= 0x80) {
      const std::size_t len = smsreg::input::utf8SequenceLength(s + i, n - i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(text.data() + i, len);
        i += len;
      }
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
  return out;
}

void requireSame(const std::string& text) {
  std::string out = "prefix";  // appended to, not replaced
  smsreg::report::appendJsonString(out, text);
  const std::string expected = "prefix" + plainWriter(text);
  if (out != expected) {
    std::string bytes;
    for (const unsigned char c : text) bytes += std::to_string(c) + " ";
    INFO("text bytes: " << bytes);
    REQUIRE(out == expected);
  }
}

}  // namespace

TEST_CASE("json string: every byte at every offset of texts up to 19 bytes", "[json_string]") {
  for (std::size_t length = 1; length <= 19; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(b);
        requireSame(text);
        // Next to a byte that is special too, and at both ends of a word.
        text[length - 1 - at] = '"';
        requireSame(text);
      }
    }
  }
}

TEST_CASE("json string: pairs of special bytes, UTF-8 cut across words", "[json_string]") {
  const std::vector<std::string> pieces = {"\"",
                                           "\\",
                                           "\n",
                                           "\x1f",
                                           "\x7f",
                                           "\x01",
                                           " ",
                                           "~",
                                           "\xC3\xA9",
                                           "\xE2\x80\xA8",
                                           "\xF0\x9F\x98\x80",
                                           "\xC3",
                                           "\xE2\x80",
                                           "\xFF",
                                           "\xED\xA0\x80",
                                           "\xC0\xAF",
                                           "\x80"};
  for (std::size_t pad = 0; pad < 17; ++pad) {
    for (const std::string& a : pieces) {
      for (const std::string& b : pieces) {
        for (std::size_t gap = 0; gap < 9; ++gap) {
          requireSame(std::string(pad, 'x') + a + std::string(gap, 'y') + b + std::string(pad % 5, 'z'));
        }
      }
    }
  }
  requireSame("");
  requireSame(std::string(1000, 'q'));
  requireSame(std::string(999, 'q') + "\"");
}
