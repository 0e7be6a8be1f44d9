// Data-driven rules: an RE2 pattern that a field must match (or must not),
// from schemas/rules/patterns.json or a user's rule file.
#include "rules/pattern_rules.hpp"

#include "input/json_pointer.hpp"
#include "report/finding_builder.hpp"
#include "rules/text_match.hpp"

namespace smsreg::rules {

namespace {

// "/phoneNumbers/*" → every index of the array that is there.
void expand(const nlohmann::json& document, const std::string& pattern, std::vector<std::string>& out) {
  auto star = pattern.find("/*");
  if (star == std::string::npos || (star + 2 != pattern.size() && pattern[star + 2] != '/')) {
    out.push_back(pattern);
    return;
  }
  const std::string head = pattern.substr(0, star);
  const std::string tail = pattern.substr(star + 2);
  const nlohmann::json* array = input::findPointer(document, head);
  if (array == nullptr || !array->is_array()) return;
  for (std::size_t i = 0; i < array->size(); ++i) expand(document, head + "/" + std::to_string(i) + tail, out);
}

bool conditionsHold(const RuleContext& ctx, const Rule& rule) {
  for (const auto& [pointer, values] : rule.when) {
    const std::string& v = ctx.text(pointer);
    bool any = false;
    for (const std::string& allowed : values) any = any || v == allowed;
    if (!any) return false;
  }
  return true;
}

}  // namespace

void checkPatterns(const RuleCatalogue& catalogue, RuleContext& ctx) {
  std::vector<std::string> pointers;
  for (const Rule& rule : catalogue.all()) {
    if (rule.kind != Rule::Kind::kPattern || !rule.enabled || !conditionsHold(ctx, rule)) continue;
    // Only a pattern that must be absent reports its match's text; RE2 finds
    // where a match starts only when asked (a second pass, backwards), and
    // without that may stop at the first match it sees.
    const bool wantMatch = !rule.mustMatch;
    auto check = [&](const std::string& p) {
      const std::string& text = ctx.clean(p);
      if (text.empty()) return;
      re2::StringPiece match;
      // Samples have had the phrase set's pass, which holds the built-in
      // patterns: a "no" there needs no scan (a "yes" still needs the match).
      const bool found =
          !(rule.phrase != nullptr && setSaysNo(ctx, text, *rule.phrase)) &&
          rule.pattern->Match(text, 0, text.size(), RE2::UNANCHORED, wantMatch ? &match : nullptr, wantMatch ? 1 : 0);
      if (found == rule.mustMatch) return;
      Finding f = report::makeFinding(p, rule.code, rule.message);
      if (found) report::withText(f, "match", std::string(match).substr(0, 200));
      ctx.add(std::move(f));
    };
    for (const std::string& field : rule.fields) {
      // A field without "*" is its own pointer (expand would copy it); a
      // search for one character (memchr) costs less than one for "/*".
      if (field.find('*') == std::string::npos) {
        check(field);
        continue;
      }
      pointers.clear();
      expand(ctx.document(), field, pointers);
      for (const std::string& p : pointers) check(p);
    }
  }
}

}  // namespace smsreg::rules
