// Runs every required draft-7 test of the JSON Schema Test Suite through
// smsreg::SchemaChecker and fails when fewer pass than the recorded figure.
//
//   draft7_runner SUITE_DIR KNOWN_FAILURES MIN_PASS
//
// SUITE_DIR holds tests/draft7/*.json and remotes/ (served as
// http://localhost:1234/). Exit 77 (ctest SKIP_RETURN_CODE) when it is missing.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "smsreg/schema_check.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kSkipped = 77;

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Lines "file | group | test | reason"; '#' starts a comment line.
std::set<std::string> readKnownFailures(const std::string& path) {
  std::set<std::string> known;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> parts;
    std::stringstream ss(line);
    std::string part;
    while (std::getline(ss, part, '|')) parts.push_back(trim(part));
    if (parts.size() >= 3) known.insert(parts[0] + " | " + parts[1] + " | " + parts[2]);
  }
  return known;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: draft7_runner SUITE_DIR KNOWN_FAILURES MIN_PASS\n";
    return 2;
  }
  const fs::path suite = argv[1];
  const fs::path testsDir = suite / "tests" / "draft7";
  if (!fs::is_directory(testsDir) || !fs::is_directory(suite / "remotes")) {
    std::cout << "SKIPPED: the JSON Schema Test Suite is not at " << suite << "\n";
    return kSkipped;
  }
  const std::set<std::string> known = readKnownFailures(argv[2]);
  const long minPass = std::stol(argv[3]);

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(testsDir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  smsreg::SchemaCheckOptions options;
  options.remotesDir = (suite / "remotes").string();
  long total = 0, passed = 0, remoteTotal = 0, remotePassed = 0;
  std::vector<std::string> unexpected, fixed;
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    std::ifstream in(file);
    nlohmann::json groups = nlohmann::json::parse(in);
    for (const auto& group : groups) {
      smsreg::SchemaChecker checker(group["schema"].dump(), options);
      for (const auto& test : group["tests"]) {
        const std::string id =
            name + " | " + group["description"].get<std::string>() + " | " + test["description"].get<std::string>();
        const bool expected = test["valid"].get<bool>();
        bool ok;
        std::string why;
        if (!checker.ok()) {
          ok = false;
          why = "schema refused: " + checker.error();
        } else {
          smsreg::SchemaCheckResult result = checker.check(test["data"].dump());
          ok = result.valid == expected;
          if (!ok) why = std::string("expected ") + (expected ? "valid" : "invalid");
          if (!ok && !result.errors.empty()) why += "; first error: " + result.errors[0].message;
        }
        ++total;
        if (name == "refRemote.json") ++remoteTotal;
        if (ok) {
          ++passed;
          if (name == "refRemote.json") ++remotePassed;
          if (known.count(id) != 0) fixed.push_back(id);
        } else {
          std::cout << (known.count(id) != 0 ? "known failure: " : "FAIL: ") << id << " (" << why << ")\n";
          if (known.count(id) == 0) unexpected.push_back(id);
        }
      }
    }
  }
  for (const std::string& id : fixed) std::cout << "now passes (remove from known-failures): " << id << "\n";
  const long otherTotal = total - remoteTotal, otherPassed = passed - remotePassed;
  std::cout.precision(1);
  std::cout << std::fixed << "draft-7 required tests: " << passed << " of " << total << " pass ("
            << 100.0 * passed / total << "%); without refRemote.json: " << otherPassed << " of " << otherTotal << " ("
            << 100.0 * otherPassed / otherTotal << "%); recorded minimum " << minPass << "\n";
  if (passed < minPass) {
    std::cout << "FAILED: fewer tests pass than the recorded figure\n";
    return 1;
  }
  if (!unexpected.empty()) {
    std::cout << "FAILED: " << unexpected.size() << " failing test(s) missing from known-failures\n";
    return 1;
  }
  return 0;
}
