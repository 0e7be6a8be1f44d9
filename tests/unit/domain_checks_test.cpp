// Table-driven tests of src/rules/domain_checks.hpp and of the embedded data tables it reads.
#include "rules/domain_checks.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "schema/embedded.hpp"

namespace rules = smsreg::rules;
using namespace std::string_literals;

namespace {

nlohmann::json embeddedJson(const char* path) {
  const std::string_view text = smsreg::embedded::find(path);
  return nlohmann::json::parse(text.data(), text.data() + text.size());
}

std::string twoDigits(int value) { return std::to_string(value / 10) + std::to_string(value % 10); }

}  // namespace

TEST_CASE("every data table parses and names its source", "[domain][data]") {
  for (const char* path : {"data/ein-prefixes.json", "data/regions.json", "data/postal-letters.json",
                           "data/free-mail-domains.json", "data/url-shorteners.json"}) {
    INFO(path);
    REQUIRE_FALSE(smsreg::embedded::find(path).empty());
    const nlohmann::json table = embeddedJson(path);
    REQUIRE(table.contains("source"));
    CHECK(table.at("source").get<std::string>().size() > 20);
  }
  const nlohmann::json regions = embeddedJson("data/regions.json");
  CHECK(regions.at("US").size() == 59);  // 50 states + DC + PR VI GU AS MP + AA AE AP
  CHECK(regions.at("CA").size() == 13);
}

TEST_CASE("US EIN prefixes", "[domain][ein]") {
  const std::vector<int> invalidPrefixes = {0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97};
  for (int prefix = 0; prefix < 100; ++prefix) {
    const std::string ein = twoDigits(prefix) + "-1234567";
    INFO(ein);
    const bool expectValid = std::find(invalidPrefixes.begin(), invalidPrefixes.end(), prefix) == invalidPrefixes.end();
    const rules::EinCheck check = rules::checkUsEin(ein);
    CHECK(check.result == (expectValid ? rules::EinCheck::Result::kOk : rules::EinCheck::Result::kPrefix));
    CHECK(check.prefix == twoDigits(prefix));
  }
}

TEST_CASE("US EIN shape", "[domain][ein]") {
  struct Case {
    std::string input;
    rules::EinCheck::Result result;
    std::string normalized;
  };
  using R = rules::EinCheck::Result;
  const std::vector<Case> cases = {
      {"12-3456789", R::kOk, "12-3456789"},     {"123456789", R::kOk, "12-3456789"},
      {"00-1234567", R::kPrefix, "00-1234567"}, {"12-345678", R::kFormat, ""},
      {"1234567890", R::kFormat, ""},           {"123-45-6789", R::kFormat, ""},
      {"12 3456789", R::kFormat, ""},           {" 12-3456789", R::kFormat, ""},
      {"12-34567a9", R::kFormat, ""},           {"", R::kFormat, ""},
      {"1-23456789", R::kFormat, ""},           {"12-3456789\0"s, R::kFormat, ""},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const rules::EinCheck check = rules::checkUsEin(c.input);
    CHECK(check.result == c.result);
    CHECK(check.normalized == c.normalized);
    if (c.result != R::kFormat) {
      CHECK(check.digits == c.normalized.substr(0, 2) + c.normalized.substr(3));
      CHECK(check.prefix == c.normalized.substr(0, 2));
    }
  }
}

TEST_CASE("SSN shape", "[domain][ein]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"123-45-6789", true},   {"078-05-1120", true},  {"123456789", false},
      {"12-3456789", false},   {"123-456-789", false}, {"123-45-678", false},
      {"123-45-67890", false}, {"abc-de-fghi", false}, {"", false},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::looksLikeSsn(input) == expected);
  }
}

TEST_CASE("Canadian Business Number", "[domain][bn]") {
  struct Case {
    std::string input;
    rules::BnCheck::Result result;
    std::string normalized;
  };
  using R = rules::BnCheck::Result;
  const std::vector<Case> cases = {
      {"871234563", R::kOk, "871234563"},
      {"123456789", R::kChecksum, "123456789"},
      {"123026635RC0001", R::kOk, "123026635RC0001"},
      {"123026635 RC 0001", R::kOk, "123026635RC0001"},
      {"871234563 rt 0001", R::kOk, "871234563RT0001"},
      {"871234563-RM-0002", R::kOk, "871234563RM0002"},
      {"123456789RC0001", R::kChecksum, "123456789RC0001"},
      {"12345678", R::kFormat, ""},
      {"1234567890", R::kFormat, ""},
      {"871234563RX0001", R::kFormat, ""},
      {"871234563RC001", R::kFormat, ""},
      {"871234563RC00001", R::kFormat, ""},
      {"87123456A", R::kFormat, ""},
      {"", R::kFormat, ""},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const rules::BnCheck check = rules::checkCanadianBn(c.input);
    CHECK(check.result == c.result);
    CHECK(check.normalized == c.normalized);
  }
}

TEST_CASE("E.164 from loosely written numbers", "[domain][nanp]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(312) 547-8810", "+13125478810"},
      {"312.547.8810", "+13125478810"},
      {"1-312-547-8810", "+13125478810"},
      {"+1 312 547 8810", "+13125478810"},
      {"+13125478810", "+13125478810"},
      {"3125478810", "+13125478810"},
      {" 312 547 8810 ", "+13125478810"},
      {"+312 547 8810", ""},
      {"2-312-547-8810", ""},
      {"312-547-881", ""},
      {"1-312-547-88100", ""},
      {"312-JKL-8810", ""},
      {"312/547/8810", ""},
      {"312+5478810", ""},
      {"++13125478810", ""},
      {"", ""},
      {"3125478810\0"s, ""},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::toE164(input) == expected);
  }
}

TEST_CASE("NANP problems", "[domain][nanp]") {
  using P = rules::NanpProblem;
  const std::vector<std::pair<std::string, P>> cases = {
      {"+12125550123", P::kNone},
      {"+10125550123", P::kAreaCodeStartsWith0or1},
      {"+11125550123", P::kAreaCodeStartsWith0or1},
      {"+12121234567", P::kExchangeStartsWith0or1},
      {"+12120234567", P::kExchangeStartsWith0or1},
      {"+14115550123", P::kAreaCodeN11},
      {"+19115550123", P::kAreaCodeN11},
      {"+12124115678", P::kExchangeN11},
      {"+12925550123", P::kAreaCodeN9X},
      {"+13125478810", P::kNone},
      {"2125550123", P::kNone},  // not E.164: the caller's format error
      {"+1212555012", P::kNone},
      {"+22125550123", P::kNone},
      {"+1212555012a", P::kNone},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::checkNanp(input) == expected);
  }
  for (P problem : {P::kNone, P::kAreaCodeStartsWith0or1, P::kExchangeStartsWith0or1, P::kAreaCodeN11, P::kExchangeN11,
                    P::kAreaCodeN9X}) {
    REQUIRE(rules::describe(problem) != nullptr);
    CHECK(std::string(rules::describe(problem)).size() > 10);
  }
  CHECK(std::string(rules::describe(P::kAreaCodeStartsWith0or1)) == "the area code starts with 0 or 1");
}

TEST_CASE("fictional 555 and toll-free numbers", "[domain][nanp]") {
  const std::vector<std::pair<std::string, bool>> fictional = {
      {"+13125550150", true},  {"+13125550100", true},  {"+13125550199", true}, {"+13125550200", false},
      {"+13125550099", false}, {"+13125551212", false}, {"3125550150", false},  {"+1312555015", false},
  };
  for (const auto& [input, expected] : fictional) {
    INFO(input);
    CHECK(rules::isFictional555(input) == expected);
  }
  const std::vector<std::pair<std::string, bool>> tollFree = {
      {"+18005550199", true},  {"+18335478810", true},  {"+18445478810", true}, {"+18555478810", true},
      {"+18665478810", true},  {"+18775478810", true},  {"+18885478810", true}, {"+18995478810", false},
      {"+19005478810", false}, {"+13125478810", false}, {"8005478810", false},  {"", false},
  };
  for (const auto& [input, expected] : tollFree) {
    INFO(input);
    CHECK(rules::isTollFree(input) == expected);
  }
}

TEST_CASE("region codes", "[domain][regions]") {
  for (const char* code : {"IL", "NY", "CA", "DC", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP", "WY", "AK"}) {
    INFO(code);
    CHECK(rules::isUsState(code));
  }
  for (const char* code : {"il", "ON", "QC", "UM", "XX", "", "ILL", "I"}) {
    INFO(code);
    CHECK_FALSE(rules::isUsState(code));
  }
  for (const char* code : {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"}) {
    INFO(code);
    CHECK(rules::isCaProvince(code));
  }
  for (const char* code : {"on", "PQ", "NF", "IL", "", "ONT"}) {
    INFO(code);
    CHECK_FALSE(rules::isCaProvince(code));
  }
  CHECK(rules::regionName("ON", "CA") == "Ontario");
  CHECK(rules::regionName("QC", "CA") == "Quebec");
  CHECK(rules::regionName("IL", "US") == "Illinois");
  CHECK(rules::regionName("DC", "US") == "District of Columbia");
  CHECK(rules::regionName("ON", "US").empty());
  CHECK(rules::regionName("on", "CA").empty());
  CHECK(rules::regionName("ON", "MX").empty());
}

TEST_CASE("region suggestions", "[domain][regions]") {
  struct Case {
    std::string text;
    std::string country;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"Ontario", "CA", "ON"},
      {"ontario", "CA", "ON"},
      {"on", "CA", "ON"},
      {"ON", "CA", "ON"},
      {" Ontario ", "CA", "ON"},
      {"Québec", "CA", "QC"},
      {"QUÉBEC", "CA", "QC"},
      {"Que\xCC\x81"
       "bec",
       "CA", "QC"},  // decomposed é
      {"Quebec", "CA", "QC"},
      {"PQ", "CA", "QC"},
      {"Nouvelle-Écosse", "CA", "NS"},
      {"Île-du-Prince-Édouard", "CA", "PE"},
      {"Prince Edward Island", "CA", "PE"},
      {"british columbia", "CA", "BC"},
      {"B.C.", "CA", "BC"},
      {"Newfoundland", "CA", "NL"},
      {"CA-ON", "CA", "ON"},
      {"Illinois", "US", "IL"},
      {"illinois", "US", "IL"},
      {"il", "US", "IL"},
      {"N.Y.", "US", "NY"},
      {"New  York", "US", "NY"},
      {"Washington", "US", "WA"},
      {"Washington, D.C.", "US", "DC"},
      {"Puerto Rico", "US", "PR"},
      {"US-TX", "US", "TX"},
      {"Ill.", "US", ""},
      {"Ontario", "US", ""},
      {"Illinois", "CA", ""},
      {"Ontario", "ca", ""},
      {"Ontar", "CA", ""},
      {"", "CA", ""},
      {"On\xFFtario", "CA", ""},
      {"Ontario\0"s, "CA", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text << " / " << c.country);
    CHECK(rules::suggestRegion(c.text, c.country) == c.expected);
  }
}

TEST_CASE("US ZIP codes", "[domain][postal]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"60612", true},      {"60612-1234", true},  {"6061", false},     {"606121234", false},
      {"60612-123", false}, {"60612 1234", false}, {"6061a", false},    {"", false},
      {"60612-", false},    {" 60612", false},     {"60612\0"s, false},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::isUsZip(input) == expected);
  }
}

TEST_CASE("Canadian postal codes", "[domain][postal]") {
  struct Case {
    std::string postal;
    std::string province;
    rules::CaPostalCheck::Result result;
    std::string normalized;
    std::string badLetter;
  };
  using R = rules::CaPostalCheck::Result;
  const std::vector<Case> cases = {
      {"K1A 0B1", "ON", R::kOk, "K1A 0B1", ""},
      {"K1A0B1", "", R::kOk, "K1A 0B1", ""},
      {"k1a 0b1", "", R::kOk, "K1A 0B1", ""},
      {"k1a 0b1", "on", R::kOk, "K1A 0B1", ""},
      {"H2X 1Y4", "QC", R::kOk, "H2X 1Y4", ""},
      {"D1A 0B1", "", R::kLetters, "D1A 0B1", "D"},
      {"W1A 0B1", "", R::kLetters, "W1A 0B1", "W"},
      {"K1A 0Z1", "", R::kOk, "K1A 0Z1", ""},  // W and Z are fine after the first letter
      {"K1O 0B1", "", R::kLetters, "K1O 0B1", "O"},
      {"K1A 0B1", "QC", R::kProvinceMismatch, "K1A 0B1", ""},
      {"K1A 0B1", "IL", R::kProvinceMismatch, "K1A 0B1", ""},
      {"X0A 0B1", "NU", R::kOk, "X0A 0B1", ""},
      {"X0A 0B1", "NT", R::kProvinceMismatch, "X0A 0B1", ""},
      {"X1A 2P5", "NT", R::kOk, "X1A 2P5", ""},
      {"X0E 0B1", "NU", R::kProvinceMismatch, "X0E 0B1", ""},
      {"K1A  0B1", "", R::kFormat, "", ""},
      {"K1A-0B1", "", R::kFormat, "", ""},
      {"1KA 0B1", "", R::kFormat, "", ""},
      {"K1A 0B", "", R::kFormat, "", ""},
      {"", "", R::kFormat, "", ""},
      {"K1A\0"s
       "0B1",
       "", R::kFormat, "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.postal << " / " << c.province);
    const rules::CaPostalCheck check = rules::checkCanadianPostal(c.postal, c.province);
    CHECK(check.result == c.result);
    CHECK(check.normalized == c.normalized);
    CHECK(check.badLetter == c.badLetter);
  }
  CHECK(rules::checkCanadianPostal("K1A 0B1", "QC").provincesForLetter == std::vector<std::string>{"ON"});
  CHECK(rules::checkCanadianPostal("X0A 0B1", "NT").provincesForLetter == std::vector<std::string>{"NU"});
  CHECK(rules::checkCanadianPostal("X9A 0B1", "").provincesForLetter == std::vector<std::string>{"NT", "NU"});
  CHECK(rules::checkCanadianPostal("X9A 0B1", "NU").result == R::kOk);
}

TEST_CASE("email syntax and domain", "[domain][email]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"jane@example.com", true},
      {"jane.doe+sms@mail.example.co.uk", true},
      {"o'brien@example.ca", true},
      {"j_d-1@ex-ample.io", true},
      {"jane@example", false},
      {"jane@example.c", false},
      {"jane@example.c0m", false},
      {"jane@@example.com", false},
      {"jane@ex@ample.com", false},
      {"@example.com", false},
      {"jane@", false},
      {"jane", false},
      {"jane doe@example.com", false},
      {"jane@exa mple.com", false},
      {".jane@example.com", false},
      {"jane.@example.com", false},
      {"ja..ne@example.com", false},
      {"jane@-example.com", false},
      {"jane@example-.com", false},
      {"jane@example..com", false},
      {"jane@.example.com", false},
      {"jane@example.com.", false},
      {"jané@example.com", false},
      {"jane@example.com\0"s, false},
      {std::string(65, 'a') + "@example.com", false},
      {std::string(64, 'a') + "@example.com", true},
      {"a@" + std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(63, 'd') + ".com", true},
      {"a@" + std::string(64, 'b') + ".com", false},
      {"a@" + std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(63, 'd') + "." +
           std::string(57, 'e') + ".com",
       false},  // 255 bytes
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::isEmailSyntax(input) == expected);
  }
  CHECK(rules::emailDomain("Jane@Example.COM") == "example.com");
  CHECK(rules::emailDomain("a@b@Example.com") == "example.com");
  CHECK(rules::emailDomain("jane").empty());
  CHECK(rules::emailDomain("jane@").empty());
}

TEST_CASE("free-mail domains", "[domain][email]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"gmail.com", true},
      {"GMail.com", true},
      {"yahoo.com", true},
      {"hotmail.com", true},
      {"outlook.com", true},
      {"aol.com", true},
      {"icloud.com", true},
      {"proton.me", true},
      {"comcast.net", true},
      {"mail.yahoo.com", true},
      {"gmail.com.", true},
      {"rogers.com", true},
      {"example.com", false},
      {"notgmail.com", false},
      {"gmail.co", false},
      {"gmail.com.evil.io", false},
      {"", false},
      {"com", false},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::isFreeMailDomain(input) == expected);
  }
}

TEST_CASE("URL hosts", "[domain][web]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://www.Example.com/path?q=1", "example.com"},
      {"http://example.com", "example.com"},
      {"HTTPS://EXAMPLE.COM:8443/x", "example.com"},
      {"https://user:pw@shop.example.com/", "shop.example.com"},
      {"https://example.com#frag", "example.com"},
      {"https://example.com.", "example.com"},
      {"http://localhost:8080/", "localhost"},
      {"https://www.com", "www.com"},
      {"bit.ly/abc", "bit.ly"},
      {"www.bit.ly/abc", "bit.ly"},
      {"  tinyurl.com/x  ", "tinyurl.com"},
      {"example.com", "example.com"},
      {"ftp://example.com/file", ""},
      {"mailto:jane@example.com", ""},
      {"javascript:alert(1)", ""},
      {"jane@example.com", ""},
      {"and/or", ""},
      {"https://", ""},
      {"https://exa mple.com", ""},
      {"https://-bad.com", ""},
      {"https://example.com:80a/", ""},
      {"", ""},
      {"https://exam\0ple.com"s, ""},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::urlHost(input) == expected);
  }
}

TEST_CASE("URL shorteners", "[domain][web]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"bit.ly", true},
      {"BIT.LY", true},
      {"tinyurl.com", true},
      {"goo.gl", true},
      {"ow.ly", true},
      {"t.co", true},
      {"is.gd", true},
      {"buff.ly", true},
      {"rebrand.ly", true},
      {"cutt.ly", true},
      {"shorturl.at", true},
      {"tiny.cc", true},
      {"bl.ink", true},
      {"rb.gy", true},
      {"t.ly", true},
      {"s.id", true},
      {"lnkd.in", true},
      {"www.bit.ly", true},
      {"preview.tinyurl.com", true},
      {"example.com", false},
      {"notbit.ly", false},
      {"bit.ly.example.com", false},
      {"co", false},
      {"", false},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    CHECK(rules::isUrlShortener(input) == expected);
  }
  CHECK(rules::isUrlShortener(rules::urlHost("https://bit.ly/3xYz")));
  CHECK_FALSE(rules::isUrlShortener(rules::urlHost("https://www.example.com/offer")));
}

TEST_CASE("1 MiB of arbitrary bytes into every function", "[domain][robustness]") {
  std::mt19937 random(20240601);
  std::vector<std::string> inputs;
  std::string noise(1 << 20, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xFF);
  inputs.push_back(noise);
  // Long runs of the characters each parser cares about, which is where a quadratic scan would show.
  inputs.push_back(std::string(1 << 20, '.'));
  inputs.push_back(std::string(1 << 20, '1'));
  inputs.push_back(std::string(1 << 20, '@'));
  inputs.push_back(std::string(1 << 20, ' '));
  inputs.push_back("https://" + std::string(1 << 20, 'a'));
  std::string dottedHost;
  while (dottedHost.size() < (1 << 20)) dottedHost += "a.";
  inputs.push_back(dottedHost + "bit.ly");
  inputs.push_back("jane@" + dottedHost + "com");

  for (const std::string& input : inputs) {
    CHECK(rules::checkUsEin(input).result == rules::EinCheck::Result::kFormat);
    CHECK_FALSE(rules::looksLikeSsn(input));
    CHECK(rules::checkCanadianBn(input).result == rules::BnCheck::Result::kFormat);
    CHECK(rules::toE164(input).empty());
    CHECK(rules::checkNanp(input) == rules::NanpProblem::kNone);
    CHECK_FALSE(rules::isFictional555(input));
    CHECK_FALSE(rules::isTollFree(input));
    CHECK_FALSE(rules::isUsState(input));
    CHECK_FALSE(rules::isCaProvince(input));
    CHECK(rules::suggestRegion(input, "US").empty());
    CHECK(rules::suggestRegion(input, "CA").empty());
    CHECK(rules::regionName(input, "CA").empty());
    CHECK_FALSE(rules::isUsZip(input));
    CHECK(rules::checkCanadianPostal(input, input).result == rules::CaPostalCheck::Result::kFormat);
    CHECK_FALSE(rules::isEmailSyntax(input));
    (void)rules::emailDomain(input);
    CHECK_FALSE(rules::isFreeMailDomain(input));
    CHECK(rules::urlHost(input).empty());
    CHECK_FALSE(rules::isUrlShortener(input));
  }
}

TEST_CASE("concurrent first use of the tables", "[domain][threads]") {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 200; ++i) {
        if (rules::checkUsEin("12-3456789").result != rules::EinCheck::Result::kOk) ++failures[t];
        if (rules::suggestRegion("Québec", "CA") != "QC") ++failures[t];
        const auto postal = rules::checkCanadianPostal("K1A 0B1", "ON");
        if (postal.result != rules::CaPostalCheck::Result::kOk) ++failures[t];
        if (!rules::isFreeMailDomain("gmail.com")) ++failures[t];
        if (!rules::isUrlShortener("bit.ly")) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : failures) CHECK(count == 0);
}
