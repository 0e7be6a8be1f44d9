// What a user's rule file may not do, beyond its JSON Schema: rules that
// would be accepted and then silently do nothing, or undo each other.
#ifndef SMSREG_RULES_RULE_FILE_CHECKS_HPP
#define SMSREG_RULES_RULE_FILE_CHECKS_HPP

#include <nlohmann/json.hpp>
#include <string>

#include "rules/rule_catalogue.hpp"

namespace smsreg::rules {

// False, with "rule file: /rules/N/...: why" in `error`, when the file
//  - names one code twice (the second would replace the first unseen);
//  - overrides or adds an INPUT_* code (bad input is always an error, and
//    those codes are reported before any rule runs);
//  - lists a field, or a `when` pointer, that is no field of a submission
//    (the rule could never match anything).
// `catalogue` holds the built-in rules loaded so far.
bool checkRuleFileEntries(const nlohmann::json& file, const RuleCatalogue& catalogue, std::string& error);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_RULE_FILE_CHECKS_HPP
