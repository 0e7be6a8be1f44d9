// smsreg validate: registration submissions in, reports out.
#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::cli {

namespace {

struct ValidateArgs {
  std::string format = "text";
  bool ndjson = false;
  std::string part = "both";
  std::string rulesFile;
  std::string profile;
  std::vector<std::string> disabled;
  unsigned jobs = 1;
  Limits limits;
  std::vector<std::string> files;
};

// Validates a batch of documents on `jobs` threads sharing one validator,
// keeping output in input order.
void validateBatch(const Validator& validator, const std::vector<Document>& docs, unsigned jobs,
                   std::vector<Report>& reports) {
  reports.assign(docs.size(), Report());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < docs.size(); i = next++) reports[i] = validator.validate(docs[i].text);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
}

int run(const ValidateArgs& args) {
  ValidatorOptions options;
  options.limits = args.limits;
  options.part = args.part == "brand" ? Part::kBrand : args.part == "campaign" ? Part::kCampaign : Part::kBoth;
  options.disabledRules = args.disabled;
  options.profile = args.profile;
  if (!args.rulesFile.empty() && !readWholeFile(args.rulesFile, options.extraRulesJson)) return 2;
  Validator validator(options);
  if (!validator.ok()) {
    std::cerr << "smsreg: " << validator.error() << "\n";
    return 2;
  }
  const bool json = args.format == "json";
  const bool many = manyDocuments(args.files, args.ndjson);
  bool anyNotVerified = false;
  std::vector<Document> batch;
  auto flush = [&] {
    std::vector<Report> reports;
    validateBatch(validator, batch, std::max(1u, args.jobs), reports);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      anyNotVerified = anyNotVerified || !reports[i].verified();
      if (json) {
        std::cout << reports[i].toJson(many ? batch[i].source : "") << "\n";
      } else {
        std::cout << reports[i].toText(batch[i].source);
      }
    }
    std::cout.flush();
    batch.clear();
  };
  bool allRead = forEachDocument(args.files, args.ndjson, args.limits.maxBytes, [&](const Document& d) {
    batch.push_back(d);
    if (batch.size() >= 256) flush();  // bounded memory on long NDJSON streams
  });
  flush();
  if (!allRead) return 2;
  return anyNotVerified ? 1 : 0;
}

}  // namespace

Runner addValidateCommand(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check brand + campaign submissions: VERIFIED or NOT_VERIFIED");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--ndjson", args->ndjson, "One submission per line; one result per line");
  cmd->add_option("--part", args->part, "Validate one part alone")
      ->check(CLI::IsMember({"both", "brand", "campaign"}))
      ->capture_default_str();
  cmd->add_option("--profile", args->profile,
                  "Apply a shipped provider profile (schemas/profiles/NAME.json), e.g. twilio-2026");
  cmd->add_option("--rules", args->rulesFile,
                  "Rule file that adds or overrides rules (schemas/rules-file.schema.json)");
  cmd->add_option("--disable", args->disabled, "Turn a rule off by its code (repeatable)")->allow_extra_args(false);
  cmd->add_option("--jobs", args->jobs, "Worker threads sharing one validator")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  addLimitFlags(cmd, args->limits);
  cmd->add_option("files", args->files, "Submission files; none or - reads standard input");
  // An unknown --disable code is a usage error (exit 2), found when the validator is built.
  return [args] { return run(*args); };
}

}  // namespace smsreg::cli
