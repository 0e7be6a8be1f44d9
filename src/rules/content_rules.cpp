// Content checks over free text: links (shorteners, http), SHAFT and
// disallowed words, the message flow's disclosures and consent wording, and
// whether the text is English.
#include "report/finding_builder.hpp"
#include "rules/domain_checks.hpp"
#include "rules/rule_context.hpp"
#include "rules/text_match.hpp"

namespace smsreg::rules {

namespace {

using report::makeFinding;
using report::withList;
using report::withText;

const char* const kLinkFields[] = {"/campaign/sample1",
                                   "/campaign/sample2",
                                   "/campaign/sample3",
                                   "/campaign/sample4",
                                   "/campaign/sample5",
                                   "/campaign/helpMessage",
                                   "/campaign/optinMessage",
                                   "/campaign/optoutMessage",
                                   "/campaign/embeddedLinkSample",
                                   "/campaign/privacyPolicyLink",
                                   "/campaign/termsAndConditionsLink"};

void checkLinks(RuleContext& ctx) {
  // The website's own scheme is WEBSITE_NOT_HTTPS (a warning); a shortener there is still an error.
  const std::string site = ctx.clean("/brand/website");
  if (!site.empty() && isUrlShortener(urlHost(site))) {
    Finding f = makeFinding("/brand/website", "URL_SHORTENER",
                            "Give the brand's own website, not a link shortener (" + urlHost(site) + ").");
    withText(f, "host", urlHost(site));
    ctx.add(std::move(f));
  }
  for (const char* p : kLinkFields) {
    const std::string text = ctx.text(p);
    if (text.empty()) continue;
    bool shortenerSeen = false, httpSeen = false;
    for (const Link& link : findLinks(ctx.content(), text)) {
      if (!shortenerSeen && isUrlShortener(link.host)) {
        shortenerSeen = true;
        Finding f = makeFinding(p, "URL_SHORTENER",
                                "Replace the shortened link " + link.text +
                                    " with a full link on the brand's own domain; carriers block public "
                                    "URL shorteners.");
        withText(f, "host", link.host);
        withText(f, "link", link.text);
        ctx.add(std::move(f));
      }
      if (!httpSeen && link.plainHttp) {
        httpSeen = true;
        Finding f = makeFinding(p, "LINK_NOT_HTTPS", "Use an https:// link instead of " + link.text + ".");
        withText(f, "link", link.text);
        withText(f, "suggestion", "https://" + link.text.substr(7));
        ctx.add(std::move(f));
      }
    }
  }
}

void scanWords(RuleContext& ctx, const std::string& p, const std::string& text) {
  const auto& content = ctx.content();
  const bool anyProhibited = RE2::PartialMatch(text, *content.anyProhibited);
  for (const WordCategory& c : content.prohibited) {
    if (!anyProhibited) break;
    std::string word = findWord(*c.regex, text);
    if (word.empty()) continue;
    Finding f = makeFinding(p, "CONTENT_PROHIBITED",
                            "\"" + word + "\" points to " + c.name +
                                " content, which carriers refuse (SHAFT); remove it unless the campaign is "
                                "age-gated and the content is allowed.");
    withText(f, "word", word);
    withText(f, "category", c.name);
    ctx.add(std::move(f));
    break;  // one finding per field and code
  }
  const bool sweepstakeCampaign = ctx.text("/campaign/usecase") == "SWEEPSTAKE";
  const bool anyDisallowed = RE2::PartialMatch(text, *content.anyDisallowed);
  for (const WordCategory& c : content.disallowed) {
    if (!anyDisallowed) break;
    if (sweepstakeCampaign && c.name == "sweepstakes") continue;
    std::string word = findWord(*c.regex, text);
    if (word.empty()) continue;
    Finding f = makeFinding(p, "CONTENT_DISALLOWED",
                            "\"" + word + "\" points to " + c.name +
                                " content, which carriers do not allow on 10DLC; remove it or reword.");
    withText(f, "word", word);
    withText(f, "category", c.name);
    ctx.add(std::move(f));
    break;
  }
}

void checkWords(RuleContext& ctx) {
  const std::string description = ctx.text("/campaign/description");
  if (!description.empty()) scanWords(ctx, "/campaign/description", description);
  for (const auto& [p, text] : ctx.samples()) scanWords(ctx, p, text);
}

void checkMessageFlow(RuleContext& ctx) {
  const std::string flow = ctx.text("/campaign/messageFlow");
  if (flow.empty()) return;
  const auto& c = ctx.content();
  std::vector<std::string> missing;
  if (!RE2::PartialMatch(flow, *c.optInMethod)) missing.push_back("how people opt in");
  if (!RE2::PartialMatch(flow, *c.smsWord)) missing.push_back("that the messages are SMS/text");
  if (!RE2::PartialMatch(flow, *c.frequency)) missing.push_back("the message frequency");
  if (!RE2::PartialMatch(flow, *c.rates)) missing.push_back("\"Msg & data rates may apply\"");
  if (!RE2::PartialMatch(flow, *c.optOut) && !RE2::PartialMatch(flow, "(?i)\\bstop\\b")) {
    missing.push_back("how to opt out (STOP)");
  }
  if (!RE2::PartialMatch(flow, *c.help)) missing.push_back("how to get help (HELP)");
  if (!RE2::PartialMatch(flow, *c.privacy)) missing.push_back("a link to the privacy policy");
  if (!missing.empty()) {
    Finding f = makeFinding("/campaign/messageFlow", "MESSAGE_FLOW_DISCLOSURE_MISSING",
                            "Describe in the message flow " + report::joinWords(missing) +
                                "; carriers look for each disclosure at the point of opt-in.");
    withList(f, "missing", missing);
    ctx.add(std::move(f));
  }
  re2::StringPiece phrase;
  if (c.consentAsCondition->Match(flow, 0, flow.size(), RE2::UNANCHORED, &phrase, 1)) {
    Finding f = makeFinding("/campaign/messageFlow", "CONSENT_REQUIRED_FOR_SERVICE",
                            "The message flow makes text consent a condition (\"" + std::string(phrase) +
                                "\"); consent must be optional. Say \"Consent is not a condition of purchase.\"");
    withText(f, "phrase", std::string(phrase));
    ctx.add(std::move(f));
  }
}

// A text reads as English unless most of its letters are outside ASCII or
// its common words are mostly Spanish or French ones.
bool looksNonEnglish(const ContentData& c, const std::string& text) {
  std::size_t ascii = 0, other = 0;
  for (unsigned char ch : text) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      ++ascii;
    } else if (ch >= 0xC0) {  // lead byte of a non-ASCII code point
      ++other;
    }
  }
  if (ascii + other >= 20 && other * 10 > (ascii + other) * 3) return true;
  std::size_t english = 0, foreign = 0;
  std::string word;
  auto count = [&] {
    if (word.empty()) return;
    if (c.englishWords.count(word) != 0) ++english;
    if (c.nonEnglishWords.count(word) != 0) ++foreign;
    word.clear();
  };
  for (char ch : text) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      word += static_cast<char>(ch | 0x20);
    } else if (ch == ' ' || ch == '\n' || ch == '\t') {
      count();
    }
  }
  count();
  return foreign >= 3 && foreign > english * 2;
}

void checkLanguage(RuleContext& ctx) {
  std::vector<std::pair<std::string, std::string>> fields = ctx.samples();
  fields.insert(fields.begin(), {"/campaign/messageFlow", ctx.text("/campaign/messageFlow")});
  fields.insert(fields.begin(), {"/campaign/description", ctx.text("/campaign/description")});
  for (const auto& [p, text] : fields) {
    if (text.empty() || !looksNonEnglish(ctx.content(), text)) continue;
    ctx.add(makeFinding(p, "TEXT_NOT_ENGLISH",
                        "Write this text in English, or add an English translation: carriers review "
                        "registrations in English."));
  }
}

}  // namespace

void checkContent(RuleContext& ctx) {
  checkLinks(ctx);
  if (!ctx.has("campaign")) return;
  checkWords(ctx);
  checkMessageFlow(ctx);
  checkLanguage(ctx);
}

}  // namespace smsreg::rules
