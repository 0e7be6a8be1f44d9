// smsreg_validator and smsreg_report: Validator::validate behind C handles.
#include <string_view>

#include "capi/handles.hpp"

using smsreg::capi::fail;
using smsreg::capi::guard;
using smsreg::capi::nullArgument;

namespace {

const std::vector<smsreg::Finding>* findingList(const smsreg_report* report, smsreg_severity severity) {
  switch (severity) {
    case SMSREG_SEVERITY_ERROR:
      return &report->report.errors;
    case SMSREG_SEVERITY_WARNING:
      return &report->report.warnings;
  }
  return nullptr;
}

}  // namespace

extern "C" {

smsreg_status smsreg_validator_create(const smsreg_options* options, smsreg_validator** out) {
  if (out == nullptr) return nullArgument(__func__);
  *out = nullptr;
  return guard([&] {
    auto built =
        std::make_unique<smsreg_validator>(options != nullptr ? options->validator : smsreg::ValidatorOptions());
    if (!built->validator.ok()) return fail(SMSREG_ERROR_BUILD, built->validator.error().c_str());
    *out = built.release();
    return SMSREG_OK;
  });
}

void smsreg_validator_free(smsreg_validator* validator) { delete validator; }

smsreg_status smsreg_validate(const smsreg_validator* validator, const char* json, size_t len, smsreg_report** out) {
  if (out == nullptr) return nullArgument(__func__);
  *out = nullptr;
  if (validator == nullptr || (json == nullptr && len != 0)) return nullArgument(__func__);
  return guard([&] {
    auto report = std::make_unique<smsreg_report>();
    report->report = validator->validator.validate(std::string_view(json == nullptr ? "" : json, len));
    *out = report.release();
    return SMSREG_OK;
  });
}

void smsreg_report_free(smsreg_report* report) { delete report; }

smsreg_status smsreg_report_verified(const smsreg_report* report, int* verified) {
  if (report == nullptr || verified == nullptr) return nullArgument(__func__);
  *verified = report->report.verified() ? 1 : 0;
  return SMSREG_OK;
}

smsreg_status smsreg_report_count(const smsreg_report* report, smsreg_severity severity, size_t* count) {
  if (report == nullptr || count == nullptr) return nullArgument(__func__);
  const auto* list = findingList(report, severity);
  if (list == nullptr) return fail(SMSREG_ERROR_ARGUMENT, "severity must be SMSREG_SEVERITY_ERROR or _WARNING");
  *count = list->size();
  return SMSREG_OK;
}

smsreg_status smsreg_report_finding(const smsreg_report* report, smsreg_severity severity, size_t index,
                                    const smsreg_finding** out) {
  if (report == nullptr || out == nullptr) return nullArgument(__func__);
  *out = nullptr;
  const auto* list = findingList(report, severity);
  if (list == nullptr) return fail(SMSREG_ERROR_ARGUMENT, "severity must be SMSREG_SEVERITY_ERROR or _WARNING");
  if (index >= list->size()) return fail(SMSREG_ERROR_ARGUMENT, "finding index out of range");
  // A finding handle is the C++ Finding itself, owned by the report.
  *out = reinterpret_cast<const smsreg_finding*>(&(*list)[index]);
  return SMSREG_OK;
}

smsreg_status smsreg_report_json(const smsreg_report* report, const char** json, size_t* len) {
  if (report == nullptr || json == nullptr) return nullArgument(__func__);
  return guard([&] {
    std::call_once(report->jsonOnce, [&] { report->json = report->report.toJson(); });
    *json = report->json.c_str();
    if (len != nullptr) *len = report->json.size();
    return SMSREG_OK;
  });
}

}  // extern "C"
