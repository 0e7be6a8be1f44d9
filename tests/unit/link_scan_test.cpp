// findLinks, linksIn and hasPhoneNumber against the plain way of computing
// them: blank emails out of a copy with GlobalReplace, then run the link
// pattern asking RE2 for all four submatches. The library takes shortcuts
// (no submatch engine, emails skipped rather than blanked); every link's
// text, host, flags and order must come out as the plain way gives them.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "rules/content_data.hpp"
#include "rules/domain_checks.hpp"
#include "rules/text_match.hpp"
#include "url_host_reference.hpp"

namespace rules = smsreg::rules;

namespace {

std::vector<rules::Link> plainLinks(const rules::ContentData& content, const std::string& text) {
  std::vector<rules::Link> links;
  std::string scan = text;
  RE2::GlobalReplace(&scan, *content.email, " ");
  std::size_t pos = 0;
  re2::StringPiece whole(scan);
  re2::StringPiece found[4];
  while (pos < scan.size() && links.size() < 64 &&
         content.link->Match(whole, pos, scan.size(), RE2::UNANCHORED, found, 4)) {
    std::size_t end = static_cast<std::size_t>(found[0].data() - scan.data()) + found[0].size();
    pos = end > pos ? end : pos + 1;
    if (found[2].data() != nullptr && content.tlds.count(std::string(found[2])) == 0) continue;
    rules::Link link;
    link.text = std::string(found[0]);
    while (!link.text.empty()) {
      const char last = link.text.back();
      const bool punctuation = std::string_view(".,;:!?'").find(last) != std::string_view::npos;
      const bool unopened = (last == ')' && link.text.find('(') == std::string::npos) ||
                            (last == ']' && link.text.find('[') == std::string::npos);
      if (!punctuation && !unopened) break;
      link.text.pop_back();
    }
    std::string lower = link.text;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    link.secure = lower.rfind("https://", 0) == 0;
    link.plainHttp = lower.rfind("http://", 0) == 0;
    link.host = rules::urlHost(link.text);
    links.push_back(std::move(link));
  }
  return links;
}

bool plainPhone(const rules::ContentData& content, const std::string& text) {
  std::string out = text;
  RE2::GlobalReplace(&out, *content.email, " ");
  RE2::GlobalReplace(&out, *content.link, " ");
  return RE2::PartialMatch(out, *content.phone);
}

std::string describe(const std::vector<rules::Link>& links) {
  std::string out;
  for (const rules::Link& l : links) {
    out += "[" + l.text + "|" + l.host + "|" + (l.secure ? "s" : "-") + (l.plainHttp ? "h" : "-") + "]";
  }
  return out;
}

void checkSame(const rules::ContentData& content, const std::string& text) {
  INFO("text: " << text);
  CHECK(describe(rules::findLinks(content, text)) == describe(plainLinks(content, text)));
  CHECK(rules::hasPhoneNumber(content, text) == plainPhone(content, text));
}

// Pieces that sit at the edges of the link and email patterns: schemes in
// both cases, "www." with one label or two, real and unknown top-level
// domains, emails touching links, brackets, sentence punctuation, quotes,
// ports, non-ASCII letters and phone numbers.
const char* const kPieces[] = {
    "http://", "https://", "HTTPS://", "Http://", "www.",   "WWW.",        "wWw.",
    "example", "shop",     "co",       "com",     "uk",     "ai",          "to",
    "COM",     "xn--p1ai", "xn--",     "way",     ".",      ".",           "..",
    "/",       "/",        "//",       "@",       "@",      "a@b.com",     "x_y",
    "_",       "-",        " ",        " ",       " ",      "\t",          "\n",
    "(",       ")",        "[",        "]",       "{link}", ",",           "!",
    "?",       ";",        ":",        "'",       "\"",     "<",           ">",
    ":8080",   "?q=1",     "#top",     "%20",     "+",      "caf\xC3\xA9", "\xE4\xB8\xAD",
    "\xC3",    "312",      "547-8810", "(312) ",  "1-800-", "FLOWERS",     "8810",
    "1",       "a",        "Z",        "9",       "help",   "mail.",       "name.surname",
};

std::string randomText(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> count(1, 14), piece(0, std::size(kPieces) - 1);
  std::string text;
  for (std::size_t i = count(rng); i > 0; --i) text += kPieces[piece(rng)];
  return text;
}

}  // namespace

TEST_CASE("links come out as the plain scan gives them", "[links]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  // The shortcuts compared here are taken only for the patterns they were read for.
  CHECK(c->linkNeedsDot);
  CHECK(c->emailLocalPartFirst);
  for (const char* text : {
           "Pay at example.ai/pay today",
           "go to https://x.example.com/a, then www.example.shop/deal.",
           "We do it this way.To be sure",
           "www.com and www.example and www.a.b and WWW.Example.COM",
           "email help@example.com or visit example.com/help",
           "https://shop.example.com/a@b.com and a@b.com/x.com",
           "x.com/a@b.com site.comjohn@x.com a@b.com%x@y.com a@b.com_foo.com a@b.com.x.com",
           "_example.com x_y.com -a.com a-.com http_://x.com ahttps://x.com wwww.example.com",
           "(see https://example.com/visits/[id]) [https://example.com/a] (example.com)",
           "Visit example.com!!! or example.org?? or 'example.net'.",
           "http:// https://x http://EXAMPLE.com:8080/p?q=1#f http://user@host.com/",
           "caf\xC3\xA9.com \xE4\xB8\xAD.com example.xn--p1ai/x xn--80ak6aa92e.com example.COM example.c",
           "a.bc.d example.co.uk/x.y/z bit.ly/abc tinyurl.com/x",
           "Call (312) 547-8810 or 312.547.8810 at example.com/312-547-8810",
           "call 1-800-FLOWERS or write 3125478810@example.com",
           "this way.To see example.com, a.http://x.com, ab-.cd.com, -x.com and x.y.z.example.com",
           "version 2.0 then 2.0.example.com then 1.5x.io then a.b",
           "mail \xE2\x84\xAA@example.com or x\xE2\x84\xAAy@example.com or caf\xC3\xA9@example.com.x.com now",
           "a@b@c.com, @example.com, a@.com, a@b, a@b.c.d@e.com and a.b@c.com/d",
           "https://a\fb https://a\vb https://a\rb http://x\x01y https://\x7f https://<x> http://'x' http://\"x",
           "https://x.com/caf\xC3\xA9 https://caf\xC3\xA9.com https://x\xC3 httpss://x.com http:/x.com https//x.com",
           "a@b.c. x@y.z.\xC3\xA9 p@q.\xE2\x84\xAA q@\xC5\xBF.com r@s.t-u.v_w a-b@c-.d e@f.g\xE2\x84\xAA h@i\xC5\xBF.j",
           "k@l.m.n@o.p @q.r s@.t u@v. w@x..y \xC3\xA9@z.a b\xC3\xA9"
           "c@d.e f+g%h@i.j",
           "x_https://a.com x-https://a.com 1https://a.com .https://a.com \xC3\xA9https://a.com hTtPs://A.com",
           "",
           "no link here at all",
       }) {
    checkSame(*c, text);
  }
  // The 64-link cap.
  std::string many;
  for (int i = 0; i < 70; ++i) many += "https://example.com/" + std::to_string(i) + " ";
  checkSame(*c, many);
  CHECK(rules::findLinks(*c, many).size() == 64);
}

TEST_CASE("links of texts made of awkward pieces come out as the plain scan gives them", "[links]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  std::mt19937 rng(20261203);
  for (int i = 0; i < 20000; ++i) checkSame(*c, randomText(rng));
}

// hasEmail searches from the local part before the first "@" only; the
// pieces add the Kelvin sign and the long s, which the caseless pattern's
// classes take for "k" and "s", and local parts that run into other text.
TEST_CASE("hasEmail answers as the email pattern searched over the whole text", "[links]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  CHECK(c->emailLocalPartFirst);
  const char* const extra[] = {"\xE2\x84\xAA", "\xC5\xBF", "x@", "@y", "%+", "a.b@", ".c", "@@", "\xAA@b.c"};
  std::mt19937 rng(12);
  std::uniform_int_distribution<std::size_t> count(1, 10), piece(0, std::size(kPieces) + std::size(extra) - 1);
  int found = 0;
  for (int i = 0; i < 40000; ++i) {
    std::string text;
    for (std::size_t n = count(rng); n > 0; --n) {
      const std::size_t k = piece(rng);
      text += k < std::size(kPieces) ? kPieces[k] : extra[k - std::size(kPieces)];
    }
    INFO("text: " << text);
    const bool plain = RE2::PartialMatch(text, *c->email);
    CHECK(rules::hasEmail(*c, text) == plain);
    found += plain;
  }
  CHECK(found > 1000);  // both answers well represented
  for (const char* text : {"", "@", "a@b.c", "a@b", "@b.c", "\xE2\x84\xAA@b.c", "x\xC5\xBF@\xC5\xBF.\xE2\x84\xAA",
                           "a@@b.c d@e.f", "mail a@b then c@d.e", "x@y z.w@q", "a b@-.-"}) {
    INFO("text: " << text);
    CHECK(rules::hasEmail(*c, text) == RE2::PartialMatch(text, *c->email));
  }
}

TEST_CASE("a few links spelled out", "[links]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  CHECK(describe(rules::findLinks(*c, "Go to HTTP://Example.com/A. Or www.Shop.example.com, or pay.example.ai!")) ==
        "[HTTP://Example.com/"
        "A|example.com|-h][www.Shop.example.com|shop.example.com|--][pay.example.ai|pay.example.ai|--]");
  CHECK(describe(rules::findLinks(*c, "mail help@example.com, not a link; this way.To go, or example.zzzq")).empty());
  CHECK(describe(rules::findLinks(*c, "(https://example.com/visits/[id])")) ==
        "[https://example.com/visits/[id]|example.com|s-]");
  CHECK(describe(rules::findLinks(*c, "www.com/x")) == "[www.com/x|www.com|--]");
}

TEST_CASE("hosts of texts made of awkward pieces come out as the plain walk gives them", "[links]") {
  std::mt19937 rng(3);
  for (int i = 0; i < 20000; ++i) {
    const std::string text = randomText(rng);
    INFO("text: " << text);
    CHECK(rules::urlHost(text) == url_host_reference::urlHostByDefinition(text));
  }
  for (const char* text : {" https://Example.COM/x ", "\thttp://a.b:80?q#f\n", "WWW.Example.com", "www.com", "www.",
                           "x.-a.com", "a..com", "caf\xC3\xA9.com", "https://user@host/", "host@x.com", "   "}) {
    INFO("text: " << text);
    CHECK(rules::urlHost(text) == url_host_reference::urlHostByDefinition(text));
  }
}
