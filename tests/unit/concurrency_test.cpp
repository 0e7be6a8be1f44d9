// One Validator serves many threads (the header's promise): 8 threads
// validating thousands of submissions give exactly the sequential results.
// .ci/run also runs this under ThreadSanitizer.
#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "smsreg/validator.hpp"

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Variations of the shipped examples: valid, broken, and bad input, so every
// stage (parser, schema, rules, routing) runs concurrently.
std::vector<std::string> corpus(std::size_t n) {
  const std::string good = readFile(SMSREG_SOURCE_DIR "/examples/registration-us.json");
  const std::string broken = readFile(SMSREG_SOURCE_DIR "/examples/registration-broken.json");
  std::vector<std::string> docs;
  for (std::size_t i = 0; docs.size() < n; ++i) {
    std::string d = i % 2 == 0 ? good : broken;
    std::string ein = std::to_string(10 + i % 90) + "-48219" + std::to_string(10 + i % 90);
    auto at = d.find("\"ein\": \"");
    if (at != std::string::npos) d.replace(at + 8, 10, ein);
    if (i % 7 == 0) d = d.substr(0, d.size() / 3);  // truncated
    if (i % 11 == 0) d += " ";
    docs.push_back(d);
  }
  return docs;
}

}  // namespace

TEST_CASE("one validator shared by 8 threads gives the sequential results", "[concurrency]") {
  const smsreg::Validator validator;
  REQUIRE(validator.ok());
  const std::vector<std::string> docs = corpus(4000);
  std::vector<std::string> sequential;
  sequential.reserve(docs.size());
  for (const std::string& d : docs) sequential.push_back(validator.validate(d).toJson());

  std::vector<std::string> parallel(docs.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < docs.size(); i = next++) parallel[i] = validator.validate(docs[i]).toJson();
    });
  }
  for (auto& t : threads) t.join();
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) mismatches += parallel[i] != sequential[i] ? 1 : 0;
  CHECK(mismatches == 0);
  // The corpus really mixes verdicts, so the comparison means something.
  std::size_t verified = 0;
  for (const std::string& s : sequential) verified += s.find("\"VERIFIED\"") != std::string::npos ? 1 : 0;
  CHECK(verified > 0);
  CHECK(verified < docs.size());
}

// The first Validator of a process also builds the content data every
// Validator shares (rules::contentData, a function-local static). Here 8
// first Validators start together: ctest runs each test case in a process
// of its own (and .ci/run runs this tag alone under TSan), so none finds
// the data built; each must come out whole and give what one built
// afterwards gives.
TEST_CASE("validators built at once, each the first of the process, are all whole", "[concurrency][first-build]") {
  const std::vector<std::string> docs = corpus(40);
  std::atomic<int> waiting{8};
  std::vector<std::vector<std::string>> results(8);
  std::vector<int> ok(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (--waiting; waiting.load() > 0;) std::this_thread::yield();
      const smsreg::Validator validator;
      ok[static_cast<std::size_t>(t)] = validator.ok() ? 1 : 0;
      for (const std::string& d : docs) results[static_cast<std::size_t>(t)].push_back(validator.validate(d).toJson());
    });
  }
  for (auto& t : threads) t.join();
  const smsreg::Validator later;
  REQUIRE(later.ok());
  std::vector<std::string> expected;
  for (const std::string& d : docs) expected.push_back(later.validate(d).toJson());
  for (std::size_t t = 0; t < 8; ++t) {
    CHECK(ok[t] == 1);
    CHECK(results[t] == expected);
  }
}
