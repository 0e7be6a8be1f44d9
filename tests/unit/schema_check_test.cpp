// smsreg::SchemaChecker: the general draft-07 checker behind `smsreg check`.
#include "smsreg/schema_check.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using smsreg::SchemaChecker;
using smsreg::SchemaCheckOptions;

namespace {

bool hasError(const smsreg::SchemaCheckResult& r, const std::string& instanceLocation,
              const std::string& keywordLocation, const std::string& code) {
  for (const auto& e : r.errors) {
    if (e.instanceLocation == instanceLocation && e.keywordLocation == keywordLocation && e.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("check: a pattern RE2 cannot run is refused at load, naming its location", "[check]") {
  SchemaChecker lookahead(R"({"properties": {"code": {"type": "string", "pattern": "^(?=a)a+$"}}})");
  REQUIRE_FALSE(lookahead.ok());
  CHECK(lookahead.error().find("/properties/code/pattern") != std::string::npos);

  SchemaChecker backreference(R"({"patternProperties": {"^(a)\\1$": true}})");
  REQUIRE_FALSE(backreference.ok());
  CHECK(backreference.error().find("/patternProperties/") != std::string::npos);

  SchemaChecker inDefinitions(R"({"definitions": {"x": {"pattern": "(?<!b)c"}}, "$ref": "#/definitions/x"})");
  REQUIRE_FALSE(inDefinitions.ok());
  CHECK(inDefinitions.error().find("/definitions/x/pattern") != std::string::npos);
}

TEST_CASE("check: errors carry instanceLocation, keywordLocation and a code", "[check]") {
  SchemaChecker checker(R"({
    "type": "object",
    "properties": {"name": {"type": "string", "pattern": "^[A-Z]"}, "age": {"type": "integer", "minimum": 0}},
    "required": ["name"],
    "patternProperties": {"^x-": {"type": "string"}},
    "additionalProperties": false
  })");
  REQUIRE(checker.ok());
  CHECK(checker.check(R"({"name": "Ann", "age": 3.0, "x-note": "hi"})").valid);

  auto r = checker.check(R"({"name": "ann", "age": -1, "x-note": 5, "other": 1})");
  CHECK_FALSE(r.valid);
  CHECK(hasError(r, "/name", "/properties/name/pattern", "SCHEMA_PATTERN"));
  CHECK(hasError(r, "/age", "/properties/age/minimum", "SCHEMA_MINIMUM"));
  CHECK(hasError(r, "/x-note", "/patternProperties/^x-/type", "SCHEMA_TYPE"));
  CHECK(hasError(r, "", "/additionalProperties", "SCHEMA_ADDITIONAL_PROPERTIES"));

  auto missing = checker.check("{}");
  CHECK(hasError(missing, "", "/required", "SCHEMA_REQUIRED"));

  auto fractional = checker.check(R"({"name": "A", "age": 1.5})");
  CHECK(hasError(fractional, "/age", "/properties/age/type", "SCHEMA_TYPE"));
}

TEST_CASE("check: $id-based and remote references resolve without the network", "[check]") {
  SchemaCheckOptions options;
  options.remotes["http://example.com/defs.json"] =
      R"({"definitions": {"positive": {"type": "number", "exclusiveMinimum": 0}}})";
  SchemaChecker checker(R"({
    "$id": "http://example.com/root.json",
    "properties": {
      "a": {"$ref": "defs.json#/definitions/positive"},
      "b": {"$ref": "#item"},
      "c": {"$ref": "http://json-schema.org/draft-07/schema#"}
    },
    "definitions": {"item": {"$id": "#item", "type": "string"}}
  })",
                        options);
  REQUIRE(checker.ok());
  CHECK(checker.check(R"({"a": 1, "b": "x", "c": {"type": "string"}})").valid);
  auto r = checker.check(R"({"a": 0, "b": 2, "c": {"type": 12}})");
  CHECK_FALSE(r.valid);
  CHECK(hasError(r, "/a", "http://example.com/defs.json#/definitions/positive/exclusiveMinimum",
                 "SCHEMA_EXCLUSIVE_MINIMUM"));
  CHECK(hasError(r, "/b", "/definitions/item/type", "SCHEMA_TYPE"));

  SchemaChecker unknown(R"({"$ref": "http://nowhere.example/x.json"})");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().find("/$ref") != std::string::npos);
}

TEST_CASE("check: schemas that would crash valijson 1.0 are refused or handled", "[check]") {
  SchemaChecker circular(R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
                             "$ref": "#/definitions/a"})");
  CHECK_FALSE(circular.ok());

  SchemaChecker selfRef(R"({"$ref": "#"})");
  CHECK_FALSE(selfRef.ok());

  SchemaChecker recursive(R"({"type": "array", "items": {"$ref": "#"}, "maxItems": 2.0})");
  REQUIRE(recursive.ok());
  CHECK(recursive.check("[[[]], []]").valid);
  CHECK_FALSE(recursive.check("[[1, 2, 3]]").valid);

  SchemaChecker longPattern(R"({"pattern": "^[\\s\\S]+$", "format": "date"})");
  REQUIRE(longPattern.ok());
  CHECK(longPattern.check("\"" + std::string(60000, 'a') + "\"").valid == false);  // not a date
  CHECK(longPattern.check("12").valid);                                            // format ignores non-strings
}

TEST_CASE("check: malformed or oversized instances are invalid with an INPUT_ code", "[check]") {
  SchemaCheckOptions options;
  options.limits.maxDepth = 4;
  SchemaChecker checker(R"({"type": "array"})", options);
  REQUIRE(checker.ok());
  auto broken = checker.check("[1, 2");
  CHECK_FALSE(broken.valid);
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].code.rfind("INPUT_", 0) == 0);
  auto deep = checker.check("[[[[[[1]]]]]]");
  CHECK_FALSE(deep.valid);
  REQUIRE_FALSE(deep.errors.empty());
  CHECK(deep.errors[0].code.rfind("INPUT_", 0) == 0);

  SchemaChecker badSchema("{\"type\": ");
  CHECK_FALSE(badSchema.ok());
  CHECK_FALSE(badSchema.check("1").valid);
}

TEST_CASE("check: output forms", "[check]") {
  SchemaChecker checker(R"({"minLength": 2})");
  auto r = checker.check("\"a\"");
  CHECK(r.toJson("f.json") ==
        R"({"source":"f.json","valid":false,"errors":[{"instanceLocation":"","keywordLocation":"/minLength",)"
        R"("code":"SCHEMA_MIN_LENGTH","message":"is 1 characters long, shorter than 2"}]})");
  CHECK(checker.check("\"ab\"").toJson() == R"({"valid":true,"errors":[]})");
  CHECK(r.toText("f.json").rfind("f.json: invalid (1 error)\n", 0) == 0);
}

TEST_CASE("check: one checker shared by many threads", "[check]") {
  SchemaChecker checker(
      R"({"patternProperties": {"^n": {"type": "integer"}}, "additionalProperties": {"pattern": "^ok"}})");
  REQUIRE(checker.ok());
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!checker.check(R"({"n1": 1, "x": "ok go"})").valid) ++wrong;
        if (checker.check(R"({"n1": 1.5, "x": "no"})").valid) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == 0);
}
