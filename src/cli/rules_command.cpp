// smsreg rules: every code the validator can report, from the same catalogue
// the library uses (docs/rules.md is generated from this output).
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::cli {

Runner addRulesCommand(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand("rules", "List every rule: code, severity, fields, description, source");
  cmd->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  return [format] {
    Validator validator;
    if (!validator.ok()) {
      std::cerr << "smsreg: " << validator.error() << "\n";
      return 2;
    }
    if (*format == "json") {
      nlohmann::ordered_json out;
      out["version"] = rulesVersion();
      out["rules"] = nlohmann::ordered_json::array();
      for (const RuleInfo& r : validator.rules()) {
        out["rules"].push_back({{"code", r.code},
                                {"severity", r.severity},
                                {"fields", r.fields},
                                {"description", r.description},
                                {"source", r.source}});
      }
      writeOut(out.dump() + "\n");
    } else {
      for (const RuleInfo& r : validator.rules()) {
        std::string line = r.code + " (" + r.severity + ")";
        for (const std::string& f : r.fields) line += " " + (f.empty() ? std::string("\"\"") : f);
        writeOut(line + "\n    " + r.description + "\n    source: " + r.source + "\n");
      }
    }
    return 0;
  };
}

}  // namespace smsreg::cli
