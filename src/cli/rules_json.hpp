// The rule list as `smsreg rules --format json` writes it and `GET /v1/rules`
// answers: {"version", "rules": [{"code", "severity", "fields", "description", "source"}]}.
#ifndef SMSREG_CLI_RULES_JSON_HPP
#define SMSREG_CLI_RULES_JSON_HPP

#include <string>

#include "smsreg/validator.hpp"

namespace smsreg::cli {

std::string rulesJson(const Validator& validator);

}  // namespace smsreg::cli

#endif  // SMSREG_CLI_RULES_JSON_HPP
