// Freezes what validate answers: one line per input document, its label and
// a 64-bit FNV-1a digest of the whole JSON report, under two configurations
// (the default and a provider profile). Speed work must not change a single
// byte of any report (issue 12), so ctest compares a fresh run against the
// committed tests/differential/reports.tsv.
//
//   report_digest --root DIR [--write FILE | --expect FILE] PATH...
//
// PATH is a file or a folder (walked in sorted order). A .ndjson file gives
// one document a line, labelled path:line; any other file is one document,
// bytes as they are (fuzz inputs need not be JSON). Labels are paths
// relative to --root, or the bare name for a file named on the command line.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "smsreg/validator.hpp"

namespace fs = std::filesystem;

namespace {

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

struct Config {
  const char* name;
  std::unique_ptr<smsreg::Validator> validator;
};

void digestDocument(const std::string& label, const std::string& text, std::vector<Config>& configs,
                    std::map<std::string, std::string>& out) {
  for (Config& c : configs) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a(c.validator->validate(text).toJson())));
    out[label + "\t" + c.name] = hex;
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = ".";
  std::string write, expect;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--root" && i + 1 < argc)
      root = argv[++i];
    else if (a == "--write" && i + 1 < argc)
      write = argv[++i];
    else if (a == "--expect" && i + 1 < argc)
      expect = argv[++i];
    else
      paths.emplace_back(a);
  }
  smsreg::ValidatorOptions twilio;
  twilio.profile = "twilio-2026";
  std::vector<Config> configs;
  configs.push_back({"default", std::make_unique<smsreg::Validator>()});
  configs.push_back({"twilio-2026", std::make_unique<smsreg::Validator>(twilio)});
  for (const Config& c : configs) {
    if (!c.validator->ok()) {
      std::cerr << "report_digest: validator " << c.name << ": " << c.validator->error() << "\n";
      return 2;
    }
  }
  std::map<std::string, std::string> got;
  for (const fs::path& p : paths)
    differential::forEachDocument(
        root, p, [&](const std::string& label, const std::string& text) { digestDocument(label, text, configs, got); });

  if (!write.empty()) {
    std::ofstream o(write);
    for (const auto& [k, v] : got) o << k << "\t" << v << "\n";
    std::cout << "report_digest: wrote " << got.size() << " digests to " << write << "\n";
    return o ? 0 : 2;
  }
  std::map<std::string, std::string> want;
  std::ifstream in(expect);
  if (!in) {
    std::cerr << "report_digest: cannot read " << expect << "\n";
    return 2;
  }
  for (std::string line; std::getline(in, line);) {
    const auto cut = line.rfind('\t');
    if (cut != std::string::npos) want[line.substr(0, cut)] = line.substr(cut + 1);
  }
  int differences = 0;
  for (const auto& [k, v] : want) {
    auto it = got.find(k);
    if (it == got.end())
      std::cout << "missing: " << k << "\n";
    else if (it->second != v)
      std::cout << "changed: " << k << "\n";
    else
      continue;
    ++differences;
  }
  // A document added since the snapshot is listed, not failed: the snapshot
  // guards answers that exist, and --write takes the new ones in.
  for (const auto& [k, v] : got)
    if (!want.count(k)) std::cout << "new, not in the snapshot: " << k << "\n";
  std::cout << "report_digest: " << got.size() << " reports compared, " << differences << " differ\n";
  return differences == 0 ? 0 : 1;
}
