// The shortcuts in building and walking a submission's tree (issue 12), each
// held to the plain way: the simdjson copy's sorted inserts to nlohmann's
// reference parser.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "input/bounded_json.hpp"
#include "input/fast_json.hpp"

namespace {

using nlohmann::json;

// Keys that order differently by their first eight bytes and by the rest,
// share prefixes, are empty, or hold bytes above 0x7F (std::map orders
// them as unsigned).
const std::vector<std::string> kKeys = {
    "sample1",           "sample10", "sample1x", "optinKeywords", "optinMessage", "", "a",
    "\xC3\xA9t\xC3\xA9", "Z",        "zz",       "abcdefgh",      "abcdefgha"};

std::string quoted(const std::string& s) { return json(s).dump(); }

}  // namespace

TEST_CASE("tree walks: the fast parser's tree equals the reference parser's, keys in any order",
          "[tree_walks][parser]") {
  const smsreg::Limits limits;
  // Rotations and reversals of the key list, with a nested object and a
  // list of objects inside, so every insert position is met.
  for (std::size_t shift = 0; shift < kKeys.size(); ++shift) {
    for (const bool reversed : {false, true}) {
      std::vector<std::string> keys = kKeys;
      std::rotate(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(shift), keys.end());
      if (reversed) std::reverse(keys.begin(), keys.end());
      std::string text = "{";
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) text += ",";
        text += quoted(keys[i]) + ":";
        if (i == 2) {
          text += "{\"b\":1,\"a\":[{\"y\":2,\"x\":3}],\"c\":\"t\"}";
        } else {
          text += std::to_string(i);
        }
      }
      text += "}";
      INFO(text);
      json fast, reference;
      smsreg::input::ParseError error;
      REQUIRE(smsreg::input::parseFast(text, limits, fast, true));
      REQUIRE(smsreg::input::parseBoundedReference(text, limits, reference, error, true));
      CHECK(fast == reference);
      CHECK(fast.dump() == reference.dump());
      smsreg::input::releaseTree(fast);
      smsreg::input::releaseTree(reference);
    }
  }
}

TEST_CASE("tree walks: the fast parser gives up on a duplicate key anywhere in an object", "[tree_walks][parser]") {
  const smsreg::Limits limits;
  for (const char* text : {R"({"a":1,"b":2,"a":3})", R"({"b":1,"a":2,"b":3})", R"({"x":{"k":1,"j":2,"k":3}})",
                           R"({"sample1":1,"sample10":2,"sample1":3})", R"({"":1,"":2})"}) {
    INFO(text);
    json fast, reference;
    smsreg::input::ParseError error;
    CHECK_FALSE(smsreg::input::parseFast(text, limits, fast, true));
    CHECK(fast.is_null());
    CHECK_FALSE(smsreg::input::parseBoundedReference(text, limits, reference, error, true));
    CHECK(error.code == "INPUT_DUPLICATE_KEY");
  }
  // One that gave up leaves nothing behind for the next document.
  json fast;
  REQUIRE(smsreg::input::parseFast(R"({"b":{"d":1,"c":2},"a":3})", limits, fast, true));
  CHECK(fast.dump() == R"({"a":3,"b":{"c":2,"d":1}})");
  smsreg::input::releaseTree(fast);
}
