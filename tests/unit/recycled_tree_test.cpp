// RecycledTree (issue 12): the tree a thread keeps from one validate() to the
// next. What it reads is parseBounded's answer whatever the tree held; it
// keeps only a small document's fast-path tree, lets go of it on an
// exception, and a nested use on the same thread gets a tree of its own.
#include "input/recycled_tree.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>

#include "input/bounded_json.hpp"

namespace {

using nlohmann::json;
using smsreg::input::ParseError;
using smsreg::input::RecycledTree;

// What parseBounded makes of `text`: the tree's dump, or the error code.
std::string expected(const std::string& text) {
  json tree;
  ParseError error;
  const bool ok = smsreg::input::parseBounded(text, smsreg::Limits{}, tree, error);
  const std::string out = ok ? tree.dump() : error.code;
  smsreg::input::releaseTree(tree);
  return out;
}

std::string read(const std::string& text, const json** where = nullptr) {
  RecycledTree recycled;
  ParseError error;
  const bool ok = recycled.parse(text, smsreg::Limits{}, error);
  if (where != nullptr) *where = &recycled.tree();
  return ok ? recycled.tree().dump() : error.code;
}

// Whether the tree this thread keeps holds anything (and, as a use that
// parses nothing, lets it go).
bool keptHoldsATree() {
  RecycledTree recycled;
  return !recycled.tree().is_null();
}

}  // namespace

TEST_CASE("recycled tree: each document reads as parseBounded reads it", "[recycled_tree]") {
  std::thread([] {
    const std::string documents[] = {
        R"({"brand":{"displayName":"Acme","ein":"12-3456789"},"campaign":{"sample1":"Hi there, this is a sample"}})",
        R"({"brand":{"displayName":"A much longer display name than before","ein":"98-7654321"},"phoneNumbers":["+1"]})",
        R"({"brand":{"displayName":1,"x":{"y":[1,2,3]}},"campaign":{}})",
        R"({"brand":{"displayName":1,"displayName":2}})",  // duplicate: the reference parser's error
        R"({"brand":{"a":"b"}})",
        R"({"n":-0})",  // the reference parser's tree
        R"({"brand":{"a":"b"}})",
        R"([1,2])",
        "",
        R"({"brand":{"a":"c","b":[{"c":null}]}})",
    };
    for (const std::string& text : documents) {
      INFO(text);
      CHECK(read(text) == expected(text));
    }
  }).join();
}

TEST_CASE("recycled tree: only a small document read by the fast path is kept", "[recycled_tree]") {
  std::thread([] {
    const json* first = nullptr;
    const json* second = nullptr;
    read(R"({"a":"b"})", &first);
    CHECK(keptHoldsATree());
    read(R"({"a":"c"})", &second);
    CHECK(first == second);  // the thread's one tree
    read(R"({"n":-0})");     // the reference parser's
    CHECK_FALSE(keptHoldsATree());
    read(R"({"a":"b"})");
    CHECK(keptHoldsATree());
    read("{\"a\":\"" + std::string(smsreg::input::kRecycleMaxBytes, 'x') + "\"}");  // too big to keep
    CHECK_FALSE(keptHoldsATree());
    read(R"({"a":"b"})");
    read(R"({"a":)");  // an error
    CHECK_FALSE(keptHoldsATree());
  }).join();
}

TEST_CASE("recycled tree: a nested use gets its own tree, and an exception lets the tree go", "[recycled_tree]") {
  std::thread([] {
    read(R"({"outer":1})");
    {
      RecycledTree outer;
      ParseError error;
      REQUIRE(outer.parse(R"({"outer":2})", smsreg::Limits{}, error));
      {
        RecycledTree inner;  // as validate() re-entered on this thread would
        CHECK(&inner.tree() != &outer.tree());
        REQUIRE(inner.parse(R"({"inner":1})", smsreg::Limits{}, error));
        CHECK(outer.tree().dump() == R"({"outer":2})");
      }
      CHECK(outer.tree().dump() == R"({"outer":2})");
    }
    CHECK(keptHoldsATree());
    try {
      RecycledTree recycled;
      ParseError error;
      REQUIRE(recycled.parse(R"({"a":"b"})", smsreg::Limits{}, error));
      throw std::runtime_error("out of memory, say");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(keptHoldsATree());
  }).join();
}
