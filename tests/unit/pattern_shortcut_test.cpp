// schema/pattern_shortcut: a shortcut never accepts what RE2 rejects, and it
// accepts the ordinary values it exists for.
#include "schema/pattern_shortcut.hpp"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "schema/keyword_table.hpp"

using smsreg::schema::compileSchemaPattern;
using smsreg::schema::patternShortcut;
using smsreg::schema::surelyEmail;

namespace {

// The seeds, and each with one byte replaced, inserted or removed, and cut
// at every length.
std::vector<std::string> variants(const std::vector<std::string>& seeds) {
  const std::string bytes = std::string("aZ09.-_ ,/?#@+:!~'\t\n\r\f\v\x7f") + "\x80\xc3\xa9\xff" + std::string(1, '\0');
  std::vector<std::string> out;
  for (const std::string& seed : seeds) {
    out.push_back(seed);
    for (std::size_t i = 0; i <= seed.size(); ++i) {
      out.push_back(seed.substr(0, i));
      if (i < seed.size()) out.push_back(seed.substr(0, i) + seed.substr(i + 1));
      for (char b : bytes) {
        out.push_back(seed.substr(0, i) + b + seed.substr(i));
        if (i < seed.size()) out.push_back(seed.substr(0, i) + b + seed.substr(i + 1));
      }
    }
  }
  return out;
}

void checkPattern(const std::string& source, const std::vector<std::string>& good) {
  std::string why;
  const auto re = compileSchemaPattern(source, why);
  REQUIRE(re != nullptr);
  const auto shortcut = patternShortcut(source);
  REQUIRE(shortcut != nullptr);
  for (const std::string& s : good) {
    INFO(s);
    CHECK(shortcut(s));
  }
  std::size_t accepted = 0;
  for (const std::string& s : variants(good)) {
    if (!shortcut(s)) continue;
    ++accepted;
    INFO(source << " accepted \"" << s << "\"");
    CHECK(RE2::PartialMatch(s, *re));
  }
  CHECK(accepted > good.size());
}

}  // namespace

TEST_CASE("pattern shortcut: phone numbers", "[unit][pattern_shortcut]") {
  checkPattern(R"(^\+1[0-9]{10}$)", {"+13125478810", "+10000000000", "+19999999999"});
}

TEST_CASE("pattern shortcut: country code", "[unit][pattern_shortcut]") {
  checkPattern(R"(^[A-Z]{2}$)", {"US", "CA", "AZ"});
}

TEST_CASE("pattern shortcut: web links", "[unit][pattern_shortcut]") {
  checkPattern(R"(^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$)",
               {"https://brightsideplumbing.com", "http://a.b", "https://x.example.org/privacy?x=1#top",
                "https://example.com?q", "https://example.com#", "http://a.b/", "https://1.2.3.4:8080/a%20b"});
}

TEST_CASE("pattern shortcut: keyword lists", "[unit][pattern_shortcut]") {
  checkPattern(
      R"(^[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?(,[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?)*$)",
      {"STOP", "STOP,END,QUIT", "A", "-", "opt in,START", "abcdefghijklmnopqrstuvwxyz0123", "a b-c,d", "HELP,INFO"});
}

TEST_CASE("pattern shortcut: none for other patterns", "[unit][pattern_shortcut]") {
  CHECK(patternShortcut("^[A-Z]{3}$") == nullptr);
  CHECK(patternShortcut("") == nullptr);
}

TEST_CASE("pattern shortcut: email addresses", "[unit][pattern_shortcut]") {
  const RE2 email(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@)"
                  R"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)");
  const std::vector<std::string> good = {"service@brightsideplumbing.com", "a@b.c", "first.last+tag@mail.example.co.uk",
                                         "o'neil@x-y.org", "x@" + std::string(63, 'a') + ".com"};
  for (const std::string& s : good) {
    INFO(s);
    CHECK(surelyEmail(s));
  }
  std::vector<std::string> all = variants(good);
  all.push_back("x@" + std::string(64, 'a') + ".com");
  all.push_back("x@-a.com");
  all.push_back("x@a-.com");
  all.push_back("x..y@a.com");
  all.push_back(".x@a.com");
  all.push_back("x@a..com");
  all.push_back("x@com");
  for (const std::string& s : all) {
    if (!surelyEmail(s)) continue;
    INFO("accepted \"" << s << "\"");
    CHECK(RE2::FullMatch(s, email));
  }
}
