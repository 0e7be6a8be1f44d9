#include "enablement/engine.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

namespace smsreg::enablement {

namespace {

// One step of the timeline: an input event, or the enable the console's
// `sms.enabledAt` records (ev == nullptr).
struct Step {
  Instant at;
  int seq = -1;  // input index; -1 for the console's enable, so it sorts first at equal times
  const Event* ev = nullptr;
};

// The last enable seen on the timeline: what a pending wait started from.
struct LastEnable {
  bool any = false;
  Instant at;
  std::string number;
  const Event* ev = nullptr;  // nullptr: known only from sms.enabledAt
  bool recent = false;        // the number was active within the recent window before
};

// What walking the timeline leaves behind.
struct Walk {
  LastEnable lastEnable;
  // Events after the last enable, in time order: SMS_ENABLED clears them.
  std::vector<const Event*> open;
};

Walk walkTimeline(const Instant& asOf, const AccountInput& account, const UserInput& user,
                  const EngineSettings& settings) {
  std::vector<Step> steps;
  steps.reserve(user.events.size() + 1);
  if (user.hasSms && user.sms.hasEnabledAt && !user.sms.number.empty() && user.sms.enabledAt <= asOf) {
    steps.push_back(Step{user.sms.enabledAt, -1, nullptr});
  }
  for (const Event& e : user.events) {
    // The profile is as it is at asOf: a later event is not history yet.
    if (e.at <= asOf) steps.push_back(Step{e.at, e.index, &e});
  }
  // Equal times keep input order (seq is the input index), so this is the stable order the contract asks.
  std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    if (!(a.at == b.at)) return a.at < b.at;
    return a.seq < b.seq;
  });

  const std::int64_t window = static_cast<std::int64_t>(std::max(settings.recentDays, 0)) * 86400;
  Walk w;
  std::string active;                          // the number SMS is active on, "" when off
  std::map<std::string, Instant> activeUntil;  // per number: when SMS last stopped being active on it
  auto stopActive = [&](const Instant& at) {
    if (!active.empty()) activeUntil[active] = at;
    active.clear();
  };
  auto enable = [&](const std::string& number, const Instant& at, const Event* ev) {
    const bool sameInstant = w.lastEnable.any && w.lastEnable.at == at && w.lastEnable.number == number;
    if (active == number && sameInstant) {
      // The console's enabledAt and an SMS_ENABLED event record the same enable: cite the event.
      if (ev != nullptr) w.lastEnable.ev = ev;
    } else {
      bool recent;
      if (active == number) {
        recent = true;  // still active right up to this re-enable
      } else {
        stopActive(at);  // one SMS number per user: enabling another disables the previous
        auto it = activeUntil.find(number);
        recent = it != activeUntil.end() && at.seconds - it->second.seconds <= window;
      }
      w.lastEnable = LastEnable{true, at, number, ev, recent};
    }
    active = number;
    w.open.clear();
  };

  for (const Step& s : steps) {
    if (s.ev == nullptr) {
      enable(user.sms.number, s.at, nullptr);
      continue;
    }
    const Event& e = *s.ev;
    switch (e.type) {
      case EventType::kSmsEnabled:
        enable(e.number, e.at, &e);
        break;
      case EventType::kPhoneNumberChanged:
        if (active.empty() || e.from == active) stopActive(e.at);
        w.open.push_back(&e);
        break;
      case EventType::kLicenseRemoved:
      case EventType::kSmsDisabled:
        stopActive(e.at);
        w.open.push_back(&e);
        break;
      case EventType::kLicenseAssigned:
        w.open.push_back(&e);
        break;
      case EventType::kSmsEnableFailed:
        active.clear();  // the number never became active: no "active until" to record
        w.open.push_back(&e);
        break;
      case EventType::kCampaignStatusChanged:
        // Outside US/CA a campaign status change does not touch SMS (8x8-KB).
        if (account.usOrCanada()) {
          stopActive(e.at);
          w.open.push_back(&e);
        }
        break;
    }
  }
  return w;
}

const Event* firstOpen(const Walk& w, EventType type, const std::string& by = "") {
  for (const Event* e : w.open) {
    if (e->type == type && (by.empty() || e->by == by)) return e;
  }
  return nullptr;
}

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

std::string licenseName(const std::string& license) {
  return license.empty() ? std::string("a license") : "license " + license;
}

// Actions sort by the order an administrator does them in; within a phase,
// the first reason for a code wins and later duplicates are dropped.
enum Phase { kLicense = 0, kRegistration = 1, kEnable = 2, kAfterEnable = 3 };

struct PlannedAction {
  int phase;
  Action action;
};

Action makeAction(const char* actor, const char* code, std::string message) {
  Action a;
  a.actor = actor;
  a.code = code;
  a.message = std::move(message);
  return a;
}

}  // namespace

Diagnosis diagnoseUser(const Instant& asOf, const AccountInput& account, const UserInput& user,
                       const RegistrationOutcome& registration, const EngineSettings& settings) {
  const Walk w = walkTimeline(asOf, account, user, settings);
  const bool usca = account.usOrCanada();
  const bool campaignOk = !usca || account.campaignVerified();
  const std::string smsNumber = !user.sms.number.empty() ? user.sms.number : w.lastEnable.number;
  const std::string& now = user.phoneNumber;

  Diagnosis d;
  d.userId = user.id;
  std::vector<Cause>& causes = d.causes;
  bool disabling = false;  // a cause that turns SMS off whatever the console still shows

  // 1. The number SMS was enabled for is no longer the user's number.
  const Event* numberEvent = nullptr;
  for (const Event* e : w.open) {
    if (e->type == EventType::kPhoneNumberChanged && (smsNumber.empty() || e->from == smsNumber)) {
      numberEvent = e;
      break;
    }
  }
  if (numberEvent != nullptr) {
    causes.push_back(makeCause(
        "PHONE_NUMBER_CHANGED", numberEvent,
        "SMS was turned off when the number changed from " + numberEvent->from + " to " + numberEvent->to + "."));
    disabling = true;
  } else if (!smsNumber.empty() && smsNumber != now) {
    causes.push_back(makeCause("PHONE_NUMBER_CHANGED", nullptr,
                               "SMS is set up for " + smsNumber + ", but the user's number is now " + now + "."));
    disabling = true;
  }

  // 2. License: none now, or removed and assigned again since SMS was enabled.
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
                               removal != nullptr ? "SMS was turned off when " + licenseName(removal->license) +
                                                        " was removed; the user has no license now."
                                                  : std::string("The user has no license now, and SMS needs one.")));
    disabling = true;
  } else if (const Event* removal = firstOpen(w, EventType::kLicenseRemoved)) {
    causes.push_back(makeCause("LICENSE_CHANGED", removal,
                               "SMS was turned off when " + licenseName(removal->license) + " was removed; assigning " +
                                   licenseName(user.license) +
                                   " again (even the same one, with the same number) does not turn it back on."));
    disabling = true;
  } else if (!user.sms.license.empty() && user.sms.license != user.license) {
    causes.push_back(makeCause("LICENSE_CHANGED", firstOpen(w, EventType::kLicenseAssigned),
                               "SMS was set up under license " + user.sms.license + "; the user now has license " +
                                   user.license + ", and a license change turns SMS off."));
    disabling = true;
  }

  // 3. An administrator turned SMS off.
  if (const Event* off = firstOpen(w, EventType::kSmsDisabled, "ADMIN")) {
    causes.push_back(makeCause("DISABLED_BY_ADMIN", off, "An administrator turned SMS off."));
    disabling = true;
  }
  const Event* systemOff = firstOpen(w, EventType::kSmsDisabled, "SYSTEM");
  if (systemOff != nullptr) disabling = true;

  // 4. Enabling failed (the console says so, or a failure came after the last enable).
  const Event* failed = nullptr;
  for (const Event* e : w.open) {
    if (e->type == EventType::kSmsEnableFailed) failed = e;  // the latest failure
  }
  const bool enableFailed = failed != nullptr || (user.hasSms && user.sms.state == "FAILED");

  std::string state = disabling ? "DISABLED" : enableFailed ? "FAILED" : user.hasSms ? user.sms.state : "DISABLED";

  // 5. Campaign (US/CA only).
  if (usca && !account.campaignVerified()) {
    const Event* proof = nullptr;
    for (const Event& e : user.events) {
      if (e.type == EventType::kCampaignStatusChanged && e.at <= asOf && e.to == account.campaignStatus &&
          (proof == nullptr || proof->at <= e.at)) {
        proof = &e;
      }
    }
    std::string message;
    const std::string& st = account.campaignStatus;
    if (!account.hasCampaign) {
      message = "The account has no registered campaign; in the US and Canada SMS needs a VERIFIED one.";
    } else if (st == "DEACTIVATED") {
      message = "The account's campaign was DEACTIVATED, which permanently disables SMS for all its numbers.";
    } else {
      message = "The account's campaign is " + st +
                ", not VERIFIED; in the US and Canada SMS needs a VERIFIED "
                "campaign.";
    }
    causes.push_back(makeCause("CAMPAIGN_NOT_VERIFIED", proof, message));
  } else if (usca && state != "ENABLED") {
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
  if (!campaignOk && state != "ENABLED") state = "NOT_ELIGIBLE";

  if (enableFailed) {
    causes.push_back(
        makeCause("ENABLE_FAILED", failed, "Enabling SMS for " + (smsNumber.empty() ? now : smsNumber) + " failed."));
  }

  // 6. Off with nothing else to explain it.
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

  // 7. Pending: waiting on time, or overdue.
  std::vector<PlannedAction> plan;
  if (state == "PENDING") {
    const std::int64_t pendingSeconds = static_cast<std::int64_t>(std::max(settings.pendingHours, 0)) * 3600;
    const std::string& number = w.lastEnable.any ? w.lastEnable.number : smsNumber;
    // Without a known start, asOf + the expected time is still an upper bound.
    const Instant expectedBy = addSeconds(w.lastEnable.any ? w.lastEnable.at : asOf, pendingSeconds);
    const std::string hours = std::to_string(settings.pendingHours);
    if (w.lastEnable.any && asOf > expectedBy) {
      causes.push_back(makeCause("PENDING_OVERDUE", w.lastEnable.ev,
                                 "SMS for " + number + " has been Pending since " + formatRfc3339(w.lastEnable.at) +
                                     ", longer than the expected " + hours + " hours."));
      plan.push_back({kAfterEnable, makeAction("ADMIN", "CONTACT_SUPPORT",
                                               "Turn SMS off and on again for " + number +
                                                   " (8x8's fix for a stuck setting); if it stays Pending, "
                                                   "contact 8x8 support.")});
    } else {
      if (usca && !w.lastEnable.recent) {
        causes.push_back(makeCause("NUMBER_VERIFICATION_PENDING", w.lastEnable.ev,
                                   "SMS was re-enabled for " + number +
                                       ", which was not SMS-enabled recently; in the US and Canada the number is "
                                       "verified and provisioned first."));
      }
      Action wait = makeAction("NONE", "WAIT_FOR_VERIFICATION",
                               "Wait: SMS for " + number + " is Pending and should be on by " +
                                   formatRfc3339(expectedBy) + " (up to " + hours + " hours).");
      wait.expectedBy = formatRfc3339(expectedBy);
      plan.push_back({kAfterEnable, std::move(wait)});
    }
  }

  // 8. Actions for the causes.
  bool reEnable = state == "NOT_ELIGIBLE";
  for (const Cause& c : causes) {
    if (c.code == "LICENSE_REMOVED") {
      plan.push_back(
          {kLicense, makeAction("ADMIN", "ASSIGN_LICENSE", "Assign an X Series license to the user; SMS needs one.")});
      reEnable = true;
    } else if (c.code == "CAMPAIGN_NOT_VERIFIED") {
      const std::string& st = account.campaignStatus;
      if (account.hasCampaign && st == "PENDING") {
        plan.push_back({kRegistration, makeAction("NONE", "WAIT_FOR_VERIFICATION",
                                                  "Wait for the carriers to verify the campaign; nothing to do "
                                                  "unless it fails.")});
      } else {
        Action fix =
            makeAction("ADMIN", "FIX_REGISTRATION",
                       !account.hasCampaign  ? "Register the brand and campaign and submit them for vetting."
                       : st == "DEACTIVATED" ? "A deactivated campaign cannot be reactivated: register a new campaign."
                                             : "Fix the registration and resubmit the campaign.");
        if (registration.checked) {
          fix.hasErrors = true;
          fix.errors = registration.errors;
          if (!fix.errors.empty()) fix.message += " The registration has errors to fix first; see `errors`.";
        }
        plan.push_back({kRegistration, std::move(fix)});
        if (account.hasCampaign && (st == "SUSPENDED" || st == "EXPIRED" || st == "DEACTIVATED")) {
          plan.push_back(
              {kRegistration, makeAction("ADMIN", "CONTACT_SUPPORT",
                                         "Contact 8x8 support about the " + st + " campaign before resubmitting.")});
        }
      }
    } else if (c.code == "ENABLE_FAILED") {
      reEnable = true;
      plan.push_back(
          {kAfterEnable, makeAction("ADMIN", "CONTACT_SUPPORT", "If enabling fails again, contact 8x8 support.")});
    } else if (c.code != "NUMBER_VERIFICATION_PENDING" && c.code != "PENDING_OVERDUE") {
      reEnable = true;  // every other cause leaves SMS off until someone turns it back on
    }
  }
  if (reEnable && !now.empty()) {
    const bool never =
        std::any_of(causes.begin(), causes.end(), [](const Cause& c) { return c.code == "SMS_NEVER_ENABLED"; });
    std::string message = std::string(never ? "Enable" : "Re-enable") + " SMS for " + now + " in the user's profile.";
    if (!campaignOk)
      message = "Once the campaign is VERIFIED, " + std::string(never ? "enable" : "re-enable") + " SMS for " + now +
                " in the user's profile.";
    Action a = makeAction("ADMIN", "RE_ENABLE_SMS", message);
    a.number = now;
    plan.push_back({kEnable, std::move(a)});
  }
  std::stable_sort(plan.begin(), plan.end(),
                   [](const PlannedAction& a, const PlannedAction& b) { return a.phase < b.phase; });
  for (PlannedAction& p : plan) {
    const bool seen =
        std::any_of(d.actions.begin(), d.actions.end(), [&](const Action& a) { return a.code == p.action.code; });
    if (!seen) d.actions.push_back(std::move(p.action));
  }

  d.state = state;
  d.canSend = state == "ENABLED" && campaignOk;
  return d;
}

}  // namespace smsreg::enablement
