// schema::codePointCount: the eight-bytes-a-step count equals a byte-by-byte
// one for any bytes, and the bounded count is exact below its bound.
#include <catch2/catch.hpp>
#include <string>

#include "schema/keyword_table.hpp"

using smsreg::schema::codePointCount;

namespace {

std::size_t byByte(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("codePointCount: any bytes, any length, any bound", "[unit][code_point_count]") {
  const std::string pieces[] = {"a",    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
                                "\x80", "\xbf",     "\xff",         std::string(1, '\0')};
  std::string s;
  unsigned seed = 7;
  for (int step = 0; step < 400; ++step) {
    seed = seed * 1103515245u + 12345u;
    s += pieces[(seed >> 16) % 8];
    const std::size_t exact = byByte(s);
    INFO(step);
    CHECK(codePointCount(s) == exact);
    for (std::size_t enough : {std::size_t{0}, std::size_t{1}, exact / 2, exact, exact + 1, std::size_t{1000}}) {
      const std::size_t bounded = codePointCount(s, enough);
      if (exact < enough) {
        CHECK(bounded == exact);
      } else {
        CHECK(bounded >= enough);
        CHECK(bounded <= exact);
      }
    }
  }
  CHECK(codePointCount(std::string(1000, '\x80')) == 0);
  CHECK(codePointCount("") == 0);
}
