// smsreg check: instances against any draft-07 JSON Schema.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/output.hpp"
#include "smsreg/schema_check.hpp"

namespace smsreg::cli {

namespace {

struct CheckArgs {
  std::string schemaFile;
  std::string remotesDir;
  std::string format = "text";
  Limits limits;
  std::vector<std::string> files;
};

int run(const CheckArgs& args) {
  std::string schemaText;
  if (!readWholeFile(args.schemaFile, args.limits.maxBytes, schemaText)) return 2;
  SchemaCheckOptions options;
  options.limits = args.limits;
  options.remotesDir = args.remotesDir;
  SchemaChecker checker(schemaText, options);
  if (!checker.ok()) {
    std::cerr << "smsreg: " << args.schemaFile << ": " << checker.error() << "\n";
    return 2;
  }
  const bool json = args.format == "json";
  const bool many = manyDocuments(args.files, false);
  bool anyInvalid = false;
  bool allRead = forEachDocument(args.files, false, args.limits.maxBytes, [&](const Document& d) {
    SchemaCheckResult result = checker.check(d.text);
    anyInvalid = anyInvalid || !result.valid;
    writeOut(json ? result.toJson(many ? d.source : "") + "\n" : result.toText(d.source));
  });
  if (!allRead) return 2;
  return anyInvalid ? 1 : 0;
}

}  // namespace

Runner addCheckCommand(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Check JSON instances against a draft-07 JSON Schema");
  cmd->add_option("--schema", args->schemaFile, "The JSON Schema (draft-07)")->required();
  cmd->add_option("--remotes", args->remotesDir,
                  "Folder serving remote $refs (http://host/x.json → DIR/x.json); never the network");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  addLimitFlags(cmd, args->limits);
  cmd->add_option("files", args->files, "Instance files; none or - reads standard input");
  return [args] { return run(*args); };
}

}  // namespace smsreg::cli
