// schema::SchemaEvaluator's fast paths (enum strings by hash, a leaf member
// settled without node(), one member walk an object shared by `required`,
// `if` and the walk of a closed node, formats chosen once) against
// CompiledSchema, the valijson reference: the same raw errors, in the same
// order, for every instance.
#include "schema/schema_evaluator.hpp"

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/compiled_schema.hpp"

using nlohmann::json;
using smsreg::schema::CompiledSchema;
using smsreg::schema::RawError;
using smsreg::schema::SchemaEvaluator;

namespace {

std::string describe(const std::vector<RawError>& errors) {
  std::string out;
  for (const RawError& e : errors) {
    out += e.instanceLocation + " | " + e.keywordLocation + " | " + e.detail + " | " +
           (e.spec != nullptr ? e.spec->keywordLocation : std::string("-")) + "\n";
  }
  return out;
}

void checkSame(const json& schema, const std::vector<json>& instances) {
  std::string error;
  const auto reference = CompiledSchema::compile(schema, error);
  REQUIRE(reference != nullptr);
  std::string why;
  const auto evaluator = SchemaEvaluator::compile(schema, *reference, why);
  INFO(why);
  REQUIRE(evaluator != nullptr);
  for (const json& instance : instances) {
    INFO(instance.dump());
    std::vector<RawError> expected, got;
    const bool expectedOk = reference->validate(instance, &expected);
    CHECK(evaluator->validate(instance, &got, true) == expectedOk);
    CHECK(describe(got) == describe(expected));
    CHECK(evaluator->validate(instance, nullptr, true) == expectedOk);  // the verdict alone
    // The root and its object members walked by the caller (WalkedObject),
    // named by a table of the caller's: keys of even length are in it, the
    // others are not (kMissing), so both ways to an id are taken.
    std::vector<std::string> names;
    std::vector<const json*> objects;
    if (instance.is_object()) {
      objects.push_back(&instance);
      for (const auto& member : instance.items()) {
        if (member.value().is_object()) objects.push_back(&member.value());
      }
    }
    std::vector<std::vector<smsreg::schema::WalkedMember>> lists;
    for (const json* object : objects) {
      lists.emplace_back();
      for (const auto& [key, value] : object->get_ref<const json::object_t&>()) {
        std::uint32_t name = smsreg::schema::NameTable::kMissing;
        if (key.size() % 2 == 0) {
          name = static_cast<std::uint32_t>(names.size());
          names.push_back(key);
        }
        lists.back().push_back({&key, &value, name});
      }
    }
    const std::vector<std::uint32_t> ids = evaluator->lookupIds(names);
    std::vector<smsreg::schema::WalkedObject> walked;
    for (std::size_t i = 0; i < objects.size(); ++i) {
      walked.push_back({objects[i], lists[i].data(), lists[i].size(), ids.data()});
    }
    std::vector<RawError> walkedGot;
    CHECK(evaluator->validate(instance, &walkedGot, true, walked.data(), walked.size()) == expectedOk);
    CHECK(describe(walkedGot) == describe(expected));
    CHECK(evaluator->validate(instance, nullptr, true, walked.data(), walked.size()) == expectedOk);
  }
}

const json kLeafSchema = json::parse(R"({
  "type": "object",
  "properties": {
    "kind": {"type": "string", "enum": ["A", "BB", "CCC", "", "a", "null", "true"]},
    "mixed": {"enum": ["x", null, false, "false"]},
    "yes": {"enum": [true]},
    "phone": {"type": "string", "pattern": "^\\+1[0-9]{10}$", "maxLength": 20},
    "code": {"type": "string", "pattern": "^[A-Z]{2}[0-9]?$"},
    "email": {"type": "string", "format": "email", "maxLength": 40},
    "day": {"type": "string", "format": "date"},
    "text": {"type": "string", "minLength": 3, "maxLength": 5},
    "count": {"type": "integer"},
    "flag": {"type": ["boolean", "null"]},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}, "uniqueItems": true}
  },
  "additionalProperties": false
})");

const json kObjectSchema = json::parse(R"({
  "type": "object",
  "properties": {
    "a": {"$ref": "#/definitions/part"},
    "b": {"$ref": "#/definitions/part"},
    "list": {"type": "array", "items": {"$ref": "#/definitions/part"}},
    "open": {"type": "object", "properties": {"x": {"type": "string"}}, "required": ["x", "y"]},
    "extra": {"type": "object", "properties": {"x": {"type": "string"}}, "additionalProperties": {"type": "integer"}}
  },
  "required": ["a"],
  "additionalProperties": false,
  "definitions": {
    "part": {
      "type": "object",
      "properties": {
        "kind": {"enum": ["P", "Q"]},
        "name": {"type": "string", "minLength": 1},
        "inner": {"$ref": "#/definitions/inner"},
        "flag": {"type": "boolean"}
      },
      "required": ["kind"],
      "additionalProperties": false,
      "allOf": [
        {"if": {"properties": {"kind": {"const": "P"}}, "required": ["kind"]}, "then": {"required": ["name"]}},
        {"if": {"properties": {"flag": {"const": true}}, "required": ["flag"]}, "then": {"required": ["inner"]}}
      ]
    },
    "inner": {
      "type": "object",
      "properties": {"kind": {"enum": ["P"]}, "n": {"type": "integer"}},
      "required": ["n"],
      "additionalProperties": false
    }
  }
})");

}  // namespace

TEST_CASE("schema evaluator: leaf members as the reference reads them", "[unit][schema_evaluator]") {
  std::vector<json> instances;
  const std::vector<std::pair<const char*, std::vector<json>>> values = {
      {"kind",
       {"A", "BB", "CCC", "", "a", "null", "true", "B", "AA", "CC", "b", "ccc", nullptr, true, 1, json::array()}},
      {"mixed", {"x", nullptr, false, "false", true, "null", "X", 0, json::object()}},
      {"yes", {true, false, "true", 1, nullptr}},
      {"phone", {"+13125478810", "+1312547881", "+23125478810", "+1312547881x", "+1312547881\xc3\xa9", 5}},
      {"code", {"US", "US1", "us", "USA", "U", "", 7}},
      {"email",
       {"a@b.co", "a.b@c-d.example.org", "a@b", "@b.co", "a@b.co.", "a..b@c.de", "x\xc3\xa9@b.co",
        std::string(30, 'a') + "@example.com", std::string(300, 'a') + "@example.com", 3}},
      {"day", {"2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", 20240101}},
      {"text",
       {"abc", "ab", "abcde", "abcdef", "\xc3\xa9\xc3\xa9\xc3\xa9", "\xc3\xa9\xc3\xa9",
        "a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "a\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", std::string("\0ab", 3),
        nullptr}},
      {"count", {1, -3, 1.0, 1.5, "1", true, 1e300}},
      {"flag", {true, false, nullptr, 0, "true"}},
      {"tags", {json::array({"a", "b"}), json::array({"a", "a"}), json::array({"abcd", 1, "a"}), "a"}},
  };
  for (const auto& [name, list] : values) {
    for (const json& value : list) instances.push_back(json{{name, value}});
  }
  instances.push_back(json::object());
  instances.push_back(json{{"kind", "A"}, {"phone", "+13125478810"}, {"unknown", 1}, {"text", "ab"}, {"count", 1.5}});
  instances.push_back(json::array());
  checkSame(kLeafSchema, instances);
}

TEST_CASE("schema evaluator: nested objects share one member walk each", "[unit][schema_evaluator]") {
  const json p = {{"kind", "P"}, {"name", "n"}};
  const json q = {{"kind", "Q"}};
  const json flagged = {{"kind", "Q"}, {"flag", true}, {"inner", {{"n", 1}}}};
  std::vector<json> instances = {
      {{"a", p}},
      {{"a", q}, {"b", p}},
      {{"a", {{"kind", "P"}}}},                  // then: name missing
      {{"a", {{"kind", "P"}, {"name", ""}}}},    // name too short
      {{"a", {{"kind", "Q"}, {"flag", true}}}},  // then: inner missing
      {{"a", flagged}, {"b", {{"kind", "Q"}, {"flag", false}}}},
      {{"a", {{"kind", "Q"}, {"flag", true}, {"inner", {{"n", 1.5}, {"kind", "Q"}}}}}},
      {{"a", {{"kind", "R"}, {"other", 1}}}, {"b", {{"name", 3}}}},
      {{"a", p}, {"list", {p, q, {{"kind", "P"}}, flagged, {{"inner", {{"m", 1}}}}, 3, {{"kind", "Q"}, {"x", 1}}}}},
      {{"a", p}, {"list", json::array()}, {"open", {{"x", "s"}, {"y", 1}}}},
      {{"a", p}, {"open", {{"x", 1}}}},
      {{"a", p}, {"extra", {{"x", "s"}, {"n", 1}, {"m", "two"}, {"k", 2.5}}}},
      {{"b", p}, {"zzz", 1}, {"aaa", 2}},
      {{"a", "P"}},
      json::object(),
  };
  // Objects past the member walk's size, which are searched name by name.
  json big = {{"kind", "P"}};
  json bigOpen = {{"x", "s"}, {"y", 1}};
  for (int i = 0; i < 80; ++i) {
    big["m" + std::to_string(i)] = i;
    bigOpen["m" + std::to_string(i)] = i;
  }
  instances.push_back({{"a", big}});
  instances.push_back({{"a", p}, {"open", bigOpen}, {"extra", bigOpen}});
  big.erase("kind");
  big["name"] = "n";
  instances.push_back({{"a", big}, {"b", q}});
  checkSame(kObjectSchema, instances);
  // The same evaluator again after a failure, with objects at other
  // addresses: no frame may answer for an object of an earlier instance.
  checkSame(kObjectSchema, {{{"a", q}}, {{"a", {{"kind", "P"}}}}, {{"a", p}}});
}
