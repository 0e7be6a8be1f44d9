// `smsreg enablement`: why can't these users send SMS? (INTERFACE sections 3, 4)
#include "enablement_cli/command.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/io.hpp"
#include "cli/output.hpp"
#include "smsreg/enablement.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::cli {

namespace {

struct EnablementArgs {
  std::string format = "text";
  bool ndjson = false;
  EnablementOptions options;
  std::vector<std::string> files;
};

int runEnablement(const EnablementArgs& args) {
  // One registration validator for the whole run; it is only used when an
  // input carries account.registration.
  Validator registration;
  const Validator* validator = registration.ok() ? &registration : nullptr;
  if (validator == nullptr) {
    std::cerr << "smsreg: registration checks unavailable: " << registration.error() << "\n";
  }
  const EnablementDiagnoser diagnoser(args.options, validator);
  const bool json = args.format == "json";
  const bool many = manyDocuments(args.files, args.ndjson);
  bool anyCannotSend = false;
  bool anyBadInput = false;
  const bool allRead = forEachDocument(args.files, args.ndjson, args.options.limits.maxBytes, [&](const Document& doc) {
    const EnablementResult result = diagnoser.diagnose(doc.text);
    if (!result.ok()) {
      anyBadInput = true;
    } else if (!result.allCanSend()) {
      anyCannotSend = true;
    }
    writeOut(json ? result.toJson(many ? doc.source : std::string()) + "\n" : result.toText(doc.source));
  });
  if (!allRead || anyBadInput) return 2;
  return anyCannotSend ? 1 : 0;
}

}  // namespace

std::function<int()> addEnablementOptions(CLI::App* cmd) {
  auto args = std::make_shared<EnablementArgs>();
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--ndjson", args->ndjson, "Read one single-user document a line and write one result a line");
  cmd->add_option("--recent-days", args->options.recentDays,
                  "A number SMS-active this many days before it is re-enabled skips US/CA verification")
      ->check(CLI::Range(0, 36500))
      ->capture_default_str();
  cmd->add_option("--pending-hours", args->options.pendingHours, "Pending longer than this is overdue")
      ->check(CLI::Range(0, 8760))
      ->capture_default_str();
  cmd->add_option("--clock-skew-seconds", args->options.clockSkewSeconds,
                  "Events this many seconds before sms.enabledAt are read in the order that explains the console")
      ->check(CLI::Range(0, 86400))
      ->capture_default_str();
  addLimitFlags(cmd, args->options.limits);  // EnablementOptions already defaults maxBytes to 64 MiB
  cmd->add_option("FILE", args->files, "Input documents; none or - reads standard input");
  return [args]() { return runEnablement(*args); };
}

}  // namespace smsreg::cli
