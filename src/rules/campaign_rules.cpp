// Campaign checks: use case against the brand, sub-use-case bounds, samples,
// the flags that must agree with the samples, and the HELP / opt-in / opt-out
// replies' contents.
#include <algorithm>

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
using report::withNumber;
using report::withText;

void checkUsecase(RuleContext& ctx) {
  if (!ctx.has("brand")) return;
  const std::string& usecase = ctx.clean("/campaign/usecase");
  const std::string& type = ctx.clean("/brand/entityType");
  if (usecase.empty() || type.empty()) return;
  std::string message;
  if (type == "SOLE_PROPRIETOR"sv && usecase != "SOLE_PROPRIETOR"sv) {
    message =
        "A SOLE_PROPRIETOR brand can only register the SOLE_PROPRIETOR use case; change the use case to "
        "SOLE_PROPRIETOR, or register the brand with its EIN as a business.";
  } else if (usecase == "SOLE_PROPRIETOR"sv && type != "SOLE_PROPRIETOR"sv) {
    message =
        "The SOLE_PROPRIETOR use case is only for sole-proprietor brands; choose the use case that "
        "describes the messages (e.g. ACCOUNT_NOTIFICATION or MIXED).";
  } else if (usecase == "CHARITY"sv && type != "NON_PROFIT"sv) {
    message = "The CHARITY use case is only for NON_PROFIT brands (501(c)(3)); choose another use case.";
  } else {
    return;
  }
  Finding f = makeFinding("/campaign/usecase", "USECASE_ENTITY_MISMATCH", message);
  withText(f, "entityType", type);
  withText(f, "usecase", usecase);
  ctx.add(std::move(f));
}

void checkSubUsecaseCount(RuleContext& ctx) {
  const std::string& usecase = ctx.clean("/campaign/usecase");
  struct Bounds {
    std::string_view usecase;
    long long min, max;
  };
  static const Bounds kBounds[] = {{"MIXED", 2, 5}, {"LOW_VOLUME", 1, 5}, {"CARRIER_EXEMPT", 1, 5}};
  for (const Bounds& b : kBounds) {
    if (usecase != b.usecase) continue;
    const nlohmann::json* subs = ctx.value("/campaign/subUsecases");
    if (subs != nullptr && !subs->is_array()) return;  // FIELD_TYPE already
    long long n = subs == nullptr ? 0 : static_cast<long long>(subs->size());
    if (n >= b.min && n <= b.max) return;
    Finding f = makeFinding("/campaign/subUsecases", "SUBUSECASE_COUNT",
                            "A " + std::string(b.usecase) + " campaign needs " + std::to_string(b.min) + " to " +
                                std::to_string(b.max) + " sub-use cases; it has " + std::to_string(n) + ".");
    withNumber(f, "min", b.min);
    withNumber(f, "max", b.max);
    withNumber(f, "actual", n);
    ctx.add(std::move(f));
  }
}

void checkSampleCount(RuleContext& ctx) {
  const auto& samples = ctx.samples();
  if (samples.size() != 1) return;  // none at all is FIELD_REQUIRED on sample1
  for (int i = 1; i <= 5; ++i) {
    std::string p = "/campaign/sample" + std::to_string(i);
    if (ctx.text(p).empty() && ctx.value(p) == nullptr) {
      if (i == 1) return;  // FIELD_REQUIRED on sample1 already asks for the missing one
      Finding f = makeFinding(p, "SAMPLES_TOO_FEW",
                              "Give at least two sample messages that show the different messages the campaign "
                              "sends; only one is filled in.");
      withNumber(f, "min", 2);
      withNumber(f, "actual", 1);
      ctx.add(std::move(f));
      return;
    }
  }
}

// The brand must be named where providers read it: at least one sample
// (TW-E30893), and reviewers read samples one by one, so each sample without
// the name gets a warning at its own pointer when another sample has it.
void checkSamplesContent(RuleContext& ctx) {
  const auto& samples = ctx.samples();
  if (samples.empty()) return;
  const auto& content = ctx.content();
  const std::vector<std::string>& names = brandNames(ctx);
  if (!names.empty()) {
    std::vector<std::string> without;
    for (const auto& s : samples) {
      if (!namesBrand(ctx, s.second)) without.emplace_back(s.first);
    }
    // No sample says who sends: the rejection (TW-E30893). Samples that name
    // another sender (a platform texting for its customers) were approved.
    // Asked only when no sample names the brand: senderNamed is outside the
    // phrase set, so each sample costs a scan of its own.
    const bool noneNamed = without.size() == samples.size();
    const bool otherSender = noneNamed && std::any_of(samples.begin(), samples.end(), [&](const auto& s) {
                               return matches(ctx, s.second, content.senderNamed);
                             });
    if (noneNamed && !otherSender) {
      Finding f = makeFinding("/campaign/sample1", "SAMPLE_BRAND_NAME_MISSING",
                              "Name the brand in at least one sample, e.g. start with \"" + names.front() + ": \".");
      withText(f, "brand", names.front());
      ctx.add(std::move(f));
    } else {
      // No sample names the brand, but they name the business the recipient
      // knows (a platform texting for its clients): one warning, not one a sample.
      if (without.size() == samples.size()) without.resize(1);
      for (const std::string& p : without) {
        Finding f = makeFinding(p, "SAMPLE_BRAND_NAME_NOT_IN_SAMPLE",
                                "This sample does not name the brand; reviewers read each sample on its own, so "
                                "start it with \"" +
                                    names.front() + ": \".");
        withText(f, "brand", names.front());
        ctx.add(std::move(f));
      }
    }
  }
  bool optOut = std::any_of(samples.begin(), samples.end(),
                            [&](const auto& s) { return matches(ctx, s.second, content.optOut); });
  if (!optOut) {
    ctx.add(makeFinding("/campaign/sample1", "SAMPLE_OPT_OUT_MISSING",
                        "Add opt-out wording to at least one sample, e.g. \"Reply STOP to opt out.\""));
  }
}

// Samples that carry a link or phone while the flag is false: an error at the
// flag (TW-E30889, DCA2 601). A flag declared true that no sample shows has no
// published rejection behind it: a warning under its own code.
// `p` is the flag's pointer, "/campaign/" then `flagName`, written out by the
// caller: built here, it cost an allocation a flag.
void checkEmbeddedFlag(RuleContext& ctx, const char* p, const char* flagName, const char* code, const char* unusedCode,
                       const char* what, bool (*contains)(const RuleContext&, const std::string&)) {
  const nlohmann::json* value = ctx.value(p);
  if (value != nullptr && !value->is_boolean()) return;  // FIELD_TYPE already
  std::vector<std::string> with;
  for (const auto& [pointer, text] : ctx.samples()) {
    if (contains(ctx, text)) with.emplace_back(pointer.substr(pointer.rfind('/') + 1));
  }
  const bool declared = value != nullptr && value->get<bool>();  // ctx.flag(p)
  if (declared == !with.empty()) return;
  std::string message = declared ? std::string(flagName) + " is true but no sample shows " + what +
                                       "; show one in a sample (a placeholder such as [link] will do) or set " +
                                       flagName + " to false."
                                 : report::joinWords(with) + (with.size() == 1 ? " contains " : " contain ") + what +
                                       "; set " + flagName + " to true or remove it from the samples.";
  Finding f = makeFinding(p, declared ? unusedCode : code, message);
  withList(f, "samples", with);
  withText(f, "suggestion", declared ? "false" : "true");
  ctx.add(std::move(f));
}

// What each reply must carry. Errors only where a rejection names it and no
// approval contradicts it (brand and contact in HELP: TW-ERR 30890; brand and
// STOP in the opt-in confirmation; the opt-out confirmation itself: 30887).
// Details that approved registrations and providers' own examples omit are
// warnings under their own codes (docs/severity-policy.md).
void checkReplies(RuleContext& ctx) {
  const auto& content = ctx.content();
  const std::vector<std::string>& names = brandNames(ctx);
  auto report = [&](const char* field, const char* code, const std::vector<std::string>& missing, const char* what) {
    if (missing.empty()) return;
    Finding f = makeFinding(std::string("/campaign/") + field, code,
                            std::string("The ") + what + " should include " + report::joinWords(missing) + "; add " +
                                (missing.size() == 1 ? "it." : "them."));
    withList(f, "missing", missing);
    ctx.add(std::move(f));
  };
  const std::string& help = ctx.text("/campaign/helpMessage");
  if (!help.empty()) {
    // No way at all to reach the brand is the rejection (30890); a missing
    // brand name, or a website instead of a phone or email, is approved.
    std::vector<std::string> missing;
    const bool brand = names.empty() || mentionsBrand(ctx, help);
    const bool contact = hasEmail(content, help) || carriesPhone(ctx, help);
    // A website matters only without a phone or email.
    if (!contact && !carriesLink(ctx, help)) {
      if (!brand) missing.push_back("the brand name");
      missing.push_back("a phone number or email address");
      report("helpMessage", "HELP_MESSAGE_INCOMPLETE", missing, "HELP reply");
    } else {
      if (!brand) missing.push_back("the brand name");
      if (!contact) missing.push_back("a phone number or email address (a website alone is often accepted)");
      report("helpMessage", "HELP_MESSAGE_DETAIL_MISSING", missing, "HELP reply");
    }
  }
  const std::string& optin = ctx.text("/campaign/optinMessage");
  if (!optin.empty()) {
    std::vector<std::string> missing, details;
    PhraseAnswers says(ctx, optin);
    if (!names.empty() && !mentionsBrand(ctx, optin)) missing.push_back("the brand name");
    if (!says.matches(content.optOut)) missing.push_back("how to opt out (Reply STOP)");
    if (!says.matches(content.frequency)) details.push_back("the message frequency");
    if (!says.matches(content.help)) details.push_back("how to get help (HELP)");
    report("optinMessage", "OPTIN_MESSAGE_INCOMPLETE", missing, "opt-in confirmation");
    report("optinMessage", "OPTIN_MESSAGE_DETAIL_MISSING", details, "opt-in confirmation");
  }
  const std::string& optout = ctx.text("/campaign/optoutMessage");
  if (!optout.empty()) {
    // The one phrase this text is asked for: the pattern alone scans it for
    // less than the phrase set's pass would (1.4k instructions against 2.3k).
    if (!RE2::PartialMatch(optout, *content.optOutConfirmation)) {
      report("optoutMessage", "OPTOUT_MESSAGE_INCOMPLETE", {"a confirmation that no more messages will be sent"},
             "opt-out confirmation");
    }
    if (!names.empty() && !mentionsBrand(ctx, optout)) {
      report("optoutMessage", "OPTOUT_MESSAGE_DETAIL_MISSING", {"the brand name"}, "opt-out confirmation");
    }
  }
}

void checkDeclarations(RuleContext& ctx) {
  const auto& content = ctx.content();
  if (ctx.flag("/campaign/affiliateMarketing")) {
    ctx.add(makeFinding("/campaign/affiliateMarketing", "AFFILIATE_MARKETING",
                        "Affiliate marketing is not a supported use case and carriers reject it without "
                        "resubmission; send only the brand's own messages and set affiliateMarketing to false."));
  }
  const std::string& description = ctx.text("/campaign/description");
  if (ctx.flag("/campaign/directLending") && !description.empty() &&
      !matches(ctx, description, content.directLendingWords)) {
    ctx.add(makeFinding("/campaign/description", "DIRECT_LENDING_DESCRIPTION",
                        "A direct-lending campaign must say DIRECT LENDING in its description; add the words."));
  }
  // A word list matches the texts joined by "\n" exactly when it matches one
  // of them (wordsStayInLine): the parts' set passes, which checkWords needs
  // anyway, answer for the whole, and only a hit searches the joined text,
  // which is joined then (most documents never need it).
  std::string all;
  bool joined = false;
  auto findInAll = [&](const LazyRegex& re) {
    bool may = !content.wordsStayInLine || mayMatch(ctx, description, re);
    for (const auto& s : ctx.samples()) may = may || mayMatch(ctx, s.second, re);
    if (!may) return std::string();
    if (!joined) {
      all = description;
      for (const auto& s : ctx.samples()) {
        all += '\n';
        all += s.second;
      }
      joined = true;
    }
    return findWord(*re, all);
  };
  if (!ctx.flag("/campaign/directLending") && ctx.value("/campaign") != nullptr) {
    std::string word = findInAll(content.lending);
    if (!word.empty()) {
      Finding f = makeFinding("/campaign/directLending", "DIRECT_LENDING_UNDECLARED",
                              "The campaign speaks of lending (\"" + word +
                                  "\"); if it arranges loans, set directLending to true and say DIRECT LENDING "
                                  "in the description.");
      withText(f, "word", word);
      ctx.add(std::move(f));
    }
  }
  if (!ctx.flag("/campaign/ageGated") && ctx.value("/campaign") != nullptr) {
    std::string word = findInAll(content.ageGated);
    if (!word.empty()) {
      Finding f = makeFinding("/campaign/ageGated", "AGE_GATED_UNDECLARED",
                              "The campaign speaks of age-restricted products (\"" + word +
                                  "\"); set ageGated to true and put a real age gate on the opt-in.");
      withText(f, "word", word);
      ctx.add(std::move(f));
    }
  }
  const nlohmann::json* numbers = ctx.value("/phoneNumbers");
  if (numbers != nullptr && numbers->is_array() && numbers->size() > 49 && !ctx.flag("/campaign/numberPool")) {
    Finding f = makeFinding("/campaign/numberPool", "NUMBER_POOL_REQUIRED",
                            "The campaign has " + std::to_string(numbers->size()) +
                                " numbers; more than 49 need numberPool set to true (T-Mobile limit).");
    withNumber(f, "numbers", static_cast<long long>(numbers->size()));
    withNumber(f, "limit", 49);
    ctx.add(std::move(f));
  }
}

}  // namespace

void checkCampaign(RuleContext& ctx) {
  if (!ctx.has("campaign")) return;
  checkUsecase(ctx);
  checkSubUsecaseCount(ctx);
  checkSampleCount(ctx);
  checkSamplesContent(ctx);
  checkEmbeddedFlag(ctx, "/campaign/embeddedLink", "embeddedLink", "EMBEDDED_LINK_MISMATCH", "EMBEDDED_LINK_NOT_SHOWN",
                    "a link", carriesLink);
  checkEmbeddedFlag(ctx, "/campaign/embeddedPhone", "embeddedPhone", "EMBEDDED_PHONE_MISMATCH",
                    "EMBEDDED_PHONE_NOT_SHOWN", "a phone number", carriesPhone);
  checkReplies(ctx);
  checkDeclarations(ctx);
}

}  // namespace smsreg::rules
