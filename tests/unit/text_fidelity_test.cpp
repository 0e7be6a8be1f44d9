// Issue 8: text as people write it. Normalisation (utf8proc), keyword tidying,
// the one link/phone detector, provider profiles and the rules' evidence.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "registration/tidy.hpp"
#include "rules/content_data.hpp"
#include "rules/text_match.hpp"
#include "rules/unicode_text.hpp"
#include "smsreg/validator.hpp"
#include "utf8proc_whole.hpp"

namespace rules = smsreg::rules;

TEST_CASE("normalisation: spaces, accents, zero-width, quotes and fullwidth letters", "[fidelity][unicode]") {
  CHECK(rules::normalizeText("Reply\u00A0STOP") == "Reply STOP");
  CHECK(rules::normalizeText("Cafe\u0301") == "Caf\u00E9");
  CHECK(rules::normalizeText("Bright\u200Bside") == "Brightside");
  CHECK(rules::normalizeText("\u201CSTOP\u201D it\u2019s") == "\"STOP\" it's");
  CHECK(rules::normalizeText("\uFF33\uFF34\uFF2F\uFF30") == "STOP");
  CHECK(rules::foldText("CAF\u00C9") == "caf\u00E9");
  CHECK(rules::normalizeText("plain ascii\nline") == "plain ascii\nline");
  // Not UTF-8: given back unchanged, never thrown on.
  CHECK(rules::normalizeText(std::string("\xC3", 1)) == std::string("\xC3", 1));
}

// foldText takes a shortcut for plain ASCII; it must give what utf8proc's
// case folding gives for every such character.
TEST_CASE("a document's strings are normalised whatever byte sits wherever", "[fidelity][unicode]") {
  // normalizedDocument skips strings it finds plain eight bytes at a time:
  // one byte that is not plain, at any offset of texts of any length, must
  // still send the string through normalisation.
  const std::string specials[] = {"\x01", "\x1F", "\x7F", "\t", "\r", "\u00A0", "\u200B", "\uFF33", "e\u0301"};
  for (const std::string& special : specials) {
    for (std::size_t length = 0; length <= 24; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        const std::string text = std::string(at, 'a') + special + std::string(length - at, ' ');
        const nlohmann::json document = {{"campaign", {{"description", text}}}};
        nlohmann::json copy;
        const nlohmann::json& normalized = rules::normalizedDocument(document, copy);
        INFO("special " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at " << at << " of "
                        << length);
        CHECK(normalized["campaign"]["description"].get<std::string>() == rules::normalizeText(text));
      }
    }
  }
}

TEST_CASE("case folding of plain ASCII is lower case, character by character", "[fidelity][unicode]") {
  std::string all = "\t\n\r";
  for (char c = 0x20; c < 0x7F; ++c) all += c;
  std::string lower = all;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  CHECK(rules::foldText(all) == lower);
  CHECK(rules::foldText("Reply STOP to opt out") == "reply stop to opt out");
  CHECK(rules::foldText("STOP\u00A0NOW") == "stop now");  // not ASCII: utf8proc's path
}

// Only runs of characters other than plain ASCII go through utf8proc (with
// the character before each run); the result must be what utf8proc gives for
// the whole text, whatever the mix: combining marks after ASCII letters,
// Hangul jamo, case folds that expand, ignorables, quotes, invalid UTF-8.
TEST_CASE("normalising piece by piece gives what utf8proc gives for the whole text", "[fidelity][unicode]") {
  const auto whole = utf8procWhole;
  const std::string palette[] = {
      "a",        "E",      "z",      " ",          "\t",     "\n",     "\r",     ".",      std::string("\0", 1),
      "\x01",     "\x7F",   "e",      "A",          "\u0301", "\u0327", "\u0308", "\u0345", "\u0130",
      "\u00DF",   "\uFB01", "\uFF33", "\u00A0",     "\u200B", "\u00AD", "\u201C", "\u201D", "\u00AB",
      "\u2019",   "\u2013", "\u00E9", "\u00C9",     "\u1100", "\u1161", "\u11A8", "\uAC00", "\u03A3",
      "\u212B",   "\u1E9E", "\u2713", "\U0001F600", "\u0CC6", "\u0CC2", "\u0B47", "\u0B3E", "\xC3",
      "\xE2\x80", "\xFF"};
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  // Every Latin-1 letter (a shortcut of its own), alone, after ASCII and
  // next to a combining mark.
  for (unsigned trail = 0x80; trail <= 0xBF; ++trail) {
    const std::string letter = {static_cast<char>(0xC3), static_cast<char>(trail)};
    for (const std::string& text : {letter, "a" + letter + "B", "E" + letter + letter + ".", letter + "\u0301",
                                    "x" + letter + "\u00DF" + letter, "\u0130" + letter + "z"}) {
      INFO(text);
      REQUIRE(rules::normalizeText(text) == whole(text, false));
      REQUIRE(rules::foldText(text) == whole(text, true));
    }
  }
  const std::size_t n = sizeof palette / sizeof palette[0];
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const unsigned length = next() % 12;
    for (unsigned k = 0; k < length; ++k) {
      // Mostly valid text, now and then a byte that is not UTF-8.
      std::size_t pick = next() % n;
      if (pick >= n - 3 && next() % 8 != 0) pick = next() % (n - 3);
      text += palette[pick];
    }
    INFO(text);
    REQUIRE(rules::normalizeText(text) == whole(text, false));
    REQUIRE(rules::foldText(text) == whole(text, true));
  }
}

// A broken pattern in the shipped data would only show as a rule that never
// fires: each compiles on first use, so this compiles them all.
TEST_CASE("every content pattern compiles", "[fidelity][detector]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  CHECK(rules::compileAll(*c).empty());
}

// The phrase set answers for each of its patterns what RE2::PartialMatch
// answers for that pattern alone, including the patterns it holds in a wider
// form ({0,N} as *), for which a hit only sends the text to the pattern.
TEST_CASE("one pass of the phrase set agrees with each phrase pattern", "[fidelity][detector]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  REQUIRE(c->phraseSet != nullptr);  // every phrase pattern in one set: one pass a text
  const nlohmann::json doc = nlohmann::json::object();
  std::vector<smsreg::Finding> out;
  rules::RuleContext ctx(doc, doc, {}, *c, out);
  for (const char* text :
       {"", "Reply STOP to opt out. Msg & data rates may apply. Msg frequency varies. Reply HELP for help.",
        "Customers opt in by texting JOIN to 12345 or on our website form; consent is not a condition of purchase.",
        "By providing your phone number you agree to receive texts and our terms of service.",
        "We bought a list of leads and call them over the phone", "unsubscribed: you will no longer receive texts",
        "Call [Customer Phone] or see {link}; [Business Name] here", "Caf\u00E9 r\u00E9servation \u2713 STOP",
        "Customers who provide their phone number at the counter will receive texts",
        "Customers who provide their phone number at the counter, at the front desk of any of our many locations "
        "across the state, or by calling us, will receive texts",
        "Users who share a number with us, then later, will get texts; they can be sent offers"}) {
    INFO(text);
    for (const rules::LazyRegex* re : c->phrasePatterns) {
      INFO(re->pattern());
      CHECK(rules::matches(ctx, text, *re) == RE2::PartialMatch(text, re->get()));
      CHECK((rules::mayMatch(ctx, text, *re) || !RE2::PartialMatch(text, re->get())));
    }
  }
  std::size_t wide = 0;
  for (const rules::LazyRegex* re : c->phrasePatterns) wide += re->phraseExact() ? 0 : 1;
  CHECK(wide > 0);  // the consent patterns' counted repeats
}

// Each pattern keeps its place in the set (no lookup a question), and the
// memo finds a text by its content: the string a rule asks of may since
// hold another text of the same length at the same address.
TEST_CASE("the phrase set's answers follow the text, not its address", "[fidelity][detector]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  for (std::size_t i = 0; i < c->phrasePatterns.size(); ++i) {
    CHECK(c->phrasePatterns[i]->phraseMember() == static_cast<int>(i));
  }
  CHECK(c->phone.phraseMember() < 0);  // left out of the set: asked of RE2 alone
  const nlohmann::json doc = nlohmann::json::object();
  std::vector<smsreg::Finding> out;
  rules::RuleContext ctx(doc, doc, {}, *c, out);
  std::string text = "Reply STOP to opt out";
  REQUIRE(rules::matches(ctx, text, c->optOut));
  text = "Reply SOON to opt in";  // same length, same buffer
  CHECK_FALSE(rules::matches(ctx, text, c->optOut));
  text = "Reply STOP to opt out";
  CHECK(rules::matches(ctx, text, c->optOut));
  for (int round = 0; round < 3; ++round) {
    for (const char* t : {"Msg frequency varies", "Reply HELP for help", "no phrases at all here"}) {
      const std::string other = t;
      for (const rules::LazyRegex* re : c->phrasePatterns) {
        INFO(other << " / " << re->pattern());
        CHECK(rules::matches(ctx, other, *re) == RE2::PartialMatch(other, re->get()));
      }
    }
  }
}

TEST_CASE("keyword lists: spaces after commas are tidied, not reported", "[fidelity][keywords]") {
  using smsreg::registration::tidyKeywordList;
  CHECK(tidyKeywordList("STOP, CANCEL, END") == "STOP,CANCEL,END");
  CHECK(tidyKeywordList("Stop ,\u00A0Quit , STOP ALL") == "Stop,Quit,STOP ALL");
  CHECK(tidyKeywordList("STOP,,END,") == "STOP,END");
  CHECK(tidyKeywordList("   ").empty());
}

TEST_CASE("one detector: links and phone numbers as senders write them", "[fidelity][detector]") {
  const rules::ContentData* c = rules::contentData();
  REQUIRE(c != nullptr);
  CHECK(c->emailNeedsAt);      // texts without "@" skip the email scan
  CHECK(c->linkNeedsDot);      // texts without "://" or "x.y" skip the link scan
  CHECK(c->phoneNeedsDigits);  // texts with fewer than three digits skip the phone scan
  for (const char* text :
       {"Pay at example.ai/pay today", "Track: {link}", "See [link] for details", "Open <URL> now",
        "Visit {{short_link}}", "[Tracking Link] is ready", "go to https://x.example.com/a", "www.example.shop/deal"}) {
    INFO(text);
    CHECK(rules::carriesLink(*c, text));
  }
  for (const char* text : {"Arrives between 2 and 4.Reply STOP", "We do it this way.To be sure", "and/or more",
                           "email help@example.com for help", "Your order [order] shipped"}) {
    INFO(text);
    CHECK_FALSE(rules::carriesLink(*c, text));
  }
  for (const char* text :
       {"Call (312) 547-8810", "call 312.547.8810", "call +1 312 547 8810", "call 312 547 8810", "call 1-800-FLOWERS",
        "call [Customer Phone]", "call {{phone}}", "call [phone-number]", "call [support phone]"}) {
    INFO(text);
    CHECK(rules::carriesPhone(*c, text));
  }
  for (const char* text : {"Invoice 3125478810 is paid", "Order [order number] shipped", "Call [name] back"}) {
    INFO(text);
    CHECK_FALSE(rules::carriesPhone(*c, text));
  }
}

TEST_CASE("provider profiles: shipped, selectable, an unknown one refused", "[fidelity][profiles]") {
  const std::vector<std::string> names = smsreg::providerProfiles();
  REQUIRE(std::find(names.begin(), names.end(), "twilio-2026") != names.end());
  smsreg::ValidatorOptions options;
  options.profile = "twilio-2026";
  smsreg::Validator strict(options);
  REQUIRE(strict.ok());
  smsreg::Validator neutral;
  auto severity = [](const smsreg::Validator& v, const std::string& code) {
    for (const smsreg::RuleInfo& r : v.rules()) {
      if (r.code == code) return r.severity;
    }
    return std::string("absent");
  };
  CHECK(severity(neutral, "PRIVACY_POLICY_LINK_MISSING") == "warning");
  CHECK(severity(strict, "PRIVACY_POLICY_LINK_MISSING") == "error");
  CHECK(severity(neutral, "OPTIN_MESSAGE_RATES_MISSING") == "absent");
  CHECK(severity(strict, "OPTIN_MESSAGE_RATES_MISSING") == "error");
  options.profile = "no-such-provider";
  smsreg::Validator unknown(options);
  CHECK_FALSE(unknown.ok());
  CHECK(unknown.error().find("unknown profile") != std::string::npos);
  options.profile = "../rules/catalogue";
  CHECK_FALSE(smsreg::Validator(options).ok());
}

TEST_CASE("every rule records the evidence behind its severity", "[fidelity][evidence]") {
  smsreg::Validator validator;
  REQUIRE(validator.ok());
  for (const smsreg::RuleInfo& r : validator.rules()) {
    INFO(r.code);
    CHECK(r.evidence.size() > 20);
  }
}
