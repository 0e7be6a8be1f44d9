// JSON and text forms of an enablement result (INTERFACE sections 3 and 4).
#include <nlohmann/json.hpp>

#include "report/report_json.hpp"
#include "report/text_escape.hpp"
#include "smsreg/enablement.hpp"

namespace smsreg {

namespace {

using ojson = nlohmann::ordered_json;

ojson causeToJson(const Cause& c) {
  ojson j;
  j["code"] = c.code;
  if (c.event >= 0) {
    j["at"] = c.at;
    j["event"] = c.event;
  }
  j["message"] = c.message;
  return j;
}

ojson actionToJson(const Action& a) {
  ojson j;
  j["actor"] = a.actor;
  j["code"] = a.code;
  if (!a.number.empty()) j["number"] = a.number;
  if (!a.expectedBy.empty()) j["expectedBy"] = a.expectedBy;
  if (!a.licenses.empty()) j["licenses"] = a.licenses;
  j["message"] = a.message;
  if (a.hasErrors) j["errors"] = report::findingsToJson(a.errors);
  return j;
}

ojson diagnosisToJson(const Diagnosis& d) {
  ojson j;
  j["userId"] = d.userId;
  j["canSend"] = d.canSend;
  j["state"] = d.state;
  j["causes"] = ojson::array();
  for (const Cause& c : d.causes) j["causes"].push_back(causeToJson(c));
  j["actions"] = ojson::array();
  for (const Action& a : d.actions) j["actions"].push_back(actionToJson(a));
  return j;
}

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

// Keeps one finding or cause on one line whatever its text holds, with no
// control character reaching the terminal (report/text_escape.hpp).
std::string oneLine(const std::string& s) { return report::escapeForText(s); }

void diagnosisText(const Diagnosis& d, const std::string& prefix, std::string& out) {
  out += prefix + "user " + oneLine(d.userId) + ": " + d.state + ", " +
         (d.canSend ? "can send SMS" : "cannot send SMS") + "\n";
  for (const Cause& c : d.causes) {
    out += "  cause " + c.code;
    if (c.event >= 0) out += " (event " + std::to_string(c.event) + ", " + oneLine(c.at) + ")";
    out += ": " + oneLine(c.message) + "\n";
  }
  for (const Action& a : d.actions) {
    out += "  action " + a.code + " (" + a.actor + "): " + oneLine(a.message) + "\n";
    for (const Finding& f : a.errors) {
      out += "    registration error " + (f.instanceLocation.empty() ? "(document)" : oneLine(f.instanceLocation)) +
             " " + f.code + ": " + oneLine(f.message) + "\n";
    }
  }
}

}  // namespace

std::string EnablementResult::toJson(const std::string& source) const {
  ojson j;
  if (!source.empty()) j["source"] = source;
  if (hasError) {
    ojson e;
    e["instanceLocation"] = error.instanceLocation;
    e["code"] = error.code;
    e["message"] = error.message;
    j["error"] = std::move(e);
    return dump(j);
  }
  if (!batch) {
    // Keep the object alive: items() only refers to it.
    const ojson body = diagnosisToJson(diagnoses.empty() ? Diagnosis{} : diagnoses.front());
    for (const auto& [k, v] : body.items()) j[k] = v;
    return dump(j);
  }
  // Each result is dumped as soon as it is built: a DOM of every result of a
  // large batch took more memory than the batch itself.
  std::string out = "{";
  if (!source.empty()) out += "\"source\":" + dump(ojson(source)) + ",";
  out += "\"results\":[";
  for (std::size_t i = 0; i < diagnoses.size(); ++i) {
    if (i > 0) out += ',';
    out += dump(diagnosisToJson(diagnoses[i]));
  }
  out += "],\"summary\":";
  ojson s;
  s["users"] = summary.users;
  s["canSend"] = summary.canSend;
  s["byState"] = ojson::object();
  for (const auto& [k, n] : summary.byState) s["byState"][k] = n;
  s["byCause"] = ojson::object();
  for (const auto& [k, n] : summary.byCause) s["byCause"][k] = n;
  if (summary.hasCampaignNumbers) s["notOnCampaign"] = summary.notOnCampaign;
  return out + dump(s) + "}";
}

std::string EnablementResult::toText(const std::string& source) const {
  const std::string prefix = source.empty() ? std::string() : oneLine(source) + ": ";
  std::string out;
  if (hasError) {
    out += prefix + "not diagnosed: " + error.code + " at " +
           (error.instanceLocation.empty() ? "(document)" : oneLine(error.instanceLocation)) + ": " +
           oneLine(error.message) + "\n";
    return out;
  }
  for (const Diagnosis& d : diagnoses) diagnosisText(d, prefix, out);
  if (batch) {
    out += prefix + "summary: " + std::to_string(summary.users) + " users, " + std::to_string(summary.canSend) +
           " can send";
    for (const auto& [k, n] : summary.byState) out += "; " + k + " " + std::to_string(n);
    if (!summary.byCause.empty()) {
      out += "; causes:";
      bool first = true;
      for (const auto& [k, n] : summary.byCause) {
        out += (first ? " " : ", ") + k + " " + std::to_string(n);
        first = false;
      }
    }
    if (summary.hasCampaignNumbers) {
      out += "; SMS on in the console but the number not on the campaign at the carrier: " +
             std::to_string(summary.notOnCampaign);
    }
    out += "\n";
  }
  return out;
}

}  // namespace smsreg
