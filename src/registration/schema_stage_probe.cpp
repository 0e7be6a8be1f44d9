#include "registration/schema_stage_probe.hpp"

#include "schema/schema_evaluator.hpp"

namespace smsreg::registration {

namespace {

std::string describe(const schema::RawError& e) {
  std::string s = "at \"" + e.instanceLocation + "\"";
  if (!e.keywordLocation.empty()) s += " keyword \"" + e.keywordLocation + "\"";
  if (e.spec != nullptr) s += " (own keyword " + std::to_string(static_cast<int>(e.spec->kind)) + ")";
  return s + ": " + e.detail.substr(0, 200);
}

bool same(const schema::RawError& a, const schema::RawError& b) {
  return a.instanceLocation == b.instanceLocation && a.spec == b.spec && a.detail == b.detail &&
         a.keywordLocation == b.keywordLocation;
}

// "" when equal, else where the lists first part.
std::string firstDifference(const std::vector<schema::RawError>& reference, const std::vector<schema::RawError>& got,
                            const char* what) {
  const std::size_t n = std::min(reference.size(), got.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!same(reference[i], got[i])) {
      return std::string(what) + ": raw error #" + std::to_string(i) + " differs: reference " + describe(reference[i]) +
             " | evaluator " + describe(got[i]);
    }
  }
  if (reference.size() == got.size()) return "";
  const bool moreInReference = reference.size() > got.size();
  return std::string(what) + ": " + std::to_string(reference.size()) + " raw errors from the reference, " +
         std::to_string(got.size()) + " from the evaluator; first extra " +
         describe(moreInReference ? reference[n] : got[n]) + (moreInReference ? " (reference)" : " (evaluator)");
}

}  // namespace

std::string compareSchemaPaths(const Validator& validator, std::string_view text) {
  std::vector<schema::RawError> reference, full, production;
  SchemaStageProbe probe;
  probe.raw = &reference;
  probe.path = SchemaPath::kReference;
  std::string referenceReport;
  {
    const SchemaStageProbeScope scope(probe);
    referenceReport = validator.validate(text).toJson();
  }
  probe.raw = &full;
  probe.path = SchemaPath::kEvaluator;
  probe.wrappers = true;
  {
    const SchemaStageProbeScope scope(probe);
    (void)validator.validate(text);
  }
  probe.raw = &production;
  probe.wrappers = false;
  probe.usedEvaluator = false;
  std::string report;
  {
    const SchemaStageProbeScope scope(probe);
    report = validator.validate(text).toJson();
  }
  // Without a schema stage (an INPUT_* report) `declined` stays empty.
  if (!probe.usedEvaluator && !probe.declined.empty()) return "the evaluator declined the schema: " + probe.declined;
  std::string difference = firstDifference(reference, full, "with wrappers");
  if (!difference.empty()) return difference;
  std::vector<schema::RawError> filtered;
  for (const schema::RawError& e : reference) {
    if (!schema::isWrapperError(e)) filtered.push_back(e);
  }
  difference = firstDifference(filtered, production, "as validate() runs");
  if (!difference.empty()) return difference;
  if (report != referenceReport) {
    std::size_t at = 0;
    while (at < report.size() && at < referenceReport.size() && report[at] == referenceReport[at]) ++at;
    const std::size_t from = at > 80 ? at - 80 : 0;
    return "reports differ at byte " + std::to_string(at) + ": reference …" + referenceReport.substr(from, 200) +
           " | evaluator …" + report.substr(from, 200);
  }
  return "";
}

}  // namespace smsreg::registration
