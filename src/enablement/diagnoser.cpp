// EnablementDiagnoser: bounded parse -> shape check -> engine per user -> summary.
#include <exception>
#include <new>
#include <optional>

#include "enablement/batch_reader.hpp"
#include "enablement/engine.hpp"
#include "enablement/input_reader.hpp"
#include "enablement/registration_check.hpp"
#include "input/bounded_json.hpp"
#include "smsreg/enablement.hpp"

namespace smsreg {

namespace {

// Fixed key orders for the summary, so output is stable across runs.
const char* const kStates[] = {"ENABLED", "PENDING", "DISABLED", "FAILED", "NOT_ELIGIBLE"};
const char* const kCauses[] = {
    "PHONE_NUMBER_CHANGED", "LICENSE_CHANGED",        "LICENSE_REMOVED",         "DISABLED_BY_ADMIN",
    "DISABLED_BY_SYSTEM",   "CAMPAIGN_NOT_VERIFIED",  "CAMPAIGN_STATUS_CHANGED", "NUMBER_VERIFICATION_PENDING",
    "PENDING_OVERDUE",      "ENABLE_FAILED",          "SMS_NEVER_ENABLED",       "NO_PHONE_NUMBER",
    "LICENSE_WITHOUT_SMS",  "NUMBER_NOT_SMS_CAPABLE", "NUMBER_NOT_ON_CAMPAIGN",  "CAMPAIGN_FULL",
    "DISABLE_FAILED"};

EnablementSummary summarize(const std::vector<Diagnosis>& diagnoses, bool hasCampaignNumbers) {
  EnablementSummary s;
  s.users = diagnoses.size();
  s.hasCampaignNumbers = hasCampaignNumbers;
  for (const Diagnosis& d : diagnoses) {
    s.canSend += d.canSend ? 1 : 0;
    s.notOnCampaign += d.consoleOnNotOnCampaign ? 1 : 0;
  }
  for (const char* state : kStates) {
    std::size_t n = 0;
    for (const Diagnosis& d : diagnoses) n += d.state == state ? 1 : 0;
    if (n != 0) s.byState.emplace_back(state, n);
  }
  for (const char* code : kCauses) {
    std::size_t n = 0;
    for (const Diagnosis& d : diagnoses) {
      for (const Cause& c : d.causes) {
        if (c.code == code) {
          ++n;  // users, not causes: one user with the code twice counts once
          break;
        }
      }
    }
    if (n != 0) s.byCause.emplace_back(code, n);
  }
  return s;
}

EnablementResult errorResult(std::string pointer, std::string code, std::string message) {
  EnablementResult r;
  r.hasError = true;
  r.error = EnablementError{std::move(pointer), std::move(code), std::move(message)};
  return r;
}

}  // namespace

bool EnablementResult::allCanSend() const {
  if (hasError) return false;
  for (const Diagnosis& d : diagnoses) {
    if (!d.canSend) return false;
  }
  return true;
}

EnablementDiagnoser::EnablementDiagnoser(EnablementOptions options, const Validator* registration)
    : options_(options), registration_(registration) {}

EnablementResult EnablementDiagnoser::diagnose(std::string_view json) const noexcept {
  try {
    // Streams a batch's users (enablement/batch_reader.hpp) and diagnoses
    // each as it is read: a 64 MiB export never has its whole tree, nor all
    // of its users' models, in memory at once.
    enablement::EnablementInput in;
    enablement::ReadFailure failure;
    EnablementResult r;
    std::optional<enablement::RegistrationOutcome> registration;
    const enablement::EngineSettings settings{options_.recentDays, options_.pendingHours, options_.clockSkewSeconds};
    auto diagnoseOne = [&](const enablement::UserInput& user) {
      if (!registration) registration = enablement::checkRegistration(in.account, registration_);
      r.diagnoses.push_back(enablement::diagnoseUser(in.asOf, in.account, user, *registration, settings));
    };
    if (!enablement::readDocument(json, options_.limits, in, failure, diagnoseOne)) {
      if (failure.parse) {
        return errorResult(failure.parseError.pointer, failure.parseError.code, failure.parseError.message);
      }
      EnablementResult bad;
      bad.hasError = true;
      bad.error = std::move(failure.shapeError);
      return bad;
    }
    for (const enablement::UserInput& user : in.users) diagnoseOne(user);  // the single-user form
    r.batch = in.batch;
    if (r.batch) r.summary = summarize(r.diagnoses, in.account.hasNumbers);
    return r;
  } catch (const std::bad_alloc&) {
    return errorResult("", "INPUT_TOO_LARGE", "The document needs more memory than is available; split it.");
  } catch (const std::exception& e) {
    return errorResult("", "INTERNAL_ERROR", std::string("Internal error while diagnosing: ") + e.what());
  } catch (...) {
    return errorResult("", "INTERNAL_ERROR", "Internal error while diagnosing.");
  }
}

}  // namespace smsreg
