// Output forms of a schema check (INTERFACE section 4).
#include <utility>

#include "report/text_escape.hpp"
#include "smsreg/schema_check.hpp"

namespace smsreg {

std::string SchemaCheckResult::toJson(const std::string& source) const {
  // Written directly (no DOM to tear down under memory pressure); bytes that
  // are not UTF-8 (only a schema's own strings can carry them) become U+FFFD.
  std::string out = "{";
  if (!source.empty()) {
    out += "\"source\":";
    report::appendJsonString(out, source);
    out += ',';
  }
  out += valid ? "\"valid\":true,\"errors\":[" : "\"valid\":false,\"errors\":[";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const SchemaError& e = errors[i];
    out += i == 0 ? "{" : ",{";
    for (const auto& [name, value] :
         {std::pair<const char*, const std::string*>{"instanceLocation", &e.instanceLocation},
          {"keywordLocation", &e.keywordLocation},
          {"code", &e.code},
          {"message", &e.message}}) {
      if (name[0] != 'i') out += ',';
      report::appendJsonString(out, name);
      out += ':';
      report::appendJsonString(out, *value);
    }
    out += '}';
  }
  out += "]}";
  return out;
}

std::string SchemaCheckResult::toText(const std::string& source) const {
  const std::string shown = report::escapeForText(source);
  std::string out = shown + ": " + (valid ? "valid" : "invalid");
  if (!valid) out += " (" + std::to_string(errors.size()) + (errors.size() == 1 ? " error)" : " errors)");
  out += "\n";
  for (const SchemaError& e : errors) {
    // One error, one line: user text (keys, schema strings) is escaped.
    out += "  " + shown + ": " +
           (e.instanceLocation.empty() ? "(document)" : report::escapeForText(e.instanceLocation)) + " " + e.code +
           (e.keywordLocation.empty() ? "" : " at #" + report::escapeForText(e.keywordLocation)) + ": " +
           report::escapeForText(e.message) + "\n";
  }
  return out;
}

}  // namespace smsreg
