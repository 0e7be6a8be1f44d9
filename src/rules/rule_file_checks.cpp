#include "rules/rule_file_checks.hpp"

#include <map>

#include "input/bounded_json.hpp"
#include "registration/field_catalogue.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {

namespace {

using json = nlohmann::json;

// A pointer names a field when the registration schema knows it ("*" for
// any array index, as in "/phoneNumbers/*").
bool namesField(const registration::FieldCatalogue& fields, const std::string& pointer) {
  return fields.find(pointer) != nullptr;
}

}  // namespace

bool checkRuleFileEntries(const json& file, const RuleCatalogue& catalogue, std::string& error) {
  auto rules = file.find("rules");
  if (rules == file.end() || !rules->is_array()) return true;  // the shape check names this
  json schema;
  input::ParseError why;
  const Limits generous{16u << 20, 64, 1u << 20};
  if (!input::parseBounded(embedded::find("registration.schema.json"), generous, schema, why)) {
    error = "registration.schema.json: " + why.message;
    return false;
  }
  const registration::FieldCatalogue fields(schema);
  std::map<std::string, std::size_t> firstAt;
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const json& entry = (*rules)[i];
    const std::string where = "rule file: /rules/" + std::to_string(i);
    auto codeIt = entry.find("code");
    if (codeIt == entry.end() || !codeIt->is_string()) continue;
    const std::string code = codeIt->get<std::string>();
    auto [seen, added] = firstAt.emplace(code, i);
    if (!added) {
      error = where + "/code: " + code + " is already defined at /rules/" + std::to_string(seen->second) +
              "; one code, one rule (merge the two entries)";
      return false;
    }
    const Rule* existing = catalogue.find(code);
    if (code.rfind("INPUT_", 0) == 0 || (existing != nullptr && existing->kind == Rule::Kind::kInput)) {
      error = where + "/code: " + code +
              " is a bad-input code; input that cannot be read is always an error and cannot be changed by a rule file";
      return false;
    }
    if (auto list = entry.find("fields"); list != entry.end() && list->is_array()) {
      for (std::size_t k = 0; k < list->size(); ++k) {
        const json& field = (*list)[k];
        if (field.is_string() && !namesField(fields, field.get<std::string>())) {
          error = where + "/fields/" + std::to_string(k) + ": \"" + input::elide(field.get<std::string>()) +
                  "\" is no field of a submission, so the rule could never match";
          return false;
        }
      }
    }
    if (auto when = entry.find("when"); when != entry.end() && when->is_object()) {
      for (auto it = when->begin(); it != when->end(); ++it) {
        if (!namesField(fields, it.key())) {
          error = where + "/when/" + input::escapePointerToken(it.key()) + ": \"" + input::elide(it.key()) +
                  "\" is no field of a submission, so the condition could never hold";
          return false;
        }
      }
    }
  }
  return true;
}

}  // namespace smsreg::rules
