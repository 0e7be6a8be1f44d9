// What a code rule sees: the normalized submission, which parts are checked,
// the fields the schema stage already flagged, and where findings go.
#ifndef SMSREG_RULES_RULE_CONTEXT_HPP
#define SMSREG_RULES_RULE_CONTEXT_HPP

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/content_data.hpp"
#include "rules/member_index.hpp"
#include "rules/text_memo.hpp"
#include "smsreg/report.hpp"

namespace smsreg::rules {

// The brand's names and their squashed case folds (text_match.cpp), worked
// out on the first rule that asks: one brand a document, asked four times.
struct BrandNames {
  bool known = false;
  std::vector<std::string> names, squashed;
};

class RuleContext {
 public:
  // `document` is the normalised submission the rules read; `original` the
  // same as the user wrote it, for messages that quote it.
  // `flagged` is taken with its transparent comparator so clean() can ask
  // by string_view and the set is moved in, not rebuilt.
  // `known`, when given, holds the brand's and the campaign's members of
  // `document` as the caller's walk found them (MemberIndex::Known), so
  // they are not walked again.
  RuleContext(const nlohmann::json& document, const nlohmann::json& original,
              std::set<std::string, std::less<>> flagged, const ContentData& content, std::vector<Finding>& out,
              const MemberIndex::Known* known = nullptr);

  const nlohmann::json& document() const { return document_; }
  const ContentData& content() const { return content_; }
  // Whether the part is there as an object; every area asks once.
  bool has(std::string_view part) const {
    if (part == "brand") return hasBrand_;
    if (part == "campaign") return hasCampaign_;
    return isObjectAt(part);
  }

  // The string at `pointer`, or "" when absent or not a string.
  // Strings are the document's own, valid while the context lives.
  const std::string& text(std::string_view pointer) const;
  // As text(), but "" also when the schema stage flagged the field: a rule
  // about how a value is written stays quiet on a value already reported.
  const std::string& clean(std::string_view pointer) const;
  // As clean(), from the text as the user wrote it.
  const std::string& original(std::string_view pointer) const;
  // true/false at `pointer`; `absent` when it is not a boolean.
  bool flag(std::string_view pointer, bool absent = false) const;
  const nlohmann::json* value(std::string_view pointer) const;

  // (pointer, text) of every sample present, in order sample1..sample5: the
  // pointer a literal, the text the document's own (valid while the context
  // lives), so neither is copied.
  using Sample = std::pair<std::string_view, const std::string&>;
  const std::vector<Sample>& samples() const { return samples_; }

  void add(Finding finding) { out_.push_back(std::move(finding)); }

  // This document's memo; one validate call owns the context, so no other
  // thread sees it.
  BrandNames& brandNames() const { return brandNames_; }
  // urlHost(clean("/brand/website")), worked out on the first ask: the brand
  // names, the shortener check and the link-site check each want it, and a
  // host costs a walk and a lowered copy.
  const std::string& websiteHost() const;
  TextMemo& memo() const { return memo_; }

 private:
  bool isObjectAt(std::string_view part) const;

  const nlohmann::json& document_;
  const nlohmann::json& original_;
  // Only the document is indexed: the original is asked three times a
  // document (brandNames), fewer lookups than indexing it would cost.
  MemberIndex documentMembers_;
  std::set<std::string, std::less<>> flagged_;
  const ContentData& content_;
  std::vector<Finding>& out_;
  bool hasBrand_ = false, hasCampaign_ = false;
  std::vector<Sample> samples_;
  mutable BrandNames brandNames_;
  mutable std::optional<std::string> websiteHost_;  // websiteHost(), once asked
  mutable TextMemo memo_;
};

// The code rules, by area. Each reports under the codes in
// schemas/rules/catalogue.json; severity and enablement are applied later.
void checkBrand(RuleContext& ctx);
void checkCampaign(RuleContext& ctx);
void checkContent(RuleContext& ctx);
void checkUsecaseContent(RuleContext& ctx);  // usecase_rules.cpp
void checkConsent(RuleContext& ctx);         // consent_rules.cpp

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_RULE_CONTEXT_HPP
