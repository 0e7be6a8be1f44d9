// Output forms of a schema check (INTERFACE section 4).
#include <nlohmann/json.hpp>

#include "smsreg/schema_check.hpp"

namespace smsreg {

std::string SchemaCheckResult::toJson(const std::string& source) const {
  nlohmann::ordered_json out;
  if (!source.empty()) out["source"] = source;
  out["valid"] = valid;
  out["errors"] = nlohmann::ordered_json::array();
  for (const SchemaError& e : errors) {
    nlohmann::ordered_json j;
    j["instanceLocation"] = e.instanceLocation;
    j["keywordLocation"] = e.keywordLocation;
    j["code"] = e.code;
    j["message"] = e.message;
    out["errors"].push_back(std::move(j));
  }
  // Replace, not throw, on bytes that are not UTF-8 (they can only come from
  // a schema's own strings; instances are checked by the parser).
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string SchemaCheckResult::toText(const std::string& source) const {
  std::string out = source + ": " + (valid ? "valid" : "invalid");
  if (!valid) out += " (" + std::to_string(errors.size()) + (errors.size() == 1 ? " error)" : " errors)");
  out += "\n";
  for (const SchemaError& e : errors) {
    std::string message;
    for (char c : e.message) message += (c == '\n' || c == '\r') ? ' ' : c;  // one error, one line
    out += "  " + source + ": " + (e.instanceLocation.empty() ? "(document)" : e.instanceLocation) + " " + e.code +
           (e.keywordLocation.empty() ? "" : " at #" + e.keywordLocation) + ": " + message + "\n";
  }
  return out;
}

}  // namespace smsreg
