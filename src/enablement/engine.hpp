// The diagnosis itself: timeline -> causes -> state -> actions. Pure: it sees
// only the parsed input and the settings; `asOf` is the only "now".
#ifndef SMSREG_ENABLEMENT_ENGINE_HPP
#define SMSREG_ENABLEMENT_ENGINE_HPP

#include <vector>

#include "enablement/model.hpp"
#include "smsreg/enablement.hpp"
#include "smsreg/report.hpp"

namespace smsreg::enablement {

struct EngineSettings {
  int recentDays = 30;
  int pendingHours = 48;
  int clockSkewSeconds = 300;
};

// The registration report's part in a diagnosis, computed once per document.
struct RegistrationOutcome {
  bool checked = false;  // account.registration was given and validated
  std::vector<Finding> errors;
};

Diagnosis diagnoseUser(const Instant& asOf, const AccountInput& account, const UserInput& user,
                       const RegistrationOutcome& registration, const EngineSettings& settings);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_ENGINE_HPP
