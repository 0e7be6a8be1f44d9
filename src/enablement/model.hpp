// The enablement input once read and shape-checked: plain values, times
// already parsed. The engine (engine.hpp) works on these, never on JSON.
#ifndef SMSREG_ENABLEMENT_MODEL_HPP
#define SMSREG_ENABLEMENT_MODEL_HPP

#include <string>
#include <vector>

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
};

struct Event {
  int index = 0;  // position in the input's `events`
  EventType type = EventType::kSmsEnabled;
  Instant at;
  std::string atText;   // as written, echoed in causes
  std::string from;     // PHONE_NUMBER_CHANGED, CAMPAIGN_STATUS_CHANGED
  std::string to;       // PHONE_NUMBER_CHANGED, CAMPAIGN_STATUS_CHANGED
  std::string license;  // LICENSE_REMOVED, LICENSE_ASSIGNED (may be "")
  std::string by;       // SMS_DISABLED: ADMIN or SYSTEM
  std::string number;   // SMS_ENABLED
};

// `user.sms` as the console shows it at asOf.
struct SmsSetting {
  std::string state = "DISABLED";  // ENABLED, PENDING, DISABLED, FAILED
  std::string number;              // "" when unknown
  std::string license;             // "" when unknown
  bool hasEnabledAt = false;
  Instant enabledAt;
};

struct UserInput {
  std::string id;
  std::string phoneNumber;
  std::string license;  // "" : no license now
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
  bool hasRegistration = false;
  std::string registrationJson;  // the submission, re-serialized for the validator

  bool usOrCanada() const { return country == "US" || country == "CA"; }
  bool campaignVerified() const { return hasCampaign && campaignStatus == "VERIFIED"; }
};

struct EnablementInput {
  Instant asOf;
  AccountInput account;
  bool batch = false;
  std::vector<UserInput> users;
};

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_MODEL_HPP
