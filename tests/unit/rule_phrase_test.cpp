// The pattern rules skip their own scan of a text when the phrase set, which
// holds the built-in case-insensitive rule patterns, has read the text already
// and says no (setSaysNo, checkPatterns). Each "no" must be one the rule's own
// pattern gives, whatever the text, and the set must never be run for it.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "rules/content_data.hpp"
#include "rules/rule_catalogue.hpp"
#include "rules/text_match.hpp"

namespace rules = smsreg::rules;

namespace {

// Pieces of the placeholder pattern's phrases, whole, cut short, in other
// cases and next to word characters, with the long s and the Kelvin sign
// (which the caseless pattern takes for "s" and "k"), line breaks for "^".
const char* const kPieces[] = {
    "this is a test",
    "This Is A TEST",
    "test",
    "TEST",
    "testing",
    "Testing",
    "tes",
    "tests",
    " message",
    "message",
    "test message",
    "lorem",
    " ipsum",
    "lorem ipsum",
    "sample",
    "sample message",
    "please",
    " ignore this ",
    "text",
    "content",
    "copy",
    " goes here",
    "goes her",
    " ",
    "  ",
    "\n",
    "\t",
    "_",
    "x",
    "1",
    ".",
    ":",
    "Reply",
    " STOP",
    "te\xC5\xBFt",
    "\xE2\x84\xAA",
    "\xC3\xA9",
    "STOP,",
    ",",
    "HELP",
    "opt out",
    "Msg freq",
};

const rules::Rule* findRule(const rules::RuleCatalogue& catalogue, const std::string& code) {
  for (const rules::Rule& r : catalogue.all()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a pattern rule's phrase-set shortcut says no only where its pattern does", "[rules][phrase]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  rules::RuleCatalogue catalogue;
  std::string error;
  REQUIRE(catalogue.load(smsreg::ValidatorOptions{}, error));
  // The shortcut is taken for the built-in case-insensitive patterns.
  int withPhrase = 0;
  for (const rules::Rule& r : catalogue.all()) {
    if (r.kind != rules::Rule::Kind::kPattern || r.phrase == nullptr) continue;
    ++withPhrase;
    CHECK(r.phrase->pattern() == r.pattern->pattern());
    CHECK(r.phrase->phraseMember() >= 0);
  }
  CHECK(withPhrase >= 2);
  const rules::Rule* placeholder = findRule(catalogue, "SAMPLE_PLACEHOLDER");
  REQUIRE(placeholder != nullptr);
  REQUIRE(placeholder->phrase != nullptr);
  CHECK_FALSE(placeholder->pattern->options().case_sensitive());

  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> count(1, 9), piece(0, std::size(kPieces) - 1);
  const nlohmann::json doc = nlohmann::json::object();
  int no = 0, yes = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<smsreg::Finding> out;
    rules::RuleContext ctx(doc, doc, {}, *c, out);  // a document's memo, as checkPatterns gets it
    for (int i = 0; i < 40; ++i) {
      std::string text;
      for (std::size_t n = count(rng); n > 0; --n) text += kPieces[piece(rng)];
      INFO("text: " << text);
      // Before any rule asked the set about the text: no answer, and no pass.
      if (ctx.memo().known(text) == nullptr) {
        for (const rules::Rule& r : catalogue.all()) {
          if (r.kind == rules::Rule::Kind::kPattern && r.phrase != nullptr) {
            CHECK_FALSE(rules::setSaysNo(ctx, text, *r.phrase));
          }
        }
        CHECK(ctx.memo().known(text) == nullptr);
      }
      // Another rule's question: the set's pass.
      CHECK(rules::matches(ctx, text, c->optOut) == RE2::PartialMatch(text, c->optOut.get()));
      for (const rules::Rule& r : catalogue.all()) {
        if (r.kind != rules::Rule::Kind::kPattern || r.phrase == nullptr) continue;
        INFO(r.code);
        const bool plain = RE2::PartialMatch(text, *r.pattern);
        const bool sayNo = rules::setSaysNo(ctx, text, *r.phrase);
        CHECK_FALSE((sayNo && plain));
        if (r.phrase->phraseExact()) CHECK(sayNo == !plain);
        (sayNo ? no : yes) += 1;
      }
    }
  }
  CHECK(no > 1000);
  CHECK(yes > 1000);
}

// PhraseAnswers finds its text in the memo once for a run of questions; each
// answer is still matches() and mayMatch() of that text, and a text that
// changes between two runs is looked up again.
TEST_CASE("a run of phrase questions answers as each pattern alone", "[rules][phrase]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> count(1, 12), piece(0, std::size(kPieces) - 1);
  const nlohmann::json doc = nlohmann::json::object();
  std::vector<smsreg::Finding> out;
  rules::RuleContext ctx(doc, doc, {}, *c, out);
  // Flows a wider pattern of the set (a consent pattern's {0,80} as *) hits
  // where the pattern itself does not, or does.
  const char* const flows[] = {
      "Customers who provide their phone number at the counter will receive texts",
      "Customers who provide their phone number at the counter, at the front desk of any of our many locations "
      "across the state, or by calling us, will receive texts",
      "Users who share a number with us, then later, will get texts; they can be sent offers",
      "By providing your phone number you agree to receive texts and our terms of service."};
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text.clear();  // one buffer for every text, as a rule's string may be
    if (i < static_cast<int>(std::size(flows))) text = flows[i];
    for (std::size_t n = i < static_cast<int>(std::size(flows)) ? 0 : count(rng); n > 0; --n) {
      text += kPieces[piece(rng)];
    }
    INFO("text: " << text);
    rules::PhraseAnswers says(ctx, text);
    for (const rules::LazyRegex* re : c->phrasePatterns) {
      INFO(re->pattern());
      const bool plain = RE2::PartialMatch(text, re->get());
      CHECK(says.matches(*re) == plain);
      CHECK((says.mayMatch(*re) || !plain));
    }
    CHECK(says.matches(c->phone) == RE2::PartialMatch(text, c->phone.get()));  // outside the set
  }
}
