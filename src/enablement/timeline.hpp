// The user's history put in order and walked once: which enable a wait starts
// from, whether its number was SMS-active recently, and which events came
// after the last enable (an SMS_ENABLED clears the causes they prove).
#ifndef SMSREG_ENABLEMENT_TIMELINE_HPP
#define SMSREG_ENABLEMENT_TIMELINE_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "enablement/model.hpp"

namespace smsreg::enablement {

struct TimelineSettings {
  int recentDays = 30;
  int clockSkewSeconds = 300;
};

// The last enable seen on the timeline: what a pending wait started from.
struct LastEnable {
  bool any = false;
  Instant at;
  std::string number;
  const Event* ev = nullptr;  // nullptr: known only from sms.enabledAt
  bool recent = false;        // the number was active within the recent window before
};

struct Walk {
  LastEnable lastEnable;
  // Events after the last enable, in the order read: SMS_ENABLED clears them.
  std::vector<const Event*> open;
};

// Events after asOf are not history yet and are left out. Equal times keep
// input order; the console's enable (sms.enabledAt) sorts before events at
// its very instant. When the console shows SMS off, events stamped up to
// `clockSkewSeconds` before sms.enabledAt are read after that enable: the
// console's state says which came first when the clocks disagree.
Walk walkTimeline(const Instant& asOf, const AccountInput& account, const UserInput& user,
                  const TimelineSettings& settings);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_TIMELINE_HPP
