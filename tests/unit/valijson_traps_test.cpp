// valijson 1.0's traps (tech.md 2.5), each closed by the schema engine.
#include <catch2/catch.hpp>
#include <string>

#include "input/bounded_json.hpp"
#include "schema/compiled_schema.hpp"

namespace {

using smsreg::schema::CompiledSchema;

nlohmann::json parse(const std::string& text) {
  nlohmann::json out;
  smsreg::input::ParseError error;
  REQUIRE(smsreg::input::parseBounded(text, smsreg::Limits{}, out, error, false));
  return out;
}

}  // namespace

TEST_CASE("a circular $ref is refused at load instead of overflowing the stack", "[valijson]") {
  for (const char* text :
       {R"js({"$ref": "#"})js",
        R"js({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
                               "properties": {"x": {"$ref": "#/definitions/a"}}})js",
        R"js({"definitions": {"self": {"$ref": "#/definitions/self"}}, "$ref": "#/definitions/self"})js"}) {
    std::string error;
    auto schema = CompiledSchema::compile(parse(text), error);
    INFO(text);
    CHECK(schema == nullptr);
    CHECK(error.find("circular") != std::string::npos);
  }
  // Found by fuzz_schema: valijson reads a reference without "#" or "://" as a
  // pointer to the document root (a loop) after testing it with std::regex.
  for (const char* text : {R"js({"definitions": {"a": {"$ref": "itions/a"}}, "$ref": "#/definitions/a"})js",
                           R"js({"$ref": "http:/notcal/detached-rtions/foo"})js"}) {
    std::string error;
    auto schema = CompiledSchema::compile(parse(text), error);
    INFO(text);
    CHECK(schema == nullptr);
    CHECK(error.find("neither local") != std::string::npos);
  }
  // Found by fuzz_schema: a cycle through an in-place applicator recurses
  // forever while validating, though every $ref alone resolves.
  for (const char* text :
       {R"js({"allOf": [{"$ref": "#"}]})js",
        R"js({"$ref": "#/"})js",  // valijson skips empty tokens: "#/" and "#//" are the root
        R"js({"items": [{}, {"$ref": "#/items/1then"}]})js",  // and reads "1then" as index 1
        R"js({"definitions": {"a": {"$ref": "#//definitions//a/"}}, "$ref": "#/definitions/a"})js",
        R"js({"anyOf": [{"$ref": "#/definitions/a"}], "definitions": {"a": {"not": {"$ref": "#"}}}})js",
        R"js({"if": {"$ref": "#/definitions/b"}, "definitions": {"b": {"oneOf": [{"$ref": "#"}]}}})js"}) {
    std::string error;
    auto schema = CompiledSchema::compile(parse(text), error);
    INFO(text);
    CHECK(schema == nullptr);
    CHECK(error.find("circular") != std::string::npos);
  }
  // Recursion through a keyword is legitimate and must still load.
  std::string error;
  auto tree = CompiledSchema::compile(parse(R"js({"properties": {"child": {"$ref": "#"}}})js"), error);
  CHECK(tree != nullptr);
  auto nested = CompiledSchema::compile(
      parse(R"js({"properties": {"a": {"allOf": [{"$ref": "#"}]}}, "items": {"anyOf": [{"$ref": "#"}]}})js"), error);
  CHECK(nested != nullptr);
}

TEST_CASE("a leading NUL no longer hides a string's length", "[valijson]") {
  std::string error;
  auto schema = CompiledSchema::compile(parse(R"js({"maxLength": 10})js"), error);
  REQUIRE(schema);
  std::string text = std::string("\0", 1) + std::string(5000, 'x');
  CHECK_FALSE(schema->validate(nlohmann::json(text), nullptr));
  CHECK(schema->validate(nlohmann::json(std::string("\0abc", 4)), nullptr));
}

TEST_CASE("bad schemas give an error, never abort() or an exception", "[valijson]") {
  for (const char* text : {R"js({"maxLength": "ten"})js", R"js({"type": 12})js", R"js({"required": "a"})js",
                           R"js({"pattern": 5})js", R"js({"properties": {"a": {"$ref": "#/nowhere"}}})js",
                           R"js({"items": [{"type": "string"}, 7]})js", R"js({"enum": 3})js"}) {
    std::string error;
    std::unique_ptr<CompiledSchema> schema;
    CHECK_NOTHROW(schema = CompiledSchema::compile(parse(text), error));
    INFO(text << " → " << error);
    if (!schema) CHECK_FALSE(error.empty());
  }
}

TEST_CASE("patterns RE2 cannot run are refused at load with their location", "[valijson]") {
  struct Case {
    const char* schema;
    const char* location;
  };
  const Case cases[] = {{R"js({"properties": {"a": {"pattern": "^(?=x)"}}})js", "/properties/a/pattern"},
                        {R"js({"items": {"pattern": "(a)\\1"}})js", "/items/pattern"},
                        {R"js({"definitions": {"d": {"pattern": "(?<!a)b"}}})js", "/definitions/d/pattern"}};
  for (const Case& c : cases) {
    std::string error;
    auto schema = CompiledSchema::compile(parse(c.schema), error);
    INFO(error);
    CHECK(schema == nullptr);
    CHECK(error.find(c.location) != std::string::npos);
  }
}

TEST_CASE("patterns never reach std::regex: long strings and nested quantifiers are fine", "[valijson]") {
  std::string error;
  auto schema = CompiledSchema::compile(parse(R"js({"properties": {"a": {"pattern": "^[\\s\\S]+$"},
                                                  "b": {"pattern": "^(a+)+$"}}})js"),
                                        error);
  REQUIRE(schema);
  nlohmann::json instance = {{"a", std::string(1u << 20, 'z')}, {"b", std::string(40, 'a') + "!"}};
  std::vector<smsreg::schema::RawError> errors;
  CHECK_FALSE(schema->validate(instance, &errors));
  REQUIRE(errors.size() >= 1);
  bool bFailed = false;
  for (const auto& e : errors) bFailed = bFailed || (e.instanceLocation == "/b" && e.spec != nullptr);
  CHECK(bFailed);
}

TEST_CASE("a $ref into enum data is refused, since valijson would parse it as a schema", "[valijson]") {
  std::string error;
  auto schema = CompiledSchema::compile(parse(R"js({"enum": [{"pattern": "^(a+)+$"}], "$ref": "#/enum/0"})js"), error);
  CHECK(schema == nullptr);
  CHECK(error.find("data") != std::string::npos);
}
