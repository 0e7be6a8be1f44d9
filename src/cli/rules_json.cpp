#include "cli/rules_json.hpp"

#include <nlohmann/json.hpp>

namespace smsreg::cli {

std::string rulesJson(const Validator& validator) {
  nlohmann::ordered_json out;
  out["version"] = rulesVersion();
  out["rules"] = nlohmann::ordered_json::array();
  for (const RuleInfo& r : validator.rules()) {
    out["rules"].push_back({{"code", r.code},
                            {"severity", r.severity},
                            {"fields", r.fields},
                            {"description", r.description},
                            {"source", r.source},
                            {"evidence", r.evidence}});
  }
  return out.dump();
}

}  // namespace smsreg::cli
