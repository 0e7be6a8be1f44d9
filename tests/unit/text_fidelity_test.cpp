// Issue 8: text as people write it. Normalisation (utf8proc), keyword tidying,
// the one link/phone detector, provider profiles and the rules' evidence.
#include <catch2/catch.hpp>
#include <string>

#include "registration/tidy.hpp"
#include "rules/content_data.hpp"
#include "rules/text_match.hpp"
#include "rules/unicode_text.hpp"
#include "smsreg/validator.hpp"

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
