// Regression tests for bugs found in review. Tests tagged [!shouldfail]
// document a bug that is still present: they fail today, and Catch2 counts
// that as a pass. When a bug is fixed, its test starts to "pass" and Catch2
// reports it as failing: drop the [!shouldfail] tag then.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "input/bounded_json.hpp"
#include "smsreg/report.hpp"
#include "smsreg/validator.hpp"

namespace {

std::string reviewExample() {
  std::ifstream in(SMSREG_SOURCE_DIR "/examples/registration-us.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const smsreg::Validator& reviewValidator() {
  static const smsreg::Validator v;
  return v;
}

smsreg::input::ParseError parseError(const std::string& text) {
  nlohmann::json out;
  smsreg::input::ParseError error;
  smsreg::Limits limits;
  limits.maxString = 16;
  smsreg::input::parseBounded(text, limits, out, error);
  return error;
}

smsreg::Finding at(const std::string& pointer) {
  smsreg::Finding f;
  f.instanceLocation = pointer;
  f.code = "FIELD_UNKNOWN";
  return f;
}

}  // namespace

// Bug 1: BoundedBuilder::pointer() (src/input/bounded_json.cpp:185-196) uses
// the array's current size() as the index of the value being read. For a
// scalar that is right (not yet placed), but for an object or array nested in
// an array the child was already pushed by open(), so every enclosing array
// index is one too high.
TEST_CASE("review: parser pointers into objects/arrays nested in arrays are off by one", "[review]") {
  // Duplicate key inside the first element of an array.
  CHECK(parseError(R"({"phoneNumbers":[{"x":1,"x":2}]})").pointer == "/phoneNumbers/0/x");
  // Over-long string inside an array that is the second element.
  CHECK(parseError(R"({"phoneNumbers":["a",["01234567890123456789"]]})").pointer == "/phoneNumbers/1/0");
  // End to end through the validator.
  smsreg::Report r = reviewValidator().validate(R"({"brand":{},"campaign":{},"phoneNumbers":[{"x":1,"x":2}]})");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "INPUT_DUPLICATE_KEY");
  CHECK(r.errors[0].instanceLocation == "/phoneNumbers/0/x");
}

TEST_CASE("review: parser pointers for scalars directly in arrays are right", "[review]") {
  CHECK(parseError(R"({"phoneNumbers":["a","01234567890123456789"]})").pointer == "/phoneNumbers/1");
  CHECK(parseError(R"({"a~b/c":{"k":1,"k":2}})").pointer == "/a~0b~1c/k");
}

// Bug 2: findingLess (src/report/report.cpp:26-39) compares two all-digit
// tokens as numbers and anything else as bytes. Mixing the two is not a
// strict weak ordering: "9" < "10" (numbers), "10" < "1a" (bytes), "1a" < "9"
// (bytes). std::sort in Validator::Impl::route (src/validator.cpp:93) then has
// undefined behaviour, the report order is not well defined, and the
// adjacent-only de-duplication can miss repeats. Object keys are user input
// (every unknown key becomes a FIELD_UNKNOWN finding at that key).
TEST_CASE("review: findingLess is transitive over mixed numeric and non-numeric tokens", "[review]") {
  const smsreg::Finding a = at("/9"), b = at("/10"), c = at("/1a");
  const bool ab = smsreg::findingLess(a, b);
  const bool bc = smsreg::findingLess(b, c);
  const bool ca = smsreg::findingLess(c, a);
  INFO("9<10=" << ab << " 10<1a=" << bc << " 1a<9=" << ca);
  CHECK_FALSE((ab && bc && ca));  // a cycle: no order can satisfy it
}

TEST_CASE("review: a report with keys 9, 10 and 1a is ordered consistently", "[review]") {
  smsreg::Report r = reviewValidator().validate(R"({"brand":{},"campaign":{},"9":1,"10":1,"1a":1})");
  std::vector<smsreg::Finding> unknown;
  for (const auto& f : r.errors) {
    if (f.code == "FIELD_UNKNOWN") unknown.push_back(f);
  }
  REQUIRE(unknown.size() == 3);
  INFO(r.toJson());
  // Every later finding must not be "less" than an earlier one.
  for (std::size_t i = 0; i < unknown.size(); ++i) {
    for (std::size_t j = i + 1; j < unknown.size(); ++j) {
      CHECK_FALSE(smsreg::findingLess(unknown[j], unknown[i]));
    }
  }
}

// Bug 3 (found in review): stripLegalSuffix removed one suffix per pass and
// copied the whole name each time, so a companyName of 64 KiB of commas took
// seconds (quadratic). It is linear now, and a name over its limit is not
// used for brand-name checks at all; the speed itself is measured by
// bench/bench_validate (BM_ValidateLongFields), not timed here.
TEST_CASE("review: a 64 KiB companyName of commas is one finding, not a brand name", "[review]") {
  std::string doc = reviewExample();
  const std::string key = "\"companyName\": \"";
  auto start = doc.find(key);
  REQUIRE(start != std::string::npos);
  start += key.size();
  auto end = doc.find('"', start);
  doc.replace(start, end - start, std::string(64000, ','));
  smsreg::Report r = reviewValidator().validate(doc);
  INFO(r.toJson().substr(0, 2000));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "FIELD_TOO_LONG");
  CHECK(r.errors[0].instanceLocation == "/brand/companyName");
}
