// The schema stage two ways (issue 12): valijson, the reference, and the
// schema compiled into small checks (src/schema/schema_evaluator.hpp), over
// every document report_snapshot covers, under the default options, the
// twilio-2026 profile and each part alone. Fails on any difference in the raw
// schema errors or the report, printing the first ones.
//
//   schema_differential --root DIR PATH...
//
// PATH is a file or a folder (walked in sorted order); a .ndjson file gives
// one document a line.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "registration/schema_stage_probe.hpp"
#include "smsreg/validator.hpp"

namespace fs = std::filesystem;

namespace {

struct Config {
  const char* name;
  std::unique_ptr<smsreg::Validator> validator;
};

struct Tally {
  std::size_t documents = 0;
  std::size_t differences = 0;
};

void compareDocument(const std::string& label, const std::string& text, const std::vector<Config>& configs,
                     Tally& tally) {
  ++tally.documents;
  for (const Config& c : configs) {
    const std::string difference = smsreg::registration::compareSchemaPaths(*c.validator, text);
    if (difference.empty()) continue;
    if (++tally.differences <= 20) std::cout << label << " [" << c.name << "]: " << difference << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = ".";
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--root" && i + 1 < argc)
      root = argv[++i];
    else
      paths.emplace_back(a);
  }
  smsreg::ValidatorOptions twilio, brand, campaign;
  twilio.profile = "twilio-2026";
  brand.part = smsreg::Part::kBrand;
  campaign.part = smsreg::Part::kCampaign;
  std::vector<Config> configs;
  configs.push_back({"default", std::make_unique<smsreg::Validator>()});
  configs.push_back({"twilio-2026", std::make_unique<smsreg::Validator>(twilio)});
  configs.push_back({"brand", std::make_unique<smsreg::Validator>(brand)});
  configs.push_back({"campaign", std::make_unique<smsreg::Validator>(campaign)});
  for (const Config& c : configs) {
    if (!c.validator->ok()) {
      std::cerr << "schema_differential: validator " << c.name << ": " << c.validator->error() << "\n";
      return 2;
    }
  }
  Tally tally;
  for (const fs::path& p : paths) {
    if (!fs::exists(p)) {
      std::cerr << "schema_differential: no such input: " << p << "\n";
      return 2;
    }
    differential::forEachDocument(root, p, [&](const std::string& label, const std::string& text) {
      compareDocument(label, text, configs, tally);
    });
  }
  std::cout << "schema_differential: " << tally.documents << " documents x " << configs.size() << " configurations, "
            << tally.differences << " differ\n";
  if (tally.documents == 0) return 2;
  return tally.differences == 0 ? 0 : 1;
}
