// Evaluates the catalogue's pattern rules over the fields they name.
#ifndef SMSREG_RULES_PATTERN_RULES_HPP
#define SMSREG_RULES_PATTERN_RULES_HPP

#include "rules/rule_catalogue.hpp"
#include "rules/rule_context.hpp"

namespace smsreg::rules {

void checkPatterns(const RuleCatalogue& catalogue, RuleContext& ctx);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_PATTERN_RULES_HPP
