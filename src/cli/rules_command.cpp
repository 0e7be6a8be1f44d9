// smsreg rules: every code the validator can report, from the same catalogue
// the library uses (docs/rules.md is generated from this output).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/rules_json.hpp"
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
      std::cout << rulesJson(validator) << "\n";
    } else {
      for (const RuleInfo& r : validator.rules()) {
        std::cout << r.code << " (" << r.severity << ")";
        for (const std::string& f : r.fields) std::cout << " " << (f.empty() ? "\"\"" : f);
        std::cout << "\n    " << r.description << "\n    source: " << r.source << "\n";
      }
    }
    return 0;
  };
}

}  // namespace smsreg::cli
