// Use case against content: each sample is classified (data/usecases.json)
// and compared with the declared use case and sub-use cases; a description
// must say who sends and why; a campaign of several use cases needs a sample
// for each. Providers reject these as "samples / description do not match
// the use case" (TW-E30893, TW-ERR 30886, 30538; DCA2 602).
#include <algorithm>

#include "report/finding_builder.hpp"
#include "rules/rule_context.hpp"
#include "rules/text_match.hpp"

namespace smsreg::rules {

namespace {

using report::makeFinding;
using report::withList;
using report::withNumber;
using report::withText;

std::vector<std::string> subUsecases(const RuleContext& ctx) {
  std::vector<std::string> out;
  const nlohmann::json* subs = ctx.value("/campaign/subUsecases");
  if (subs == nullptr || !subs->is_array()) return out;
  for (const auto& v : *subs) {
    if (v.is_string() && std::find(out.begin(), out.end(), v.get<std::string>()) == out.end()) {
      out.push_back(v.get<std::string>());  // a repeat is ITEM_DUPLICATE, not another use case
    }
  }
  return out;
}

void checkSampleClasses(RuleContext& ctx) {
  const ContentData& c = ctx.content();
  const std::string& usecase = ctx.clean("/campaign/usecase");
  if (c.checkedUsecases.count(usecase) == 0) return;
  std::vector<std::string> declared{usecase};
  if (c.bySubUsecases.count(usecase) != 0) {
    declared = subUsecases(ctx);
    if (declared.empty()) return;  // SUBUSECASE_COUNT already
  }
  std::vector<const SampleClass*> matched;  // one sample's at a time: its room is allocated once
  for (const auto& [pointer, text] : ctx.samples()) {
    matched.clear();
    PhraseAnswers says(ctx, text);
    for (const SampleClass& k : c.classes) {
      if (says.matches(k.regex)) matched.push_back(&k);
    }
    if (matched.empty()) continue;  // nothing recognisable: no opinion
    bool covered = false, unmistakable = matched.size() == 1;
    for (const SampleClass* k : matched) {
      for (const std::string& u : declared) {
        covered = covered || k->covered.count(u) != 0;
        unmistakable = unmistakable && k->mismatch.count(u) != 0;
      }
    }
    if (covered) continue;
    const std::string kind = matched.front()->name;
    const std::string uses = report::joinWords(declared);
    Finding f = unmistakable
                    ? makeFinding(std::string(pointer), "SAMPLE_USECASE_MISMATCH",
                                  "This sample is a " + kind + " message, which the " + uses +
                                      " use case does not cover; carriers reject campaigns whose samples do not "
                                      "match the use case. Register it under a use case that covers it.")
                    : makeFinding(std::string(pointer), "SAMPLE_USECASE_UNCOVERED",
                                  "This sample reads as a " + kind + " message, which the declared " + uses +
                                      " use case does not obviously cover; make the sample match the use case, or "
                                      "add the use case that covers it.");
    withText(f, "class", kind);
    withList(f, "usecases", declared);
    ctx.add(std::move(f));
  }
}

void checkDescription(RuleContext& ctx) {
  const std::string& description = ctx.clean("/campaign/description");
  if (description.empty()) return;
  const ContentData& c = ctx.content();
  if (!brandNames(ctx).empty() && mentionsBrand(ctx, description)) return;  // says who sends
  PhraseAnswers says(ctx, description);
  bool purpose = says.matches(c.purpose);
  for (const SampleClass& k : c.classes) purpose = purpose || says.matches(k.regex);
  if (purpose) return;
  ctx.add(makeFinding("/campaign/description", "DESCRIPTION_VAGUE",
                      "Say who sends the messages and why: name the brand and the kind of messages (e.g. "
                      "\"Brightside Plumbing sends appointment reminders to customers who booked a visit\")."));
}

// 30538: several use cases selected, a sample for fewer of them: fewer
// samples than sub-use cases, or a sub-use case whose kind no sample shows.
void checkSamplesPerUsecase(RuleContext& ctx) {
  const ContentData& c = ctx.content();
  const std::string& usecase = ctx.clean("/campaign/usecase");
  if (c.bySubUsecases.count(usecase) == 0) return;
  const std::vector<std::string> uses = subUsecases(ctx);
  const std::size_t samples = ctx.samples().size();
  if (uses.size() <= 1 || samples < 2) return;  // fewer than 2 samples is SAMPLES_TOO_FEW
  if (samples < uses.size()) {
    Finding f = makeFinding("/campaign/sample" + std::to_string(samples + 1), "USECASE_WITHOUT_SAMPLE",
                            "The campaign selects " + std::to_string(uses.size()) + " use cases but gives " +
                                std::to_string(samples) + " samples; give one sample for each use case.");
    withNumber(f, "usecases", static_cast<long long>(uses.size()));
    withNumber(f, "samples", static_cast<long long>(samples));
    ctx.add(std::move(f));
    return;
  }
  std::vector<std::string> unshown;
  for (const std::string& u : uses) {
    auto signature = c.signatures.find(u);
    if (signature == c.signatures.end()) continue;
    const SampleClass* k = signature->second;
    const bool shown = std::any_of(ctx.samples().begin(), ctx.samples().end(),
                                   [&](const auto& s) { return matches(ctx, s.second, k->regex); });
    if (!shown) unshown.push_back(u);
  }
  if (unshown.empty()) return;
  Finding f = makeFinding("/campaign/subUsecases", "USECASE_WITHOUT_SAMPLE",
                          "No sample shows a " + report::joinWords(unshown) +
                              " message; give a sample for each selected use case, or remove the use case.");
  withList(f, "usecases", unshown);
  ctx.add(std::move(f));
}

}  // namespace

void checkUsecaseContent(RuleContext& ctx) {
  if (!ctx.has("campaign")) return;
  checkSampleClasses(ctx);
  checkDescription(ctx);
  checkSamplesPerUsecase(ctx);
}

}  // namespace smsreg::rules
