#include "enablement/timeline.hpp"

#include <algorithm>
#include <map>

namespace smsreg::enablement {

namespace {

// One step of the timeline: an input event, or the enable the console's
// `sms.enabledAt` records (ev == nullptr). `key` is the time it sorts by;
// `at` the time it happened as written.
struct Step {
  Instant key;
  int group = 1;  // 0 for the console's enable: first among steps with its key
  Instant at;
  int seq = -1;  // input index
  const Event* ev = nullptr;
};

bool consoleShowsOff(const SmsSetting& sms) { return sms.state != "ENABLED" && sms.state != "PENDING"; }

std::vector<Step> orderSteps(const Instant& asOf, const UserInput& user, const TimelineSettings& settings) {
  std::vector<Step> steps;
  steps.reserve(user.events.size() + 1);
  const bool console = user.hasSms && user.sms.hasEnabledAt && !user.sms.number.empty() && user.sms.enabledAt <= asOf;
  if (console) steps.push_back(Step{user.sms.enabledAt, 0, user.sms.enabledAt, -1, nullptr});
  // Skew: with SMS off in the console, an event just before its enable can only have come after it.
  const bool skewAfter = console && consoleShowsOff(user.sms);
  const Instant skewFrom =
      addSeconds(user.sms.enabledAt, -static_cast<std::int64_t>(std::max(settings.clockSkewSeconds, 0)));
  for (const Event& e : user.events) {
    // The profile is as it is at asOf: a later event is not history yet.
    if (!(e.at <= asOf)) continue;
    const bool moved = skewAfter && e.type != EventType::kSmsEnabled && skewFrom <= e.at && e.at < user.sms.enabledAt;
    steps.push_back(Step{moved ? user.sms.enabledAt : e.at, 1, e.at, e.index, &e});
  }
  // Equal keys keep time order, then input order (seq is the input index): the stable order the contract asks.
  std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    if (!(a.key == b.key)) return a.key < b.key;
    if (a.group != b.group) return a.group < b.group;
    if (!(a.at == b.at)) return a.at < b.at;
    return a.seq < b.seq;
  });
  return steps;
}

}  // namespace

Walk walkTimeline(const Instant& asOf, const AccountInput& account, const UserInput& user,
                  const TimelineSettings& settings) {
  const std::vector<Step> steps = orderSteps(asOf, user, settings);
  const std::int64_t window = static_cast<std::int64_t>(std::max(settings.recentDays, 0)) * 86400;
  const std::int64_t skew = std::max(settings.clockSkewSeconds, 0);
  Walk w;
  std::string active;                          // the number SMS is active on, "" when off
  std::string lastStopped;                     // the number SMS last stopped on (a failed disable restores it)
  std::map<std::string, Instant> activeUntil;  // per number: when SMS last stopped being active on it
  // An SMS_DISABLED before any enable in the export shows SMS was active on
  // the user's number until then (the export starts after the original enable).
  bool unknownDisable = false;
  Instant unknownDisableAt;
  auto stopActive = [&](const Instant& at) {
    if (!active.empty()) {
      activeUntil[active] = at;
      lastStopped = active;
    }
    active.clear();
  };
  auto enable = [&](const std::string& number, const Instant& at, const Event* ev) {
    const LastEnable& last = w.lastEnable;
    const std::int64_t apart =
        at.seconds > last.at.seconds ? at.seconds - last.at.seconds : last.at.seconds - at.seconds;
    // The console's enabledAt and an SMS_ENABLED event within the skew of it record the same enable.
    const bool sameEnable = last.any && active == number && last.number == number &&
                            (at == last.at || ((last.ev == nullptr) != (ev == nullptr) && apart <= skew));
    if (sameEnable) {
      if (ev != nullptr) w.lastEnable.ev = ev;  // cite the event
    } else {
      bool recent;
      if (active == number) {
        recent = true;  // still active right up to this re-enable
      } else {
        stopActive(at);  // one SMS number per user: enabling another disables the previous
        auto it = activeUntil.find(number);
        if (it != activeUntil.end()) {
          recent = at.seconds - it->second.seconds <= window;
        } else {
          recent = unknownDisable && at.seconds - unknownDisableAt.seconds <= window;
        }
      }
      w.lastEnable = LastEnable{true, at, number, ev, recent};
    }
    unknownDisable = false;
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
      case EventType::kPortInCompleted:
        if (active.empty() || e.from == active) stopActive(e.at);
        unknownDisable = false;  // the number the disable was for is no longer the user's
        w.open.push_back(&e);
        break;
      case EventType::kSmsDisabled:
        if (active.empty() && !w.lastEnable.any) {
          unknownDisable = true;
          unknownDisableAt = e.at;
        }
        stopActive(e.at);
        w.open.push_back(&e);
        break;
      case EventType::kLicenseRemoved:
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
      case EventType::kSmsDisableFailed:
        // The disable did not complete: SMS is still active where it stopped.
        if (active.empty() && !lastStopped.empty()) active = lastStopped;
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

}  // namespace smsreg::enablement
