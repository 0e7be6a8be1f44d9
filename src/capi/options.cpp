// smsreg_options: a handle with setters over the C++ option structs, so an
// option added later is a new function, never a changed struct layout.
#include "capi/handles.hpp"

using smsreg::capi::fail;
using smsreg::capi::guard;

namespace {

smsreg_status setLimit(const char* function, smsreg_options* options, size_t value,
                       std::size_t smsreg::Limits::*field) noexcept {
  if (options == nullptr) return smsreg::capi::nullArgument(function);
  if (value == 0) return fail(SMSREG_ERROR_ARGUMENT, "a limit must be at least 1");
  // One setting bounds both kinds of input; each keeps its own default until set.
  options->validator.limits.*field = value;
  options->enablement.limits.*field = value;
  return SMSREG_OK;
}

}  // namespace

extern "C" {

smsreg_status smsreg_options_create(smsreg_options** out) {
  if (out == nullptr) return smsreg::capi::nullArgument(__func__);
  *out = nullptr;
  return guard([&] {
    *out = new smsreg_options();
    return SMSREG_OK;
  });
}

void smsreg_options_free(smsreg_options* options) { delete options; }

smsreg_status smsreg_options_set_part(smsreg_options* options, smsreg_part part) {
  if (options == nullptr) return smsreg::capi::nullArgument(__func__);
  switch (part) {
    case SMSREG_PART_BOTH:
      options->validator.part = smsreg::Part::kBoth;
      return SMSREG_OK;
    case SMSREG_PART_BRAND:
      options->validator.part = smsreg::Part::kBrand;
      return SMSREG_OK;
    case SMSREG_PART_CAMPAIGN:
      options->validator.part = smsreg::Part::kCampaign;
      return SMSREG_OK;
  }
  return fail(SMSREG_ERROR_ARGUMENT, "part must be SMSREG_PART_BOTH, SMSREG_PART_BRAND or SMSREG_PART_CAMPAIGN");
}

smsreg_status smsreg_options_set_max_bytes(smsreg_options* options, size_t max_bytes) {
  return setLimit(__func__, options, max_bytes, &smsreg::Limits::maxBytes);
}

smsreg_status smsreg_options_set_max_depth(smsreg_options* options, size_t max_depth) {
  return setLimit(__func__, options, max_depth, &smsreg::Limits::maxDepth);
}

smsreg_status smsreg_options_set_max_string(smsreg_options* options, size_t max_string) {
  return setLimit(__func__, options, max_string, &smsreg::Limits::maxString);
}

smsreg_status smsreg_options_disable_rule(smsreg_options* options, const char* code) {
  if (options == nullptr || code == nullptr) return smsreg::capi::nullArgument(__func__);
  return guard([&] {
    options->validator.disabledRules.emplace_back(code);
    return SMSREG_OK;
  });
}

smsreg_status smsreg_options_set_rules(smsreg_options* options, const char* text, size_t len) {
  if (options == nullptr || (text == nullptr && len != 0)) return smsreg::capi::nullArgument(__func__);
  return guard([&] {
    options->validator.extraRulesJson.assign(text == nullptr ? "" : text, len);
    return SMSREG_OK;
  });
}

smsreg_status smsreg_options_set_recent_days(smsreg_options* options, int days) {
  if (options == nullptr) return smsreg::capi::nullArgument(__func__);
  if (days < 0) return fail(SMSREG_ERROR_ARGUMENT, "recent days must be at least 0");
  options->enablement.recentDays = days;
  return SMSREG_OK;
}

smsreg_status smsreg_options_set_pending_hours(smsreg_options* options, int hours) {
  if (options == nullptr) return smsreg::capi::nullArgument(__func__);
  if (hours < 0) return fail(SMSREG_ERROR_ARGUMENT, "pending hours must be at least 0");
  options->enablement.pendingHours = hours;
  return SMSREG_OK;
}

smsreg_status smsreg_options_set_clock_skew_seconds(smsreg_options* options, int seconds) {
  if (options == nullptr) return smsreg::capi::nullArgument(__func__);
  if (seconds < 0) return fail(SMSREG_ERROR_ARGUMENT, "clock skew seconds must be at least 0");
  options->enablement.clockSkewSeconds = seconds;
  return SMSREG_OK;
}

smsreg_status smsreg_options_set_profile(smsreg_options* options, const char* name) {
  if (options == nullptr) return smsreg::capi::nullArgument(__func__);
  return guard([&] {
    options->validator.profile = name == nullptr ? "" : name;
    return SMSREG_OK;
  });
}

}  // extern "C"
