// The enablement diagnosis: every scenario fixture in tests/fixtures/enablement,
// the shared example, the RFC 3339 parser, and the no-throw promise.
//
// A scenario file (*.scenario.json) holds {"description", "options"?, one of
// "input" (a document), "inputFile" (a file beside it) or "inputText" (raw
// text), "expect"}. `expect` is either {"error": {code, instanceLocation},
// "exit": 2} or {state, canSend, causes, actions, exit}, or for a batch
// {"results": [...], "summary": {...}, "exit"}. A cause is "CODE@EVENT" or
// "CODE" (proved by the state alone: no event); an action is "CODE" followed by
// checks: number=N, expectedBy=T, errors=N, errors>=N.
#include "smsreg/enablement.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "enablement/time.hpp"
#include "input/bounded_json.hpp"
#include "smsreg/validator.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using smsreg::EnablementDiagnoser;
using smsreg::EnablementResult;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

json parse(const std::string& text) {
  json out;
  smsreg::input::ParseError error;
  smsreg::Limits limits;
  limits.maxBytes = 64u << 20;
  INFO(error.message);
  REQUIRE(smsreg::input::parseBounded(text, limits, out, error, false));
  return out;
}

const smsreg::Validator& registrationValidator() {
  static const smsreg::Validator validator;
  return validator;
}

int exitCode(const EnablementResult& r) { return !r.ok() ? 2 : r.allCanSend() ? 0 : 1; }

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

void checkDiagnosis(const smsreg::Diagnosis& d, const json& expect, const json* events) {
  CHECK(d.state == expect.at("state").get<std::string>());
  CHECK(d.canSend == expect.at("canSend").get<bool>());
  std::vector<std::string> causes;
  for (const smsreg::Cause& c : d.causes) {
    causes.push_back(c.event >= 0 ? c.code + "@" + std::to_string(c.event) : c.code);
    CHECK_FALSE(c.message.empty());
    CHECK(c.at.empty() == (c.event < 0));
    if (c.event >= 0 && events != nullptr) {  // `at` echoes the proving event's time as written
      CHECK(c.at == events->at(static_cast<std::size_t>(c.event)).at("at").get<std::string>());
    }
  }
  CHECK(causes == expect.at("causes").get<std::vector<std::string>>());
  const auto actions = expect.at("actions").get<std::vector<std::string>>();
  REQUIRE(d.actions.size() == actions.size());
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const smsreg::Action& a = d.actions[i];
    const std::vector<std::string> words = split(actions[i]);
    INFO("action " << i << ": " << actions[i]);
    CHECK(a.code == words.at(0));
    CHECK_FALSE(a.message.empty());
    CHECK((a.actor == "ADMIN" || a.actor == "NONE"));
    CHECK(a.number.empty() == (a.code != "RE_ENABLE_SMS"));
    for (std::size_t w = 1; w < words.size(); ++w) {
      const std::string& check = words[w];
      if (check.rfind("number=", 0) == 0) {
        CHECK(a.number == check.substr(7));
      } else if (check.rfind("expectedBy=", 0) == 0) {
        CHECK(a.expectedBy == check.substr(11));
      } else if (check.rfind("errors>=", 0) == 0) {
        CHECK(a.hasErrors);
        CHECK(a.errors.size() >= std::stoul(check.substr(8)));
      } else if (check.rfind("errors=", 0) == 0) {
        CHECK(a.hasErrors);
        CHECK(a.errors.size() == std::stoul(check.substr(7)));
      } else {
        FAIL("unknown action check " << check);
      }
    }
  }
}

}  // namespace

TEST_CASE("enablement scenarios", "[enablement]") {
  const fs::path dir = SMSREG_ENABLEMENT_FIXTURES;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 14 && name.compare(name.size() - 14, 14, ".scenario.json") == 0) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 25);

  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const json scenario = parse(readFile(file));
      INFO(scenario.value("description", ""));
      smsreg::EnablementOptions options;
      if (scenario.contains("options")) {
        options.recentDays = scenario["options"].value("recentDays", options.recentDays);
        options.pendingHours = scenario["options"].value("pendingHours", options.pendingHours);
      }
      std::string text;
      if (scenario.contains("inputFile")) {
        text = readFile(dir / scenario["inputFile"].get<std::string>());
      } else if (scenario.contains("inputText")) {
        text = scenario["inputText"].get<std::string>();
      } else {
        text = scenario.at("input").dump();
      }
      const EnablementDiagnoser diagnoser(options, &registrationValidator());
      const EnablementResult r = diagnoser.diagnose(text);
      const json& expect = scenario.at("expect");
      INFO(r.toText(file.filename().string()));
      CHECK(exitCode(r) == expect.at("exit").get<int>());

      // The JSON form always parses and carries the same verdict.
      const json out = parse(r.toJson());
      if (expect.contains("error")) {
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.code == expect["error"].at("code").get<std::string>());
        CHECK(r.error.instanceLocation == expect["error"].at("instanceLocation").get<std::string>());
        CHECK_FALSE(r.error.message.empty());
        CHECK(out.at("error").at("code") == expect["error"]["code"]);
        continue;
      }
      REQUIRE(r.ok());
      const json doc = parse(text);
      if (expect.contains("results")) {
        REQUIRE(r.batch);
        REQUIRE(r.diagnoses.size() == expect["results"].size());
        for (std::size_t i = 0; i < r.diagnoses.size(); ++i) {
          INFO("user " << i);
          const json& entry = doc.at("users").at(i);
          checkDiagnosis(r.diagnoses[i], expect["results"][i], entry.contains("events") ? &entry["events"] : nullptr);
        }
        CHECK(out.at("summary") == expect.at("summary"));
      } else {
        REQUIRE_FALSE(r.batch);
        REQUIRE(r.diagnoses.size() == 1);
        checkDiagnosis(r.diagnoses[0], expect, doc.contains("events") ? &doc["events"] : nullptr);
        CHECK(out.at("userId") == doc.at("user").at("id"));
        CHECK(out.at("state") == expect.at("state"));
      }
    }
  }
}

// The shared example's verdict, read from the shared folder (path from CMake)
// and from the copy in the fixtures, which must not drift from it.
TEST_CASE("the shared number-changed example", "[enablement]") {
  const fs::path copy = fs::path(SMSREG_ENABLEMENT_FIXTURES) / "example-number-changed.input.json";
  const fs::path shared = SMSREG_SHARED_ENABLEMENT_EXAMPLE;
  std::vector<fs::path> sources = {copy};
  if (fs::exists(shared)) {
    sources.push_back(shared);
    CHECK(parse(readFile(shared)) == parse(readFile(copy)));
  } else {
    WARN("shared example not found at " << shared.string() << "; checking the fixture copy only");
  }
  for (const fs::path& source : sources) {
    INFO(source.string());
    const EnablementResult r = EnablementDiagnoser().diagnose(readFile(source));
    REQUIRE(r.ok());
    REQUIRE(r.diagnoses.size() == 1);
    const smsreg::Diagnosis& d = r.diagnoses[0];
    CHECK(d.state == "DISABLED");
    CHECK_FALSE(d.canSend);
    REQUIRE(d.causes.size() == 1);
    CHECK(d.causes[0].code == "PHONE_NUMBER_CHANGED");
    CHECK(d.causes[0].event == 0);
    REQUIRE(d.actions.size() == 1);
    CHECK(d.actions[0].code == "RE_ENABLE_SMS");
    CHECK(d.actions[0].actor == "ADMIN");
    CHECK(d.actions[0].number == "+13125478833");
  }
}

TEST_CASE("RFC 3339 parsing", "[enablement][time]") {
  using smsreg::enablement::formatRfc3339;
  using smsreg::enablement::Instant;
  using smsreg::enablement::parseRfc3339;
  Instant t;
  REQUIRE(parseRfc3339("1970-01-01T00:00:00Z", t));
  CHECK(t.seconds == 0);
  REQUIRE(parseRfc3339("2026-11-20T08:00:00Z", t));
  CHECK(t.seconds == 1795161600);
  CHECK(formatRfc3339(t) == "2026-11-20T08:00:00Z");
  REQUIRE(parseRfc3339("2026-11-20T03:00:00-05:00", t));
  CHECK(t.seconds == 1795161600);
  REQUIRE(parseRfc3339("2026-11-20t13:30:00+05:30", t));
  CHECK(t.seconds == 1795161600);
  REQUIRE(parseRfc3339("2026-11-20T08:00:00.250z", t));
  CHECK(t.seconds == 1795161600);
  CHECK(t.nanos == 250000000);
  CHECK(formatRfc3339(t) == "2026-11-20T08:00:00.250Z");
  REQUIRE(parseRfc3339("2024-02-29T23:59:60Z", t));  // leap second: the next second
  CHECK(formatRfc3339(t) == "2024-03-01T00:00:00Z");
  REQUIRE(parseRfc3339("1969-12-31T23:59:59Z", t));
  CHECK(t.seconds == -1);
  CHECK(formatRfc3339(t) == "1969-12-31T23:59:59Z");
  REQUIRE(parseRfc3339("2000-02-29T00:00:00.123456789123Z", t));
  CHECK(t.nanos == 123456789);

  for (const char* bad :
       {"", "2026-11-20", "2026-11-20T08:00:00", "2026-11-20 08:00:00Z", "2026-11-20T08:00Z", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-20T24:00:00Z",
        "2026-11-20T08:60:00Z", "2026-11-20T08:00:61Z", "2026-11-20T08:00:00.Z", "2026-11-20T08:00:00+0500",
        "2026-11-20T08:00:00+24:00", "2026-11-20T08:00:00Zjunk", "+2026-11-20T08:00:00Z", "2026-1-20T08:00:00Z",
        "２026-11-20T08:00:00Z"}) {
    INFO(bad);
    CHECK_FALSE(parseRfc3339(bad, t));
  }
}

TEST_CASE("enablement never throws on hostile input", "[enablement]") {
  const EnablementDiagnoser diagnoser;
  const std::string deep = std::string(200, '[') + std::string(200, ']');
  for (const std::string& text : std::vector<std::string>{
           "", "null", "[]", "\"x\"", deep, "{\"asOf\":1}", "{\"asOf\":\"2026-11-26T12:00:00Z\",\"account\":[]}",
           "{\"asOf\":\"2026-11-26T12:00:00Z\",\"account\":{\"country\":\"US\"},\"users\":{}}",
           "{\"asOf\":\"2026-11-26T12:00:00Z\",\"account\":{\"country\":\"US\"},\"users\":[7]}",
           "{\"asOf\":\"2026-11-26T12:00:00Z\",\"account\":{\"country\":\"US\"},\"user\":{\"id\":\"u\","
           "\"phoneNumber\":\"+1\"},\"events\":[{\"at\":\"2026-11-26T12:00:00Z\",\"type\":\"SMS_ENABLED\"}]}",
           std::string("{\"a\":\"\xff\"}")}) {
    const EnablementResult r = diagnoser.diagnose(text);
    INFO(text.substr(0, 80));
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.error.code.empty());
  }
  smsreg::EnablementOptions small;
  small.limits.maxBytes = 16;
  CHECK(EnablementDiagnoser(small).diagnose(std::string(100, ' ')).error.code == "INPUT_TOO_LARGE");
}

TEST_CASE("enablement is deterministic and safe to share across threads", "[enablement]") {
  const fs::path copy = fs::path(SMSREG_ENABLEMENT_FIXTURES) / "example-number-changed.input.json";
  const std::string text = readFile(copy);
  const EnablementDiagnoser diagnoser;
  const std::string expected = diagnoser.diagnose(text).toJson();
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < 200; ++n) got[i] = diagnoser.diagnose(text).toJson();
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& g : got) CHECK(g == expected);
}
