// Every class of bad input gets its own INPUT_* (or FIELD_*) answer at the
// right pointer, never a crash, a hang or an exception (INTERFACE 2.5, 5).
#include <pthread.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "smsreg/validator.hpp"

namespace {

std::string example() {
  std::ifstream in(SMSREG_SOURCE_DIR "/examples/registration-us.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The example with the text of one member replaced: `field` is the quoted
// key as it appears in the file, e.g. "\"ein\"".
std::string withValue(const std::string& field, const std::string& rawJsonValue) {
  std::string doc = example();
  auto at = doc.find(field);
  REQUIRE(at != std::string::npos);
  auto colon = doc.find(':', at);
  // Values in the example are strings, booleans or arrays on one line.
  auto end = doc.find_first_of(",\n}", colon);
  if (doc[colon + 2] == '[') end = doc.find(']', colon) + 1;
  if (doc[colon + 2] == '"') end = doc.find('"', colon + 3) + 1;
  return doc.substr(0, colon + 1) + " " + rawJsonValue + doc.substr(end);
}

const smsreg::Validator& validator() {
  static const smsreg::Validator v;
  return v;
}

void requireOnlyError(const smsreg::Report& r, const std::string& code, const std::string& pointer) {
  INFO(r.toJson());
  REQUIRE_FALSE(r.verified());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == code);
  CHECK(r.errors[0].instanceLocation == pointer);
  CHECK_FALSE(r.errors[0].message.empty());
  CHECK(r.warnings.empty());
}

bool hasFinding(const smsreg::Report& r, const std::string& code, const std::string& pointer) {
  for (const auto& f : r.errors) {
    if (f.code == code && f.instanceLocation == pointer) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("empty and blank documents are INPUT_EMPTY", "[bad-input]") {
  requireOnlyError(validator().validate(""), "INPUT_EMPTY", "");
  requireOnlyError(validator().validate(" \n\t\r\n "), "INPUT_EMPTY", "");
}

TEST_CASE("truncated and malformed JSON is INPUT_MALFORMED", "[bad-input]") {
  std::string doc = example();
  requireOnlyError(validator().validate(doc.substr(0, doc.size() / 2)), "INPUT_MALFORMED", "");
  requireOnlyError(validator().validate("{\"brand\": {,}}"), "INPUT_MALFORMED", "");
  requireOnlyError(validator().validate("{\"brand\": NaN}"), "INPUT_MALFORMED", "");
  requireOnlyError(validator().validate("{} trailing"), "INPUT_MALFORMED", "");
}

TEST_CASE("a top level that is not an object is INPUT_NOT_OBJECT", "[bad-input]") {
  for (const char* doc : {"[]", "\"brand\"", "42", "null", "true"}) {
    requireOnlyError(validator().validate(doc), "INPUT_NOT_OBJECT", "");
  }
}

TEST_CASE("a wrong type per field kind is FIELD_TYPE at that field", "[bad-input]") {
  struct Case {
    const char* key;
    const char* value;
    const char* pointer;
  };
  const Case cases[] = {
      {"\"ein\"", "364821907", "/brand/ein"},                         // number for text
      {"\"embeddedLink\"", "\"false\"", "/campaign/embeddedLink"},    // text for boolean
      {"\"phoneNumbers\"", "{\"a\": 1}", "/phoneNumbers"},            // object for array
      {"\"displayName\"", "[\"Brightside\"]", "/brand/displayName"},  // array for text
      {"\"numberPool\"", "0", "/campaign/numberPool"},                // number for boolean
  };
  for (const Case& c : cases) {
    smsreg::Report r = validator().validate(withValue(c.key, c.value));
    INFO(c.pointer << " " << r.toJson());
    CHECK(hasFinding(r, "FIELD_TYPE", c.pointer));
  }
  smsreg::Report r = validator().validate(R"({"brand": "Brightside", "campaign": 7})");
  CHECK(hasFinding(r, "FIELD_TYPE", "/brand"));
  CHECK(hasFinding(r, "FIELD_TYPE", "/campaign"));
}

TEST_CASE("100,000 levels of nesting are refused while parsing", "[bad-input]") {
  std::string deep = "{\"brand\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  requireOnlyError(validator().validate(deep), "INPUT_TOO_DEEP", "");
  std::string deepObjects;
  for (int i = 0; i < 100000; ++i) deepObjects += "{\"a\":";
  deepObjects += "1" + std::string(100000, '}');
  requireOnlyError(validator().validate(deepObjects), "INPUT_TOO_DEEP", "");
}

TEST_CASE("a 10 MB document is INPUT_TOO_LARGE", "[bad-input]") {
  std::string big = "{\"brand\":{\"displayName\":\"" + std::string(10u << 20, 'x') + "\"}}";
  requireOnlyError(validator().validate(big), "INPUT_TOO_LARGE", "");
}

TEST_CASE("a string over the limit is INPUT_STRING_TOO_LONG at its pointer", "[bad-input]") {
  requireOnlyError(validator().validate(withValue("\"sample1\"", "\"" + std::string(70000, 'a') + "\"")),
                   "INPUT_STRING_TOO_LONG", "/campaign/sample1");
  requireOnlyError(validator().validate("{\"brand\":{\"" + std::string(70000, 'k') + "\":1}}"), "INPUT_STRING_TOO_LONG",
                   "/brand");
  requireOnlyError(validator().validate(R"({"phoneNumbers":["+13125478810",")" + std::string(70000, '9') + "\"]}"),
                   "INPUT_STRING_TOO_LONG", "/phoneNumbers/1");
}

namespace {

struct StackRun {
  const smsreg::Validator* validator;
  std::string text;
  smsreg::Report report;
};

void* runOnSmallStack(void* arg) {
  auto* run = static_cast<StackRun*>(arg);
  run->report = run->validator->validate(run->text);
  return nullptr;
}

}  // namespace

TEST_CASE("a 1 MB string in a patterned field on a 256 KiB stack does not crash", "[bad-input]") {
  // std::regex would overflow this stack at about 5,000 characters; RE2 does not recurse.
  smsreg::ValidatorOptions options;
  options.limits.maxBytes = 4u << 20;
  options.limits.maxString = 2u << 20;
  smsreg::Validator roomy(options);
  REQUIRE(roomy.ok());
  for (const char* field : {"\"phone\"", "\"optoutKeywords\"", "\"website\""}) {
    StackRun run{&roomy, withValue(field, "\"" + std::string(1u << 20, '7') + "\""), {}};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256u << 10);
    pthread_t thread;
    REQUIRE(pthread_create(&thread, &attr, runOnSmallStack, &run) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    INFO(field << " " << run.report.toJson().substr(0, 600));
    CHECK_FALSE(run.report.verified());
    bool reported = false;
    for (const auto& f : run.report.errors)
      reported = reported || f.code == "FIELD_FORMAT" || f.code == "FIELD_TOO_LONG";
    CHECK(reported);
  }
}

TEST_CASE("invalid UTF-8 and lone surrogates are INPUT_INVALID_UTF8", "[bad-input]") {
  requireOnlyError(validator().validate(withValue("\"city\"",
                                                  "\"Chi\xff"
                                                  "cago\"")),
                   "INPUT_INVALID_UTF8", "");
  requireOnlyError(validator().validate(withValue("\"city\"", "\"\xc0\xaf\"")), "INPUT_INVALID_UTF8", "");  // overlong
  requireOnlyError(validator().validate(withValue("\"city\"", "\"\xed\xa0\x80\"")), "INPUT_INVALID_UTF8",
                   "");  // surrogate
  requireOnlyError(validator().validate(withValue("\"city\"", "\"\\ud800\"")), "INPUT_INVALID_UTF8", "");
  requireOnlyError(validator().validate(withValue("\"city\"", "\"\\udc00x\"")), "INPUT_INVALID_UTF8", "");
}

TEST_CASE("NUL bytes: raw ones are malformed, escaped ones count toward lengths", "[bad-input]") {
  std::string raw = withValue("\"city\"", std::string("\"Chi\0cago\"", 10));
  requireOnlyError(validator().validate(raw), "INPUT_MALFORMED", "");
  // valijson 1.0 measured this with strlen and let it through maxLength.
  smsreg::Report r = validator().validate(withValue("\"city\"", "\"\\u0000" + std::string(5000, 'x') + "\""));
  INFO(r.toJson());
  CHECK(hasFinding(r, "FIELD_TOO_LONG", "/brand/city"));
}

TEST_CASE("1e400 is INPUT_MALFORMED, not an exception", "[bad-input]") {
  requireOnlyError(validator().validate(R"({"brand": {"mnoIds": [1e400]}})"), "INPUT_MALFORMED", "/brand/mnoIds/0");
}

TEST_CASE("a duplicate key is INPUT_DUPLICATE_KEY at the repeated key", "[bad-input]") {
  requireOnlyError(validator().validate(R"({"brand": {"ein": "36-4821907", "ein": "07-1234567"}})"),
                   "INPUT_DUPLICATE_KEY", "/brand/ein");
}

TEST_CASE("limits are options of the library", "[bad-input]") {
  smsreg::ValidatorOptions options;
  options.limits.maxDepth = 1;
  smsreg::Validator shallow(options);
  requireOnlyError(shallow.validate(example()), "INPUT_TOO_DEEP", "");
  options.limits = smsreg::Limits{};
  options.limits.maxBytes = 100;
  smsreg::Validator small(options);
  requireOnlyError(small.validate(example()), "INPUT_TOO_LARGE", "");
}

TEST_CASE("a pathological regex in a user rule file runs in linear time", "[bad-input]") {
  smsreg::ValidatorOptions options;
  options.extraRulesJson = R"({"rules": [{"code": "X_NESTED_QUANTIFIER", "severity": "warning",
      "fields": ["/campaign/description"], "pattern": "^(a+)+$", "expect": "absent", "message": "m"}]})";
  smsreg::Validator v(options);
  REQUIRE(v.ok());
  // 30 a's then '!': about 2^30 steps for a backtracking engine, one pass for RE2.
  smsreg::Report r = v.validate(withValue("\"description\"", "\"" + std::string(30, 'a') + "!\""));
  for (const auto& f : r.warnings) CHECK(f.code != "X_NESTED_QUANTIFIER");
  r = v.validate(withValue("\"description\"", "\"" + std::string(3000, 'a') + "\""));
  bool fired = false;
  for (const auto& f : r.warnings)
    fired = fired || (f.code == "X_NESTED_QUANTIFIER" && f.instanceLocation == "/campaign/description");
  INFO(r.toJson());
  CHECK(fired);
}

// A pattern that must be absent reports the match RE2 finds (leftmost, and
// longest as RE2 takes it); one that must match is run without asking where
// its match is, and reports none.
TEST_CASE("a user pattern rule reports its match, over each pointer a field expands to", "[bad-input]") {
  smsreg::ValidatorOptions options;
  options.extraRulesJson = R"({"rules": [
      {"code": "X_ABSENT", "severity": "warning", "fields": ["/campaign/description", "/phoneNumbers/*"],
       "pattern": "a+b+|0{3,}", "expect": "absent", "message": "m"},
      {"code": "X_PRESENT", "severity": "warning", "fields": ["/campaign/description"], "pattern": "zz|xx",
       "expect": "match", "message": "m"}]})";
  smsreg::Validator v(options);
  REQUIRE(v.ok());
  auto find = [](const smsreg::Report& r, const std::string& code, const std::string& at) {
    const smsreg::Finding* found = nullptr;
    for (const auto* list : {&r.errors, &r.warnings}) {
      for (const auto& f : *list) {
        if (f.code == code && f.instanceLocation == at) found = &f;
      }
    }
    return found;
  };
  smsreg::Report r =
      v.validate(withValue("\"description\"", "\"Texts about abba and aaabbb for our customers, never zz\""));
  INFO(r.toJson());
  const smsreg::Finding* absent = find(r, "X_ABSENT", "/campaign/description");
  REQUIRE(absent != nullptr);
  CHECK(absent->param("match") == "ab");
  CHECK(find(r, "X_PRESENT", "/campaign/description") == nullptr);
  r = v.validate(withValue("\"description\"", "\"Texts on nothing in particular for our customers here\""));
  const smsreg::Finding* present = find(r, "X_PRESENT", "/campaign/description");
  REQUIRE(present != nullptr);
  CHECK(present->param("match").empty());
  CHECK(find(r, "X_ABSENT", "/campaign/description") == nullptr);
  r = v.validate(withValue("\"phoneNumbers\"", "[\"+13125478810\", \"+13125470000\"]"));
  INFO(r.toJson());
  CHECK(find(r, "X_ABSENT", "/phoneNumbers/0") == nullptr);
  const smsreg::Finding* phone = find(r, "X_ABSENT", "/phoneNumbers/1");
  REQUIRE(phone != nullptr);
  CHECK(phone->param("match") == "0000");
}

TEST_CASE("a rule file RE2 cannot run, or of the wrong shape, fails to load with a reason", "[bad-input]") {
  const char* bad[] = {
      R"js({"rules": [{"code": "X_LOOK", "severity": "error", "fields": ["/brand/ein"], "pattern": "(?=1)", "expect": "match", "message": "m"}]})js",
      R"js({"rules": [{"code": "X_BACK", "severity": "error", "fields": ["/brand/ein"], "pattern": "(a)\\1", "expect": "match", "message": "m"}]})js",
      R"js({"rules": [{"code": "lowercase", "severity": "error", "fields": ["/brand/ein"], "pattern": "a", "expect": "match", "message": "m"}]})js",
      R"js({"rules": [{"code": "X_NO_MESSAGE", "pattern": "a"}]})js",
      R"js({"rules": [{"code": "NOT_A_RULE"}]})js",
      R"js({"rules": "none"})js",
      R"js([1, 2])js",
      R"js({"rules": [)js",
  };
  for (const char* text : bad) {
    smsreg::ValidatorOptions options;
    options.extraRulesJson = text;
    smsreg::Validator v(options);
    INFO(text);
    CHECK_FALSE(v.ok());
    CHECK_FALSE(v.error().empty());
    // A validator that failed to build still answers, without crashing.
    CHECK_FALSE(v.validate(example()).verified());
  }
}

TEST_CASE("an unknown code to disable fails to build the validator", "[bad-input]") {
  smsreg::ValidatorOptions options;
  options.disabledRules = {"NO_SUCH_RULE"};
  smsreg::Validator v(options);
  CHECK_FALSE(v.ok());
  CHECK(v.error().find("NO_SUCH_RULE") != std::string::npos);
}

TEST_CASE("a large list is checked for duplicates by hashing, not pairwise", "[bad-input]") {
  std::string numbers = "[";
  // 10,000 is the list's maxItems: pairwise, valijson would make 50 million comparisons.
  for (int i = 0; i < 9999; ++i) numbers += std::string(i ? "," : "") + "\"+1312" + std::to_string(2000000 + i) + "\"";
  numbers += ",\"+13122000000\"]";
  smsreg::Report r = validator().validate(withValue("\"phoneNumbers\"", numbers));
  CHECK(hasFinding(r, "ITEM_DUPLICATE", "/phoneNumbers/9999"));
}

TEST_CASE("a 1 MiB list of bad items is one finding on the list, not one per item", "[bad-input]") {
  std::string items = "[";
  for (int i = 0; i < 500000; ++i) items += i ? ",1" : "1";
  items += "]";
  smsreg::Report r = validator().validate(withValue("\"phoneNumbers\"", items));
  INFO(r.errors.size());
  CHECK(hasFinding(r, "FIELD_TOO_LONG", "/phoneNumbers"));
  CHECK(r.errors.size() <= 20001);  // the kept 10,000 items (wrong type, repeated), plus the list
}
