// The one place the enablement diagnosis calls the registration validator.
#ifndef SMSREG_ENABLEMENT_REGISTRATION_CHECK_HPP
#define SMSREG_ENABLEMENT_REGISTRATION_CHECK_HPP

#include "enablement/engine.hpp"
#include "enablement/model.hpp"

namespace smsreg {
class Validator;
}

namespace smsreg::enablement {

// Validates `account.registration` once per document. Not checked (no errors
// carried) when the account has none or `validator` is nullptr.
RegistrationOutcome checkRegistration(const AccountInput& account, const Validator* validator) noexcept;

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_REGISTRATION_CHECK_HPP
