#include "enablement/engine.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "enablement/phone_numbers.hpp"
#include "enablement/user_facts.hpp"

namespace smsreg::enablement {

namespace {

Cause makeCause(const char* code, const Event* proof, std::string message) {
  Cause c;
  c.code = code;
  if (proof != nullptr) {
    c.at = proof->atText;
    c.event = proof->index;
  }
  c.message = std::move(message);
  return c;
}

const Event* firstOpen(const Walk& w, EventType type, const std::string& by = "") {
  for (const Event* e : w.open) {
    if (e->type == type && (by.empty() || e->by == by)) return e;
  }
  return nullptr;
}

const Event* lastOpen(const Walk& w, EventType type) {
  const Event* last = nullptr;
  for (const Event* e : w.open) {
    if (e->type == type) last = e;
  }
  return last;
}

std::string describe(const LicenseName& license) {
  return license.empty() ? std::string("a license") : "license " + license.written;
}

bool holds(const UserInput& user, const std::string& number) {
  return !number.empty() && (number == user.phoneNumber || std::find(user.otherNumbers.begin(), user.otherNumbers.end(),
                                                                     number) != user.otherNumbers.end());
}

// The console's setting as a state of the contract: a disable in progress or
// failed leaves SMS off.
std::string consoleState(const UserInput& user) {
  if (!user.hasSms) return "DISABLED";
  const std::string& s = user.sms.state;
  return s == "DISABLE_PENDING" || s == "DISABLE_FAILED" ? std::string("DISABLED") : s;
}

// Why `facts.target` cannot text, or "" when it can (INTERFACE 3.1): a
// temporary number, toll-free or virtual on a 10DLC (US/CA) account, or a
// country outside the account's SMS countries (US and CA together for a
// US/CA account, else the account's own country).
std::string whyCannotText(const UserFacts& f) {
  const std::string& n = f.target;
  if (n.empty()) return "";
  if (n == f.user.phoneNumber) {
    switch (f.user.numberType) {
      case NumberType::kTemporary:
        return n + " is a temporary number standing in while a port-in completes; temporary numbers cannot text.";
      case NumberType::kTollFree:
        if (f.usca) {
          return n +
                 " is a toll-free number: a 10DLC campaign carries local numbers only, and toll-free numbers "
                 "text only after their own toll-free verification.";
        }
        break;
      case NumberType::kVirtual:
        if (f.usca) return n + " is a virtual number, which cannot be put on a 10DLC campaign.";
        break;
      case NumberType::kLocal:
        break;
    }
  }
  std::string region = n == f.user.phoneNumber ? f.user.phoneRegion : std::string();
  if (region.empty()) {
    PhoneNumber read;
    if (readPhoneNumber(n, f.account.country, read)) region = read.region;
  }
  const bool allowed = f.usca ? (region == "US" || region == "CA") : region == f.account.country;
  if (!region.empty() && !allowed) {
    return n + " is a number from " + region + "; SMS for this account works only for numbers from " +
           (f.usca ? std::string("the US and Canada") : f.account.country) + ".";
  }
  return "";
}

// Pending: waiting on time (with NUMBER_VERIFICATION_PENDING for a number not
// active recently in US/CA), or overdue.
void pendingCauses(const UserFacts& f, const Instant& asOf, const std::string& smsNumber, std::vector<Cause>& causes,
                   std::vector<PlannedAction>& plan) {
  const Walk& w = f.walk;
  const int hoursSetting = f.settings.pendingHours;
  const std::int64_t pendingSeconds = static_cast<std::int64_t>(std::max(hoursSetting, 0)) * 3600;
  const std::string& number = w.lastEnable.any ? w.lastEnable.number : smsNumber;
  // Without a known start, asOf + the expected time is still an upper bound.
  const Instant expectedBy = addSeconds(w.lastEnable.any ? w.lastEnable.at : asOf, pendingSeconds);
  const std::string hours = std::to_string(hoursSetting);
  if (w.lastEnable.any && asOf > expectedBy) {
    causes.push_back(makeCause("PENDING_OVERDUE", w.lastEnable.ev,
                               "SMS for " + number + " has been Pending since " + formatRfc3339(w.lastEnable.at) +
                                   ", longer than the expected " + hours + " hours."));
    plan.push_back({kAfterEnable, makeAction("ADMIN", "CONTACT_SUPPORT",
                                             "Turn SMS off and on again for " + number +
                                                 " (8x8's fix for a stuck setting); if it stays Pending, "
                                                 "contact 8x8 support.")});
    return;
  }
  if (f.usca && !w.lastEnable.recent) {
    causes.push_back(makeCause("NUMBER_VERIFICATION_PENDING", w.lastEnable.ev,
                               "SMS was re-enabled for " + number +
                                   ", which was not SMS-enabled recently; in the US and Canada the number is "
                                   "verified and provisioned first."));
  }
  Action wait = makeAction("NONE", "WAIT_FOR_VERIFICATION",
                           "Wait: SMS for " + number + " is Pending and should be on by " + formatRfc3339(expectedBy) +
                               " (up to " + hours + " hours).");
  wait.expectedBy = formatRfc3339(expectedBy);
  plan.push_back({kAfterEnable, std::move(wait)});
}

std::string campaignMessage(const AccountInput& account) {
  const std::string& st = account.campaignStatus;
  if (!account.hasCampaign) {
    return "The account has no registered campaign; in the US and Canada SMS needs a VERIFIED one.";
  }
  if (st == "DEACTIVATED") {
    return "The account's campaign was DEACTIVATED, which permanently disables SMS for all its numbers.";
  }
  return "The account's campaign is " + st + ", not VERIFIED; in the US and Canada SMS needs a VERIFIED campaign.";
}

}  // namespace

Diagnosis diagnoseUser(const Instant& asOf, const AccountInput& account, const UserInput& user,
                       const RegistrationOutcome& registration, const EngineSettings& settings) {
  UserFacts f(account, user, registration, settings,
              walkTimeline(asOf, account, user, TimelineSettings{settings.recentDays, settings.clockSkewSeconds}));
  const Walk& w = f.walk;
  f.usca = account.usOrCanada();
  f.campaignOk = !f.usca || account.campaignVerified();
  const std::string smsNumber = !user.sms.number.empty() ? user.sms.number : w.lastEnable.number;
  // Was SMS ever on? Without it, a number change (a port-in completing) is no cause.
  const bool everEnabled = !smsNumber.empty() || (user.hasSms && user.sms.state != "DISABLED");
  f.target = holds(user, smsNumber)       ? smsNumber
             : !user.phoneNumber.empty()  ? user.phoneNumber
             : !user.otherNumbers.empty() ? user.otherNumbers.front()
                                          : std::string();

  Diagnosis d;
  d.userId = user.id;
  std::vector<Cause>& causes = d.causes;
  bool disabling = false;  // a change that turns SMS off whatever the console still shows
  bool blocked = false;    // the user or number cannot carry SMS now

  // 1. The number: none now, or the number SMS was enabled for is no longer the user's.
  const Event* numberEvent = nullptr;
  if (everEnabled) {
    for (const Event* e : w.open) {
      if (e->changesNumber() && (smsNumber.empty() || e->from == smsNumber)) {
        numberEvent = e;
        break;
      }
    }
  }
  if (numberEvent != nullptr) {
    causes.push_back(makeCause(
        "PHONE_NUMBER_CHANGED", numberEvent,
        numberEvent->type == EventType::kPortInCompleted
            ? "SMS was turned off when the ported number " + numberEvent->to + " replaced " + numberEvent->from + "."
            : "SMS was turned off when the number changed from " + numberEvent->from + " to " + numberEvent->to + "."));
    disabling = true;
  }
  if (f.target.empty()) {
    causes.push_back(makeCause(
        "NO_PHONE_NUMBER", nullptr,
        smsNumber.empty() ? std::string("The user has no phone number now, and SMS needs one.")
                          : "The user has no phone number now (" + smsNumber +
                                ", which SMS was set up for, was returned or ported out), and SMS needs one."));
    blocked = true;
  } else if (numberEvent == nullptr && !smsNumber.empty() && !holds(user, smsNumber)) {
    causes.push_back(makeCause("PHONE_NUMBER_CHANGED", nullptr,
                               "SMS is set up for " + smsNumber + ", but the user's number is now " + f.target + "."));
    disabling = true;
  }
  const std::string cannotText = whyCannotText(f);
  if (!cannotText.empty()) {
    causes.push_back(makeCause("NUMBER_NOT_SMS_CAPABLE", nullptr, cannotText));
    f.targetCanText = false;
    blocked = true;
  }

  // 2. License: none now, removed and assigned again since SMS was enabled, or one without SMS.
  if (user.license.empty()) {
    const Event* removal = nullptr;
    for (const Event& e : user.events) {
      if (e.at > asOf) continue;
      if (e.type == EventType::kLicenseRemoved && (removal == nullptr || removal->at <= e.at)) removal = &e;
    }
    for (const Event& e : user.events) {
      if (removal != nullptr && e.type == EventType::kLicenseAssigned && e.at <= asOf && removal->at < e.at) {
        removal = nullptr;  // reassigned since, yet the profile shows none: only the state proves it
        break;
      }
    }
    causes.push_back(makeCause("LICENSE_REMOVED", removal,
                               removal != nullptr ? "SMS was turned off when " + describe(removal->license) +
                                                        " was removed; the user has no license now."
                                                  : std::string("The user has no license now, and SMS needs one.")));
    disabling = true;
  } else if (const Event* removal = firstOpen(w, EventType::kLicenseRemoved)) {
    causes.push_back(makeCause("LICENSE_CHANGED", removal,
                               "SMS was turned off when " + describe(removal->license) + " was removed; assigning " +
                                   describe(user.license) +
                                   " again (even the same one, with the same number) does not turn it back on."));
    disabling = true;
  } else if (!user.sms.license.empty() && user.sms.license != user.license) {
    causes.push_back(makeCause("LICENSE_CHANGED", firstOpen(w, EventType::kLicenseAssigned),
                               "SMS was set up under license " + user.sms.license.written +
                                   "; the user now has license " + user.license.written +
                                   ", and a license change turns SMS off."));
    disabling = true;
  }
  if (!user.license.empty() && account.hasSmsLicenses && account.smsLicenses.count(user.license.key) == 0) {
    const Event* assigned = nullptr;  // the assignment of the license held now, if the history has it
    for (const Event& e : user.events) {
      if (e.type == EventType::kLicenseAssigned && e.at <= asOf && e.license == user.license &&
          (assigned == nullptr || assigned->at <= e.at)) {
        assigned = &e;
      }
    }
    causes.push_back(
        makeCause("LICENSE_WITHOUT_SMS", assigned, "License " + user.license.written + " does not include SMS."));
    blocked = true;
  }

  // 3. An administrator turned SMS off; a disable that did not complete.
  if (const Event* off = firstOpen(w, EventType::kSmsDisabled, "ADMIN")) {
    causes.push_back(makeCause("DISABLED_BY_ADMIN", off, "An administrator turned SMS off."));
    disabling = true;
  }
  const Event* systemOff = firstOpen(w, EventType::kSmsDisabled, "SYSTEM");
  if (systemOff != nullptr) disabling = true;
  const Event* enableFailure = lastOpen(w, EventType::kSmsEnableFailed);
  const Event* disableFailure = lastOpen(w, EventType::kSmsDisableFailed);
  // A console showing Failed after a failed disable is that disable's failure, not an enable's.
  const bool failedIsDisable =
      disableFailure != nullptr &&
      (enableFailure == nullptr || enableFailure->at < disableFailure->at ||
       (enableFailure->at == disableFailure->at && enableFailure->index < disableFailure->index));
  const bool disableFailed = disableFailure != nullptr || (user.hasSms && user.sms.state == "DISABLE_FAILED");
  if (disableFailed) {
    const std::string& n = !smsNumber.empty() ? smsNumber : f.target;
    causes.push_back(makeCause("DISABLE_FAILED", disableFailure,
                               "Turning SMS off" + (n.empty() ? std::string() : " for " + n) +
                                   " did not complete (the console shows Disabling failed), so the carrier may "
                                   "still hold the number on the campaign."));
  }

  // 4. Enabling failed (the console says so, or a failure came after the last enable).
  const bool enableFailed = enableFailure != nullptr || (user.hasSms && user.sms.state == "FAILED" && !failedIsDisable);

  std::string state = disabling || blocked ? "DISABLED" : enableFailed ? "FAILED" : consoleState(user);
  if (state == "FAILED" && !enableFailed) state = "DISABLED";  // the console's Failed was the disable's

  // 5. Campaign (US/CA only).
  if (f.usca && !account.campaignVerified()) {
    const Event* proof = nullptr;
    for (const Event& e : user.events) {
      if (e.type == EventType::kCampaignStatusChanged && e.at <= asOf && e.to == account.campaignStatus &&
          (proof == nullptr || proof->at <= e.at)) {
        proof = &e;
      }
    }
    causes.push_back(makeCause("CAMPAIGN_NOT_VERIFIED", proof, campaignMessage(account)));
  } else if (f.usca && state != "ENABLED") {
    const Event* change = firstOpen(w, EventType::kCampaignStatusChanged);
    const bool changedSinceEnable = account.hasStatusChangedAt && w.lastEnable.any &&
                                    w.lastEnable.at < account.statusChangedAt && account.statusChangedAt <= asOf;
    if (change != nullptr || changedSinceEnable) {
      causes.push_back(makeCause(
          "CAMPAIGN_STATUS_CHANGED", change,
          change != nullptr
              ? "SMS was turned off when the campaign status changed from " + change->from + " to " + change->to +
                    "; the campaign is VERIFIED again, but SMS stays off until it is re-enabled."
              : std::string("The campaign's status changed after SMS was enabled; the campaign is VERIFIED again, "
                            "but SMS stays off until it is re-enabled.")));
      if (state == "PENDING" || state == "ENABLED") state = "DISABLED";
    }
  }
  // A deactivated campaign turns SMS off for every number on it at once, whatever the console still shows.
  f.deactivatedOff = f.usca && account.hasCampaign && account.campaignStatus == "DEACTIVATED" && everEnabled;
  if (f.deactivatedOff) {
    state = "DISABLED";
  } else if (!f.campaignOk && state != "ENABLED") {
    state = "NOT_ELIGIBLE";
  }

  // 6. The console and the carrier disagree: SMS on, the number not on the campaign.
  if (f.usca && f.campaignOk && state == "ENABLED" && account.hasNumbers && !account.onCampaign(f.target)) {
    causes.push_back(makeCause("NUMBER_NOT_ON_CAMPAIGN", nullptr,
                               "The console shows SMS Enabled for " + f.target +
                                   ", but the carrier side does not have it on the campaign: the two are out of "
                                   "sync, and carriers block texts from numbers that are not on a campaign."));
  }
  const std::string& consoleNumber = !user.sms.number.empty() ? user.sms.number : f.target;
  d.consoleOnNotOnCampaign = account.hasNumbers && user.hasSms && user.sms.state == "ENABLED" &&
                             !consoleNumber.empty() && !account.onCampaign(consoleNumber);

  if (enableFailed) {
    const std::string& n = smsNumber.empty() ? f.target : smsNumber;
    causes.push_back(makeCause("ENABLE_FAILED", enableFailure,
                               "Enabling SMS" + (n.empty() ? std::string() : " for " + n) + " failed."));
    // A full campaign takes no more numbers: the likeliest reason, when the input shows it.
    if (account.hasNumbers && account.hasMaxNumbers && account.numbers.size() >= account.maxNumbers &&
        !account.onCampaign(n)) {
      causes.push_back(makeCause("CAMPAIGN_FULL", enableFailure,
                                 "Enabling SMS failed while the campaign holds " +
                                     std::to_string(account.numbers.size()) + " numbers, its limit of " +
                                     std::to_string(account.maxNumbers) + ": a full campaign takes no more."));
    }
  }

  // 7. Off with nothing else to explain it.
  const bool neverEnabled = !w.lastEnable.any && smsNumber.empty() && systemOff == nullptr &&
                            firstOpen(w, EventType::kSmsDisabled) == nullptr;
  const bool off = state == "DISABLED" || state == "NOT_ELIGIBLE";
  if (off && neverEnabled && !disabling) {
    causes.push_back(makeCause("SMS_NEVER_ENABLED", nullptr, "SMS has never been enabled for this user."));
  } else if (off && causes.empty()) {
    causes.push_back(makeCause("DISABLED_BY_SYSTEM", systemOff,
                               systemOff != nullptr ? std::string("The system turned SMS off.")
                                                    : std::string("SMS is off, and no change in the history "
                                                                  "explains it.")));
  }

  // 8. Pending: waiting on time, or overdue; then the actions.
  std::vector<PlannedAction> plan;
  if (state == "PENDING") pendingCauses(f, asOf, smsNumber, causes, plan);
  d.state = state;
  planActions(f, std::move(plan), d);
  d.canSend = state == "ENABLED" && f.campaignOk && std::none_of(causes.begin(), causes.end(), [](const Cause& c) {
                return c.code == "NUMBER_NOT_ON_CAMPAIGN";
              });
  return d;
}

}  // namespace smsreg::enablement
