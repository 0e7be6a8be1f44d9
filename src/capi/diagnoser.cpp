// smsreg_diagnoser: EnablementDiagnoser behind a C handle, its output as JSON.
#include <string_view>

#include "capi/handles.hpp"

using smsreg::capi::fail;
using smsreg::capi::guard;
using smsreg::capi::nullArgument;

extern "C" {

smsreg_status smsreg_diagnoser_create(const smsreg_options* options, smsreg_diagnoser** out) {
  if (out == nullptr) return nullArgument(__func__);
  *out = nullptr;
  return guard([&] {
    const smsreg_options defaults;
    const smsreg_options& o = options != nullptr ? *options : defaults;
    auto built = std::make_unique<smsreg_diagnoser>();
    // account.registration is validated as `smsreg validate` would with these options.
    built->registration = std::make_unique<smsreg::Validator>(o.validator);
    if (!built->registration->ok()) return fail(SMSREG_ERROR_BUILD, built->registration->error().c_str());
    built->diagnoser = std::make_unique<smsreg::EnablementDiagnoser>(o.enablement, built->registration.get());
    *out = built.release();
    return SMSREG_OK;
  });
}

void smsreg_diagnoser_free(smsreg_diagnoser* diagnoser) { delete diagnoser; }

smsreg_status smsreg_diagnose(const smsreg_diagnoser* diagnoser, const char* json, size_t len, smsreg_diagnosis** out) {
  if (out == nullptr) return nullArgument(__func__);
  *out = nullptr;
  if (diagnoser == nullptr || (json == nullptr && len != 0)) return nullArgument(__func__);
  return guard([&] {
    smsreg::EnablementResult result =
        diagnoser->diagnoser->diagnose(std::string_view(json == nullptr ? "" : json, len));
    auto diagnosis = std::make_unique<smsreg_diagnosis>();
    diagnosis->diagnosed = result.ok();
    diagnosis->json = result.toJson();
    *out = diagnosis.release();
    return SMSREG_OK;
  });
}

void smsreg_diagnosis_free(smsreg_diagnosis* diagnosis) { delete diagnosis; }

smsreg_status smsreg_diagnosis_ok(const smsreg_diagnosis* diagnosis, int* diagnosed) {
  if (diagnosis == nullptr || diagnosed == nullptr) return nullArgument(__func__);
  *diagnosed = diagnosis->diagnosed ? 1 : 0;
  return SMSREG_OK;
}

smsreg_status smsreg_diagnosis_json(const smsreg_diagnosis* diagnosis, const char** json, size_t* len) {
  if (diagnosis == nullptr || json == nullptr) return nullArgument(__func__);
  *json = diagnosis->json.c_str();
  if (len != nullptr) *len = diagnosis->json.size();
  return SMSREG_OK;
}

}  // extern "C"
