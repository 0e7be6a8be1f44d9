#include "enablement/registration_check.hpp"

#include "smsreg/validator.hpp"

namespace smsreg::enablement {

RegistrationOutcome checkRegistration(const AccountInput& account, const Validator* validator) noexcept {
  RegistrationOutcome out;
  if (!account.hasRegistration || validator == nullptr) return out;
  // Only the errors matter here: they are what blocks the campaign; warnings
  // never do (INTERFACE 2.1).
  try {
    out.errors = validator->validate(account.registrationJson).errors;
    out.checked = true;
  } catch (...) {  // only allocation can fail here; carry no errors rather than a partial list
    out = RegistrationOutcome{};
  }
  return out;
}

}  // namespace smsreg::enablement
