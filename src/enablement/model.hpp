// The enablement input once read and shape-checked: plain values, times
// already parsed. The engine (engine.hpp) works on these, never on JSON.
#ifndef SMSREG_ENABLEMENT_MODEL_HPP
#define SMSREG_ENABLEMENT_MODEL_HPP

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "enablement/licenses.hpp"
#include "enablement/time.hpp"

namespace smsreg::enablement {

enum class EventType {
  kPhoneNumberChanged,
  kLicenseRemoved,
  kLicenseAssigned,
  kSmsDisabled,
  kSmsEnabled,
  kSmsEnableFailed,
  kCampaignStatusChanged,
  kSmsDisableFailed,  // a disable that did not complete (8x8 "Disabling failed")
  kPortInCompleted,   // a temporary number replaced by the ported one
};

// What kind of number the user's number is (INTERFACE 3.1).
enum class NumberType { kLocal, kTollFree, kVirtual, kTemporary };

struct Event {
  int index = 0;  // position in the input's `events`
  EventType type = EventType::kSmsEnabled;
  Instant at;
  std::string atText;   // as written, echoed in causes
  std::string from;     // PHONE_NUMBER_CHANGED, PORT_IN_COMPLETED (E.164), CAMPAIGN_STATUS_CHANGED
  std::string to;       // PHONE_NUMBER_CHANGED, PORT_IN_COMPLETED (E.164), CAMPAIGN_STATUS_CHANGED
  LicenseName license;  // LICENSE_REMOVED, LICENSE_ASSIGNED (may be empty)
  std::string by;       // SMS_DISABLED: ADMIN or SYSTEM
  std::string number;   // SMS_ENABLED (E.164)

  bool changesNumber() const { return type == EventType::kPhoneNumberChanged || type == EventType::kPortInCompleted; }
};

// `user.sms` as the console shows it at asOf.
struct SmsSetting {
  // ENABLED, PENDING, DISABLED, FAILED, DISABLE_PENDING, DISABLE_FAILED
  std::string state = "DISABLED";
  std::string number;   // E.164; "" when unknown
  LicenseName license;  // empty when unknown

  bool hasEnabledAt = false;
  Instant enabledAt;
};

struct UserInput {
  std::string id;
  std::string phoneNumber;                // E.164; "" : the user has no number now
  std::string phoneRegion;                // ISO 3166 region of phoneNumber
  std::vector<std::string> otherNumbers;  // E.164, further numbers the user holds
  NumberType numberType = NumberType::kLocal;
  LicenseName license;  // empty: no license now
  bool hasSms = false;  // false: `user.sms` absent, SMS never set up
  SmsSetting sms;
  std::vector<Event> events;  // input order; the engine sorts
};

struct AccountInput {
  std::string country;
  bool hasCampaign = false;
  std::string campaignStatus;  // VERIFIED, PENDING, FAILED, SUSPENDED, EXPIRED, DEACTIVATED
  bool hasStatusChangedAt = false;
  Instant statusChangedAt;
  // account.campaign.numbers: what the carrier side holds, E.164, hashed so a
  // batch of many users against many numbers stays linear.
  bool hasNumbers = false;
  std::unordered_set<std::string> numbers;
  bool hasMaxNumbers = false;
  std::size_t maxNumbers = 0;
  // account.smsLicenses: normalised for comparison, and as written for actions.
  bool hasSmsLicenses = false;
  std::unordered_set<std::string> smsLicenses;
  std::vector<std::string> smsLicensesWritten;
  bool hasRegistration = false;
  std::string registrationJson;  // the submission, re-serialized for the validator

  bool usOrCanada() const { return country == "US" || country == "CA"; }
  bool campaignVerified() const { return hasCampaign && campaignStatus == "VERIFIED"; }
  bool onCampaign(const std::string& e164) const { return numbers.count(e164) != 0; }
};

struct EnablementInput {
  Instant asOf;
  AccountInput account;
  bool batch = false;
  std::vector<UserInput> users;
};

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_MODEL_HPP
