// Generates a batch of 10,000 users with known verdicts, runs the built CLI on
// it (one batch document, then the same users as NDJSON) and checks the
// summary against the generator's own counts.
//
//   enablement_batch_test SMSREG_CLI WORK_DIR [USERS]
#include <sys/wait.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "input/bounded_json.hpp"

namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

const char* const kAsOf = "2026-11-26T12:00:00Z";

// One kind of user the generator makes, with the verdict it must get.
struct Archetype {
  const char* name;
  const char* state;
  bool canSend;
  std::vector<const char*> causes;
};

const std::vector<Archetype> kArchetypes = {
    {"enabled", "ENABLED", true, {}},
    {"number-changed", "DISABLED", false, {"PHONE_NUMBER_CHANGED"}},
    {"license-changed", "DISABLED", false, {"LICENSE_CHANGED"}},
    {"license-removed", "DISABLED", false, {"LICENSE_REMOVED"}},
    {"admin-disabled", "DISABLED", false, {"DISABLED_BY_ADMIN"}},
    {"pending-new-number", "PENDING", false, {"NUMBER_VERIFICATION_PENDING"}},
    {"pending-overdue", "PENDING", false, {"PENDING_OVERDUE"}},
    {"enable-failed", "FAILED", false, {"ENABLE_FAILED"}},
    {"never-enabled", "DISABLED", false, {"SMS_NEVER_ENABLED"}},
    {"number-changed-and-admin", "DISABLED", false, {"PHONE_NUMBER_CHANGED", "DISABLED_BY_ADMIN"}},
};

std::string number(const char* prefix, int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%04d", prefix, i % 10000);
  return buf;
}

ojson event(const char* at, const char* type) {
  ojson e;
  e["at"] = at;
  e["type"] = type;
  return e;
}

// The {"user", "events"} entry of user `i` of archetype `kind`.
ojson makeUser(int i, std::size_t kind) {
  const std::string oldNumber = number("+1312547", i);
  const std::string newNumber = number("+1415547", i);
  ojson user;
  user["id"] = "u-" + std::to_string(i);
  user["phoneNumber"] = oldNumber;
  user["license"] = "X4";
  ojson sms;
  sms["state"] = "ENABLED";
  sms["number"] = oldNumber;
  sms["license"] = "X4";
  sms["enabledAt"] = "2026-08-03T15:00:00Z";
  ojson events = ojson::array();
  const std::string name = kArchetypes[kind].name;
  if (name == "number-changed" || name == "number-changed-and-admin") {
    user["phoneNumber"] = newNumber;
    sms["state"] = "DISABLED";
    ojson e = event("2026-11-20T08:00:00Z", "PHONE_NUMBER_CHANGED");
    e["from"] = oldNumber;
    e["to"] = newNumber;
    events.push_back(e);
    if (name == "number-changed-and-admin") {
      ojson off = event("2026-11-21T08:00:00Z", "SMS_DISABLED");
      off["by"] = "ADMIN";
      events.push_back(off);
    }
  } else if (name == "license-changed" || name == "license-removed") {
    sms["state"] = "DISABLED";
    ojson removed = event("2026-11-18T09:00:00Z", "LICENSE_REMOVED");
    removed["license"] = "X4";
    events.push_back(removed);
    if (name == "license-changed") {
      ojson assigned = event("2026-11-18T09:05:00Z", "LICENSE_ASSIGNED");
      assigned["license"] = "X4";
      events.push_back(assigned);
    } else {
      user.erase("license");
    }
  } else if (name == "admin-disabled") {
    sms["state"] = "DISABLED";
    ojson off = event("2026-11-19T14:00:00Z", "SMS_DISABLED");
    off["by"] = "ADMIN";
    events.push_back(off);
  } else if (name == "pending-new-number" || name == "pending-overdue") {
    const bool overdue = name == "pending-overdue";
    const char* enabledAt = overdue ? "2026-11-23T08:00:00Z" : "2026-11-26T02:00:00Z";
    user["phoneNumber"] = newNumber;
    sms["state"] = "PENDING";
    sms["number"] = newNumber;
    sms["enabledAt"] = enabledAt;
    ojson e = event("2026-11-22T20:00:00Z", "PHONE_NUMBER_CHANGED");
    e["from"] = oldNumber;
    e["to"] = newNumber;
    events.push_back(e);
    ojson on = event(enabledAt, "SMS_ENABLED");
    on["number"] = newNumber;
    events.push_back(on);
  } else if (name == "enable-failed") {
    sms["state"] = "FAILED";
    events.push_back(event("2026-11-21T10:00:00Z", "SMS_ENABLE_FAILED"));
  } else if (name == "never-enabled") {
    sms = nullptr;
  }
  if (!sms.is_null()) user["sms"] = sms;
  // Every other user lists its history newest first: the engine must sort.
  if (i % 2 == 1) {
    ojson reversed = ojson::array();
    for (auto it = events.rbegin(); it != events.rend(); ++it) reversed.push_back(*it);
    events = std::move(reversed);
  }
  ojson entry;
  entry["user"] = user;
  entry["events"] = events;
  return entry;
}

ojson account() {
  ojson a;
  a["country"] = "US";
  a["campaign"]["status"] = "VERIFIED";
  a["campaign"]["statusChangedAt"] = "2026-08-01T09:00:00Z";
  return a;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool parse(const std::string& text, json& out) {
  smsreg::Limits limits;
  limits.maxBytes = std::size_t{1} << 30;
  smsreg::input::ParseError error;
  if (!smsreg::input::parseBounded(text, limits, out, error, false)) {
    std::cerr << "output is not JSON: " << error.message << "\n";
    return false;
  }
  return true;
}

// Runs a shell command and returns its exit status and the seconds it took.
int run(const std::string& command, double& seconds) {
  const auto start = std::chrono::steady_clock::now();
  const int raw = std::system(command.c_str());
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return raw == -1 ? -1 : WEXITSTATUS(raw);
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: enablement_batch_test SMSREG_CLI WORK_DIR [USERS]\n";
    return 2;
  }
  const std::string cli = argv[1];
  const std::string work = argv[2];
  const int users = argc > 3 ? std::atoi(argv[3]) : 10000;
  std::system(("mkdir -p " + quote(work)).c_str());

  // A fixed linear congruential sequence picks each user's archetype: uneven,
  // reproducible counts, with no dependence on the standard library's engines.
  std::uint32_t seed = 20261126;
  std::map<std::string, std::size_t> byState;
  std::map<std::string, std::size_t> byCause;
  std::size_t canSend = 0;
  std::vector<std::size_t> kinds;
  ojson batch;
  batch["asOf"] = kAsOf;
  batch["account"] = account();
  batch["users"] = ojson::array();
  std::ofstream ndjson(work + "/users.ndjson", std::ios::binary);
  for (int i = 0; i < users; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const std::size_t kind = (seed >> 8) % kArchetypes.size();
    kinds.push_back(kind);
    const Archetype& a = kArchetypes[kind];
    ++byState[a.state];
    for (const char* c : a.causes) ++byCause[c];
    canSend += a.canSend ? 1 : 0;
    ojson entry = makeUser(i, kind);
    ojson single;
    single["asOf"] = kAsOf;
    single["account"] = account();
    single["user"] = entry["user"];
    single["events"] = entry["events"];
    ndjson << single.dump() << "\n";
    batch["users"].push_back(std::move(entry));
  }
  ndjson.close();
  std::ofstream(work + "/batch.json", std::ios::binary) << batch.dump();

  int failures = 0;
  auto expectEq = [&](const std::string& what, const json& got, const json& want) {
    if (got != want) {
      std::cerr << "FAIL " << what << ": got " << got.dump() << ", expected " << want.dump() << "\n";
      ++failures;
    }
  };

  // 1. One batch document.
  double seconds = 0;
  const int status = run(
      quote(cli) + " enablement --format json " + quote(work + "/batch.json") + " > " + quote(work + "/batch.out.json"),
      seconds);
  std::cout << users << " users in one batch document: " << seconds << " s\n";
  expectEq("batch exit status", status, canSend == static_cast<std::size_t>(users) ? 0 : 1);
  json out;
  if (!parse(readFile(work + "/batch.out.json"), out)) return 1;
  json summary = {{"users", users}, {"canSend", canSend}, {"byState", byState}, {"byCause", byCause}};
  expectEq("summary", out["summary"], summary);
  if (!out["results"].is_array() || out["results"].size() != static_cast<std::size_t>(users)) {
    std::cerr << "FAIL results: not one per user\n";
    return 1;
  }
  for (int i = 0; i < users && failures < 10; ++i) {
    const json& r = out["results"][static_cast<std::size_t>(i)];
    const Archetype& a = kArchetypes[kinds[static_cast<std::size_t>(i)]];
    std::vector<std::string> causes;
    for (const json& c : r["causes"]) causes.push_back(c["code"].get<std::string>());
    const std::string label = "user " + std::to_string(i) + " (" + a.name + ")";
    expectEq(label + " id", r["userId"], "u-" + std::to_string(i));
    expectEq(label + " state", r["state"], a.state);
    expectEq(label + " causes", causes, std::vector<std::string>(a.causes.begin(), a.causes.end()));
  }

  // 2. The same users as NDJSON: one result a line, each with its source line.
  const int ndStatus = run(quote(cli) + " enablement --ndjson --format json " + quote(work + "/users.ndjson") + " > " +
                               quote(work + "/users.out.ndjson"),
                           seconds);
  std::cout << users << " users as NDJSON: " << seconds << " s\n";
  expectEq("ndjson exit status", ndStatus, canSend == static_cast<std::size_t>(users) ? 0 : 1);
  std::ifstream lines(work + "/users.out.ndjson", std::ios::binary);
  std::size_t count = 0;
  std::size_t ndCanSend = 0;
  for (std::string line; std::getline(lines, line);) {
    json r;
    if (!parse(line, r)) return 1;
    ++count;
    if (r.value("canSend", false)) ++ndCanSend;
    if (count == 1) expectEq("first source", r["source"], work + "/users.ndjson:1");
  }
  expectEq("ndjson lines", count, users);
  expectEq("ndjson canSend", ndCanSend, canSend);

  if (failures != 0) return 1;
  std::cout << "summary ok: " << summary.dump() << "\n";
  return 0;
}
