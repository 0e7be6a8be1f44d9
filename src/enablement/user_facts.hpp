// What the cause stage (engine.cpp) hands the action stage (actions.cpp):
// the facts about one user that both read, computed once.
#ifndef SMSREG_ENABLEMENT_USER_FACTS_HPP
#define SMSREG_ENABLEMENT_USER_FACTS_HPP

#include <string>
#include <utility>
#include <vector>

#include "enablement/engine.hpp"
#include "enablement/model.hpp"
#include "enablement/timeline.hpp"

namespace smsreg::enablement {

struct UserFacts {
  UserFacts(const AccountInput& a, const UserInput& u, const RegistrationOutcome& r, const EngineSettings& s, Walk w)
      : account(a), user(u), registration(r), settings(s), walk(std::move(w)) {}

  const AccountInput& account;
  const UserInput& user;
  const RegistrationOutcome& registration;
  const EngineSettings& settings;
  Walk walk;
  bool usca = false;
  bool campaignOk = false;  // outside US/CA, or a VERIFIED campaign
  // The number SMS should be on: the SMS number while the user still holds
  // it (their number or one of otherNumbers), else the user's number; "" when
  // the user has none.
  std::string target;
  bool targetCanText = true;    // false: NUMBER_NOT_SMS_CAPABLE
  bool deactivatedOff = false;  // a DEACTIVATED campaign turned this user's SMS off
};

// Actions sort by the order an administrator does them in; within a phase,
// the first reason for a code wins and later duplicates are dropped.
enum Phase { kLicense = 0, kRegistration = 1, kEnable = 2, kAfterEnable = 3 };

struct PlannedAction {
  int phase;
  Action action;
};

Action makeAction(const char* actor, const char* code, std::string message);

// Adds the actions `d.causes` call for to `plan` (which may already hold the
// pending wait), orders them and writes them to `d.actions`.
void planActions(const UserFacts& facts, std::vector<PlannedAction> plan, Diagnosis& d);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_USER_FACTS_HPP
