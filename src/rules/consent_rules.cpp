// The message flow (call to action) and consent: what rejections name (how
// people opt in, SMS named, implied or bundled consent, first contact without
// consent, consent as a condition of service) and the disclosures a reviewer
// looks for; the privacy-policy and terms links providers ask for.
#include "report/finding_builder.hpp"
#include "rules/rule_context.hpp"
#include "rules/text_match.hpp"

namespace smsreg::rules {

// Comparisons with a literal as a view: inline, not std::string::compare
// and strlen a call.
using namespace std::string_view_literals;

namespace {

using report::makeFinding;
using report::withList;
using report::withText;

std::string firstMatch(PhraseAnswers& says, const LazyRegex& re, const std::string& text) {
  re2::StringPiece found;
  if (!says.mayMatch(re) || !re->Match(text, 0, text.size(), RE2::UNANCHORED, &found, 1)) return "";
  return std::string(found).substr(0, 200);
}

// Missing essentials (how people opt in, that it is SMS) are rejection
// reasons of their own (TW-ERR 30909, DCA2 806, TW-E30551); the details
// (frequency, rates, HELP, STOP, privacy link) are what one provider's 2026
// rules require and many approved flows omit: a separate, quieter code.
void checkDisclosures(RuleContext& ctx, const std::string& flow) {
  const ContentData& c = ctx.content();
  std::vector<std::string> missing, details;
  PhraseAnswers says(ctx, flow);
  if (!says.matches(c.optInMethod) || !says.matches(c.optInWhere)) {
    missing.push_back("how and where people opt in (the web page, form, keyword or conversation)");
  }
  if (!says.matches(c.smsWord)) missing.push_back("that the messages are SMS/text");
  if (!brandNames(ctx).empty() && !mentionsBrand(ctx, flow)) details.push_back("the brand name");
  bool kind = says.matches(c.purpose);
  for (const SampleClass& k : c.classes) kind = kind || says.matches(k.regex);
  re2::StringPiece input(flow), word;
  while (!kind && RE2::FindAndConsume(&input, *c.messageKind, &word)) {
    kind = c.kindStopWords.count(std::string(word)) == 0;
  }
  if (!kind) details.push_back("what kind of messages people will get");
  if (!says.matches(c.frequency)) details.push_back("the message frequency");
  if (!says.matches(c.rates)) details.push_back("\"Msg & data rates may apply\"");
  if (!says.matches(c.optOut) && !says.matches(c.stopWord)) {
    details.push_back("how to opt out (STOP)");
  }
  if (!says.matches(c.help)) details.push_back("how to get help (HELP)");
  if (!missing.empty()) {
    Finding f = makeFinding("/campaign/messageFlow", "MESSAGE_FLOW_DISCLOSURE_MISSING",
                            "Say in the message flow " + report::joinWords(missing) +
                                "; reviewers reject a call to action that does not show it.");
    withList(f, "missing", missing);
    ctx.add(std::move(f));
  }
  if (!details.empty()) {
    Finding f = makeFinding("/campaign/messageFlow", "MESSAGE_FLOW_DETAIL_MISSING",
                            "Show at the point of opt-in " + report::joinWords(details) +
                                "; some providers now reject a call to action without each.");
    withList(f, "missing", details);
    ctx.add(std::move(f));
  }
}

void checkConsentWording(RuleContext& ctx, const std::string& flow) {
  const ContentData& c = ctx.content();
  PhraseAnswers says(ctx, flow);
  auto add = [&](const char* code, const std::string& phrase, const std::string& message) {
    Finding f = makeFinding("/campaign/messageFlow", code, message);
    withText(f, "phrase", phrase);
    ctx.add(std::move(f));
  };
  std::string phrase = firstMatch(says, c.consentImplied, flow);
  if (phrase.empty() && !says.matches(c.consentExplicitAct)) phrase = firstMatch(says, c.consentAtSignIn, flow);
  if (!phrase.empty()) {
    add("CONSENT_IMPLIED", phrase,
        "Consent to texts must be an explicit act (an unticked box, a keyword texted in), not implied by giving a "
        "number (\"" +
            phrase + "\"); describe the act by which people agree to receive texts.");
  }
  phrase = firstMatch(says, c.consentBundled, flow);
  if (!phrase.empty()) {
    add("CONSENT_BUNDLED", phrase,
        "SMS consent must be its own agreement, not part of the terms or of email or call consent (\"" + phrase +
            "\"); give texts a separate, optional checkbox.");
  }
  phrase = firstMatch(says, c.coldContact, flow);
  if (!phrase.empty()) {
    add("CONSENT_NOT_COLLECTED", phrase,
        "Texts may go only to people who opted in to this brand's messages; the flow describes contacting people "
        "who did not (\"" +
            phrase + "\").");
  }
  // Marketing needs written consent (30913): a flow that describes only a
  // spoken yes for a marketing campaign.
  const std::string& usecase = ctx.text("/campaign/usecase");
  bool marketing = usecase == "MARKETING"sv;
  if (const nlohmann::json* subs = ctx.value("/campaign/subUsecases"); subs != nullptr && subs->is_array()) {
    for (const auto& s : *subs)
      marketing = marketing || (s.is_string() && s.get_ref<const std::string&>() == "MARKETING"sv);
  }
  phrase = firstMatch(says, c.verbalConsent, flow);
  if (marketing && !phrase.empty() && !says.matches(c.writtenConsent)) {
    add("MARKETING_CONSENT_NOT_WRITTEN", phrase,
        "Marketing texts need written consent (a web form, a checkbox, a keyword texted in), not only a spoken "
        "yes (\"" +
            phrase + "\"); describe the written opt-in.");
  }
  re2::StringPiece found;
  if (says.mayMatch(c.consentAsCondition) &&
      c.consentAsCondition->Match(flow, 0, flow.size(), RE2::UNANCHORED, &found, 1)) {
    add("CONSENT_REQUIRED_FOR_SERVICE", std::string(found),
        "The message flow makes text consent a condition (\"" + std::string(found) +
            "\"); consent must be optional. Say \"Consent is not a condition of purchase.\"");
  }
}

void checkPolicyLinks(RuleContext& ctx) {
  if (ctx.value("/campaign/privacyPolicyLink") == nullptr) {
    ctx.add(makeFinding("/campaign/privacyPolicyLink", "PRIVACY_POLICY_LINK_MISSING",
                        "Give the URL of the brand's privacy policy; providers vet it, and one large provider "
                        "refuses new campaigns without it since 30 June 2026."));
  }
  if (ctx.value("/campaign/termsAndConditionsLink") == nullptr) {
    ctx.add(makeFinding("/campaign/termsAndConditionsLink", "TERMS_LINK_MISSING",
                        "Give the URL of the SMS terms and conditions; one large provider refuses new campaigns "
                        "without it since 30 June 2026."));
  }
}

}  // namespace

void checkConsent(RuleContext& ctx) {
  if (!ctx.has("campaign")) return;
  checkPolicyLinks(ctx);
  const std::string& flow = ctx.text("/campaign/messageFlow");
  if (flow.empty()) return;
  checkDisclosures(ctx, flow);
  checkConsentWording(ctx, flow);
}

}  // namespace smsreg::rules
