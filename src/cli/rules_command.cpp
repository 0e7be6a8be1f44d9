// smsreg rules: every code the validator can report, from the same catalogue
// the library uses (docs/rules.md is generated from this output).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/rules_json.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::cli {

Runner addRulesCommand(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  auto profile = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("rules", "List every rule: code, severity, fields, description, source, evidence");
  cmd->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("--profile", *profile, "Show the rules as a shipped provider profile sets them");
  return [format, profile] {
    ValidatorOptions options;
    options.profile = *profile;
    Validator validator(options);
    if (!validator.ok()) {
      std::cerr << "smsreg: " << validator.error() << "\n";
      return 2;
    }
    if (*format == "json") {
      writeOut(rulesJson(validator) + "\n");
    } else {
      for (const RuleInfo& r : validator.rules()) {
        std::string line = r.code + " (" + r.severity + ")";
        for (const std::string& f : r.fields) line += " " + (f.empty() ? std::string("\"\"") : f);
        writeOut(line + "\n    " + r.description + "\n    source: " + r.source + "\n    evidence: " + r.evidence +
                 "\n");
      }
    }
    return 0;
  };
}

}  // namespace smsreg::cli
