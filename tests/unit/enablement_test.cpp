// The enablement diagnosis: every scenario fixture in tests/fixtures/enablement,
// the shared example, the RFC 3339 parser, and the no-throw promise.
//
// A scenario file (*.scenario.json) holds {"description", "options"?, one of
// "input" (a document), "inputFile" (a file beside it) or "inputText" (raw
// text), "expect"}. `expect` is either {"error": {code, instanceLocation},
// "exit": 2} or {state, canSend, causes, actions, exit}, or for a batch
// {"results": [...], "summary": {...}, "exit"}. A cause is "CODE@EVENT" or
// "CODE" (proved by the state alone: no event); an action is "CODE" followed by
// checks: number=N, expectedBy=T, errors=N, errors>=N, licenses=A,B.
// `options` may set recentDays, pendingHours and clockSkewSeconds.
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

#include "enablement/licenses.hpp"
#include "enablement/phone_numbers.hpp"
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
    const bool carriesNumber =
        a.code == "RE_ENABLE_SMS" || a.code == "USE_SMS_CAPABLE_NUMBER" || a.code == "ADD_NUMBER_TO_CAMPAIGN";
    CHECK(a.number.empty() == !carriesNumber);
    bool licensesChecked = false;
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
      } else if (check.rfind("licenses=", 0) == 0) {
        std::string list;
        for (const std::string& l : a.licenses) list += (list.empty() ? "" : ",") + l;
        CHECK(list == check.substr(9));
        licensesChecked = true;
      } else {
        FAIL("unknown action check " << check);
      }
    }
    if (!licensesChecked) CHECK(a.licenses.empty());
  }
}

smsreg::EnablementOptions scenarioOptions(const json& scenario) {
  smsreg::EnablementOptions options;
  if (scenario.contains("options")) {
    options.recentDays = scenario["options"].value("recentDays", options.recentDays);
    options.pendingHours = scenario["options"].value("pendingHours", options.pendingHours);
    options.clockSkewSeconds = scenario["options"].value("clockSkewSeconds", options.clockSkewSeconds);
  }
  return options;
}

std::string scenarioText(const fs::path& dir, const json& scenario) {
  if (scenario.contains("inputFile")) return readFile(dir / scenario["inputFile"].get<std::string>());
  if (scenario.contains("inputText")) return scenario["inputText"].get<std::string>();
  return scenario.at("input").dump();
}

std::vector<fs::path> scenarioFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(SMSREG_ENABLEMENT_FIXTURES)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 14 && name.compare(name.size() - 14, 14, ".scenario.json") == 0) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("enablement scenarios", "[enablement]") {
  const fs::path dir = SMSREG_ENABLEMENT_FIXTURES;
  const std::vector<fs::path> files = scenarioFiles();
  REQUIRE(files.size() >= 25);

  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const json scenario = parse(readFile(file));
      INFO(scenario.value("description", ""));
      const smsreg::EnablementOptions options = scenarioOptions(scenario);
      const std::string text = scenarioText(dir, scenario);
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

// Every enablement document in tests/ keeps the answer the first engine gave
// (tests/enablement/baseline-v1.json, recorded by make_baseline.py from the
// build before INTERFACE 3.1), byte for byte, except the documents listed in
// baseline-changes.json with the 3.1 rule that changes them. A listed
// document that no longer changes fails too, so the list stays true.
TEST_CASE("enablement baseline: old documents keep their answers", "[enablement][baseline]") {
  const fs::path fixtures = SMSREG_ENABLEMENT_FIXTURES;
  const fs::path dir = fixtures.parent_path().parent_path() / "enablement";
  const json baseline = parse(readFile(dir / "baseline-v1.json"));
  const json changes = parse(readFile(dir / "baseline-changes.json"));
  REQUIRE(baseline.size() >= 50);
  std::size_t same = 0;
  std::size_t changed = 0;
  for (const json& entry : baseline) {
    const std::string name = entry.at("document").get<std::string>();
    INFO(name);
    std::string text;
    smsreg::EnablementOptions options;
    const auto colon = name.rfind(':');
    if (colon != std::string::npos) {  // a line of an NDJSON file
      std::istringstream lines(readFile(dir / name.substr(0, colon)));
      std::string line;
      for (unsigned long n = std::stoul(name.substr(colon + 1)); n > 0 && std::getline(lines, line); --n) {
      }
      text = line;
    } else {
      REQUIRE(fs::exists(fixtures / name));
      const json scenario = parse(readFile(fixtures / name));
      options = scenarioOptions(scenario);
      text = scenarioText(fixtures, scenario);
    }
    const EnablementResult r = EnablementDiagnoser(options, &registrationValidator()).diagnose(text);
    const std::string now = r.toJson();
    const bool expectChange = changes.contains(name);
    INFO("was: " << entry.at("output").get<std::string>() << "\nnow: " << now);
    if (expectChange) {
      CHECK(now != entry.at("output").get<std::string>());
      CHECK_FALSE(changes.at(name).get<std::string>().empty());
      ++changed;
    } else {
      CHECK(now == entry.at("output").get<std::string>());
      CHECK(exitCode(r) == entry.at("exit").get<int>());
      ++same;
    }
  }
  CHECK(changed == changes.size());
  WARN(same << " old documents answer as before; " << changed << " changed by INTERFACE 3.1");
}

TEST_CASE("license names compare without case, spaces or product name", "[enablement]") {
  using smsreg::enablement::normalizeLicense;
  CHECK(normalizeLicense("X4") == "X4");
  CHECK(normalizeLicense(" x4 ") == "X4");
  CHECK(normalizeLicense("X Series X4") == "X4");
  CHECK(normalizeLicense("x  series\tx4") == "X4");
  CHECK(normalizeLicense("8x8 X Series X4") == "X4");
  CHECK(normalizeLicense("X-Series X6") == "X6");
  CHECK(normalizeLicense("X Series") == "X SERIES");  // a product name alone is left as the name
  CHECK(normalizeLicense("Basic") == "BASIC");
  CHECK(normalizeLicense("") == "");
  CHECK(normalizeLicense("   ") == "");
}

TEST_CASE("phone numbers are read with the account's country and kept in E.164", "[enablement]") {
  using smsreg::enablement::PhoneNumber;
  using smsreg::enablement::readPhoneNumber;
  PhoneNumber n;
  for (const char* written : {"+14153218765", "(415) 321-8765", "415.321.8765", "1-415-321-8765", "+1 415 321 8765",
                              "tel:+1-415-321-8765", "415-321-8765 ext. 12"}) {
    INFO(written);
    REQUIRE(readPhoneNumber(written, "US", n));
    CHECK(n.e164 == "+14153218765");
    CHECK(n.region == "US");
  }
  REQUIRE(readPhoneNumber("07700 900123", "GB", n));
  CHECK(n.e164 == "+447700900123");
  CHECK(n.region == "GB");
  REQUIRE(readPhoneNumber("(416) 555-0123", "CA", n));
  CHECK(n.e164 == "+14165550123");
  REQUIRE(readPhoneNumber("+14155550188", "GB", n));  // fictional 555-01XX: the calling code's main country
  CHECK(n.region == "US");
  REQUIRE(readPhoneNumber("(416) 555-0123", "CA", n, false));  // not placed: E.164 only
  CHECK(n.e164 == "+14165550123");
  CHECK(n.region.empty());
  for (const char* bad : {"", "call reception", "n/a", "5", "+", "+999 123 4567", "12345678901234567890123"}) {
    INFO(bad);
    CHECK_FALSE(readPhoneNumber(bad, "US", n));
  }
  CHECK_FALSE(readPhoneNumber("415 321 8765", "ZZ", n));  // no region, no country code
}

// libphonenumber's PhoneNumberUtil is one process-wide instance with a locked
// regex cache; many threads reading numbers through one diagnoser must agree
// with a single thread (TSan in CI runs this too).
TEST_CASE("number reading is safe to share across threads", "[enablement]") {
  const fs::path dir = SMSREG_ENABLEMENT_FIXTURES;
  std::vector<std::string> texts;
  for (const fs::path& file : scenarioFiles()) {
    const std::string name = file.filename().string();
    if (name.rfind("seen-", 0) == 0 || name.rfind("messy-", 0) == 0 || name.rfind("bad-unreadable", 0) == 0) {
      texts.push_back(scenarioText(dir, parse(readFile(file))));
    }
  }
  REQUIRE(texts.size() >= 10);
  const EnablementDiagnoser diagnoser;
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(diagnoser.diagnose(t).toJson());
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < mismatches.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) {
        for (std::size_t k = 0; k < texts.size(); ++k) {
          if (diagnoser.diagnose(texts[(k + i) % texts.size()]).toJson() != expected[(k + i) % texts.size()]) {
            ++mismatches[i];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) CHECK(m == 0);
}
