// schema/pattern_shortcut: a shortcut never accepts what RE2 rejects, and it
// accepts the ordinary values it exists for.
#include "schema/pattern_shortcut.hpp"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <cstdint>
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

TEST_CASE("pattern shortcut: a link's path read eight bytes a step, as a byte loop reads it",
          "[unit][pattern_shortcut]") {
  const auto link = patternShortcut(R"(^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$)");
  REQUIRE(link != nullptr);
  // The plain way: a byte at a time, each printable ASCII but the space.
  auto plain = [](const std::string& path) {
    for (char c : path) {
      if (c <= ' ' || c >= 0x7f) return false;
    }
    return true;
  };
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned>(state >> 33);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string path = "/";
    const std::size_t length = next() % 40;
    for (std::size_t i = 0; i < length; ++i) path += static_cast<char>(0x21 + next() % 0x5e);
    if (round % 2 == 1 && !path.empty()) {
      // One byte anywhere from the whole range, often just out of it.
      static const unsigned char kEdges[] = {0x00, 0x09, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0xc3, 0xff};
      const unsigned char b = next() % 2 == 0 ? kEdges[next() % sizeof kEdges] : static_cast<unsigned char>(next());
      path[next() % path.size()] = static_cast<char>(b);
    }
    const std::string s = "https://example.com" + path;
    INFO(s);
    CHECK(link(s) == plain(path));
  }
}

namespace {

// The byte-at-a-time forms the table-driven shortcuts replaced: the plain
// way, for an exact comparison.
bool plainLink(const std::string& s) {
  std::size_t at;
  if (s.rfind("http://", 0) == 0) {
    at = 7;
  } else if (s.rfind("https://", 0) == 0) {
    at = 8;
  } else {
    return false;
  }
  const auto visible = [](char c) { return c > ' ' && c < 0x7f; };
  const std::size_t hostStart = at;
  std::size_t innerDot = 0;
  for (; at < s.size(); ++at) {
    const char c = s[at];
    if (c == '/' || c == '?' || c == '#') break;
    if (!visible(c)) return false;
    if (c == '.' && innerDot == 0 && at > hostStart) innerDot = at;
  }
  if (innerDot == 0 || innerDot + 1 >= at) return false;
  for (; at < s.size(); ++at) {
    if (!visible(s[at])) return false;
  }
  return true;
}

bool plainKeywords(const std::string& s) {
  const auto inWord = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ' ';
  };
  std::size_t wordStart = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',') {
      const std::size_t length = i - wordStart;
      if (length == 0 || length > 30 || s[wordStart] == ' ' || s[i - 1] == ' ') return false;
      wordStart = i + 1;
    } else if (!inWord(s[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("pattern shortcut: links and keyword lists by byte class, as byte tests read them",
          "[unit][pattern_shortcut]") {
  const auto link = patternShortcut(R"(^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$)");
  const auto keywords = patternShortcut(
      R"(^[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?(,[A-Za-z0-9-]([A-Za-z0-9 -]{0,28}[A-Za-z0-9-])?)*$)");
  REQUIRE(link != nullptr);
  REQUIRE(keywords != nullptr);
  std::uint64_t state = 777;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned>(state >> 33);
  };
  const std::string linkBytes = std::string("ab.-.:_/?#.zZ9% ") + "\x7f\x80\xc3\t" + std::string(1, '\0');
  const std::string keywordBytes = std::string("aZ9- ,,-  .x_") + "\x80\xff\t" + std::string(1, '\0');
  std::size_t links = 0, lists = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string s = round % 2 == 0 ? "https://" : "http://";
    for (std::size_t i = 0, n = next() % 24; i < n; ++i) s += linkBytes[next() % linkBytes.size()];
    INFO(s);
    CHECK(link(s) == plainLink(s));
    links += plainLink(s) ? 1 : 0;
    std::string k;
    for (std::size_t i = 0, n = next() % 70; i < n; ++i) k += keywordBytes[next() % keywordBytes.size()];
    if (round % 3 == 0) k = k.substr(0, 5) + "," + std::string(next() % 34, 'a');
    INFO(k);
    CHECK(keywords(k) == plainKeywords(k));
    lists += plainKeywords(k) ? 1 : 0;
  }
  CHECK(links > 300);  // both answers met often
  CHECK(lists > 300);
}
