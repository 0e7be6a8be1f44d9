// Content checks over free text: links (shorteners, http), SHAFT and
// disallowed words, and whether the text is English. The message flow's
// disclosures and consent wording are consent_rules.cpp.
#include "report/finding_builder.hpp"
#include "rules/domain_checks.hpp"
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

// Checked for links after the samples (RuleContext::samples, sample1 to
// sample5, already looked up), in this order.
const char* const kLinkFields[] = {"/campaign/helpMessage",       "/campaign/optinMessage",
                                   "/campaign/optoutMessage",     "/campaign/embeddedLinkSample",
                                   "/campaign/privacyPolicyLink", "/campaign/termsAndConditionsLink"};

// The last two labels of a host: "shop.acme.com" -> "acme.com".
std::string siteOf(const std::string& host) {
  std::size_t last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  std::size_t before = host.rfind('.', last - 1);
  return before == std::string::npos ? host : host.substr(before + 1);
}

// A sample that sends people to another company's site: reviewers reject
// brand, website and samples that do not agree (tests/wild r41; DCA2 603).
void checkLinkSites(RuleContext& ctx) {
  const std::string own = siteOf(ctx.websiteHost());
  if (own.empty()) return;
  for (const auto& [p, text] : ctx.samples()) {
    for (const Link& link : linksIn(ctx, text)) {
      if (link.host.empty() || isUrlShortener(link.host) || siteOf(link.host) == own ||
          ctx.content().serviceDomains.count(link.host) != 0 ||
          ctx.content().serviceDomains.count(siteOf(link.host)) != 0) {
        continue;
      }
      Finding f = makeFinding(std::string(p), "SAMPLE_LINK_OTHER_DOMAIN",
                              "The link " + link.text + " is not on the brand's website (" + own +
                                  "); reviewers reject samples that send people to another company's site unless "
                                  "the description explains it.");
      withText(f, "host", link.host);
      withText(f, "website", own);
      ctx.add(std::move(f));
      break;
    }
  }
}

void checkLinks(RuleContext& ctx) {
  // The website's own scheme is WEBSITE_NOT_HTTPS (a warning); a shortener there is still an error.
  const std::string& host = ctx.websiteHost();  // "" for no website
  if (!host.empty() && isUrlShortener(host)) {
    Finding f = makeFinding("/brand/website", "URL_SHORTENER",
                            "Give the brand's own website, not a link shortener (" + host + ").");
    withText(f, "host", host);
    ctx.add(std::move(f));
  }
  const auto checkField = [&ctx](std::string_view p, const std::string& text) {
    bool shortenerSeen = false, httpSeen = false;
    for (const Link& link : linksIn(ctx, text)) {
      if (!shortenerSeen && isUrlShortener(link.host)) {
        shortenerSeen = true;
        Finding f = makeFinding(std::string(p), "URL_SHORTENER",
                                "Replace the shortened link " + link.text +
                                    " with a full link on the brand's own domain; carriers block public "
                                    "URL shorteners.");
        withText(f, "host", link.host);
        withText(f, "link", link.text);
        ctx.add(std::move(f));
      }
      if (!httpSeen && link.plainHttp) {
        httpSeen = true;
        // The published rejection (30892) is about samples; an http link in a
        // reply or policy URL was approved (tests/wild a22): a warning there.
        const bool sample = p.substr(0, 16) == "/campaign/sample" || p == "/campaign/embeddedLinkSample";
        Finding f = makeFinding(std::string(p), sample ? "LINK_NOT_HTTPS" : "LINK_NOT_HTTPS_OUTSIDE_SAMPLE",
                                "Use an https:// link instead of " + link.text + ".");
        withText(f, "link", link.text);
        withText(f, "suggestion", "https://" + link.text.substr(7));
        ctx.add(std::move(f));
      }
    }
  };
  for (const auto& [p, text] : ctx.samples()) checkField(p, text);
  for (const char* p : kLinkFields) {
    const std::string& text = ctx.text(p);
    if (!text.empty()) checkField(p, text);
  }
}

// `p` as a view: the description's pointer is a literal, which as a
// std::string cost an allocation a document.
void scanWords(RuleContext& ctx, std::string_view p, const std::string& text) {
  const auto& content = ctx.content();
  PhraseAnswers says(ctx, text);
  const bool anyProhibited = says.matches(content.anyProhibited);
  for (const WordCategory& c : content.prohibited) {
    if (!anyProhibited) break;
    std::string word = findWord(ctx, c.regex, text);
    if (word.empty()) continue;
    Finding f = makeFinding(std::string(p), "CONTENT_PROHIBITED",
                            "\"" + word + "\" points to " + c.name +
                                " content, which carriers refuse (SHAFT); remove it unless the campaign is "
                                "age-gated and the content is allowed.");
    withText(f, "word", word);
    withText(f, "category", c.name);
    ctx.add(std::move(f));
    break;  // one finding per field and code
  }
  const bool anyDisallowed = says.matches(content.anyDisallowed);
  // Looked up only when some category may match (rarely).
  const bool sweepstakeCampaign = anyDisallowed && ctx.text("/campaign/usecase") == "SWEEPSTAKE"sv;
  for (const WordCategory& c : content.disallowed) {
    if (!anyDisallowed) break;
    if (sweepstakeCampaign && c.name == "sweepstakes") continue;
    std::string word = findWord(ctx, c.regex, text);
    if (word.empty()) continue;
    Finding f = makeFinding(std::string(p), "CONTENT_DISALLOWED",
                            "\"" + word + "\" points to " + c.name +
                                " content, which carriers do not allow on 10DLC; remove it or reword.");
    withText(f, "word", word);
    withText(f, "category", c.name);
    ctx.add(std::move(f));
    break;
  }
}

void checkWords(RuleContext& ctx) {
  const std::string& description = ctx.text("/campaign/description");
  if (!description.empty()) scanWords(ctx, "/campaign/description", description);
  for (const auto& [p, text] : ctx.samples()) scanWords(ctx, p, text);
}

// What looksNonEnglish makes of each byte, so its one walk over a text takes
// one table lookup a byte: a letter as its lower case (at or above 'a'), else
// what kind of byte it is.
constexpr unsigned char kOtherByte = 0, kSpaceByte = 1, kLeadByte = 2;
struct ByteKinds {
  unsigned char kind[256];
  constexpr ByteKinds() : kind() {
    for (int ch = 0; ch < 256; ++ch) {
      kind[ch] = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ? static_cast<unsigned char>(ch | 0x20)
                 : (ch == ' ' || ch == '\n' || ch == '\t')            ? kSpaceByte
                 : ch >= 0xC0 ? kLeadByte  // lead byte of a non-ASCII code point
                              : kOtherByte;
    }
  }
};
constexpr ByteKinds kByteKinds;

}  // namespace

// A word is the text's letters between spaces, lowercased, other bytes
// skipped ("opt-out" is "optout"). A word of up to eight letters is carried
// as one number and looked up in packedWords; a longer one that could still
// be one of languageWords is read again from the text, so no word allocates.
bool looksNonEnglish(const ContentData& c, const std::string& text) {
  std::size_t ascii = 0, other = 0, english = 0, foreign = 0;
  std::uint64_t packed = 0;  // the word's last eight letters
  std::size_t length = 0;
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t start = 0;  // where the word began
  auto count = [&](std::size_t end) {
    ascii += length;
    int kind = 0;
    if (length != 0 && length <= 8) {
      kind = c.packedWordKind(packed);
    } else if (length > 8 && length <= c.languageWordMaxLength) {
      std::string key;
      for (std::size_t k = start; k < end; ++k) {
        if (kByteKinds.kind[bytes[k]] >= 'a') key += static_cast<char>(kByteKinds.kind[bytes[k]]);
      }
      if (auto it = c.languageWords.find(key); it != c.languageWords.end()) kind = it->second;
    }
    english += (kind & ContentData::kEnglishWord) != 0;
    foreign += (kind & ContentData::kNonEnglishWord) != 0;
    length = 0;
    packed = 0;
  };
  // Letters come in runs, walked by a loop of their own that the string's
  // terminating NUL (no letter) ends at the text's end: no bounds test and no
  // count a letter.
  for (std::size_t i = 0;; ++i) {
    unsigned char kind = kByteKinds.kind[bytes[i]];
    if (kind >= 'a') {
      const std::size_t run = i;
      do {
        packed = packWordLetter(packed, static_cast<char>(kind));
        kind = kByteKinds.kind[bytes[++i]];
      } while (kind >= 'a');
      length += i - run;
    }
    if (i == size) break;
    if (kind == kSpaceByte) {
      count(i);
      start = i + 1;
    } else {
      other += kind == kLeadByte;
    }
  }
  count(size);
  if (ascii + other >= 20 && other * 10 > (ascii + other) * 3) return true;
  return foreign >= 3 && foreign > english * 2;
}

namespace {

void checkLanguage(RuleContext& ctx) {
  auto check = [&](const auto& p, const std::string& text) {
    if (text.empty() || !looksNonEnglish(ctx.content(), text)) return;
    ctx.add(makeFinding(std::string(p), "TEXT_NOT_ENGLISH",
                        "Write this text in English, or add an English translation: carriers review "
                        "registrations in English."));
  };
  // Description, flow, then the samples, without copying any of them.
  for (const char* p : {"/campaign/description", "/campaign/messageFlow"}) check(p, ctx.text(p));
  for (const auto& [p, text] : ctx.samples()) check(p, text);
}

}  // namespace

void checkContent(RuleContext& ctx) {
  checkLinks(ctx);
  if (!ctx.has("campaign")) return;
  checkLinkSites(ctx);
  checkWords(ctx);
  checkLanguage(ctx);
}

}  // namespace smsreg::rules
