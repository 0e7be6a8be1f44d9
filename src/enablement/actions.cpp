// The actions the causes call for, in the order an administrator does them.
#include <algorithm>
#include <string>

#include "enablement/user_facts.hpp"

namespace smsreg::enablement {

namespace {

bool hasCause(const Diagnosis& d, const char* code) {
  return std::any_of(d.causes.begin(), d.causes.end(), [&](const Cause& c) { return c.code == code; });
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Action assignLicense(const AccountInput& account, bool licenseWithoutSms, const LicenseName& license) {
  std::string message;
  if (account.hasSmsLicenses && !account.smsLicensesWritten.empty()) {
    message = "Assign the user a license that includes SMS (" + joined(account.smsLicensesWritten) + ")";
    message += licenseWithoutSms ? " in place of " + license.written + "." : ".";
  } else {
    message = "Assign an X Series license to the user; SMS needs one.";
  }
  Action a = makeAction("ADMIN", "ASSIGN_LICENSE", message);
  a.licenses = account.smsLicensesWritten;
  return a;
}

Action fixRegistration(const UserFacts& f) {
  const AccountInput& account = f.account;
  const std::string& st = account.campaignStatus;
  Action fix =
      makeAction("ADMIN", "FIX_REGISTRATION",
                 !account.hasCampaign  ? "Register the brand and campaign and submit them for vetting."
                 : st == "DEACTIVATED" ? "A deactivated campaign cannot be reactivated: register a new campaign."
                                       : "Fix the registration and resubmit the campaign.");
  if (f.registration.checked) {
    fix.hasErrors = true;
    fix.errors = f.registration.errors;
    if (!fix.errors.empty()) fix.message += " The registration has errors to fix first; see `errors`.";
  }
  return fix;
}

std::string localNumber(const UserFacts& f) {
  return f.usca ? std::string("a local US or Canadian number") : "a local number of " + f.account.country;
}

Action withNumber(Action a, const std::string& number) {
  a.number = number;
  return a;
}

}  // namespace

Action makeAction(const char* actor, const char* code, std::string message) {
  Action a;
  a.actor = actor;
  a.code = code;
  a.message = std::move(message);
  return a;
}

void planActions(const UserFacts& f, std::vector<PlannedAction> plan, Diagnosis& d) {
  const AccountInput& account = f.account;
  const std::string& target = f.target;
  bool reEnable = d.state == "NOT_ELIGIBLE" || f.deactivatedOff;
  for (const Cause& c : d.causes) {
    const std::string& code = c.code;
    if (code == "NO_PHONE_NUMBER") {
      plan.push_back(
          {kLicense, makeAction("ADMIN", "ASSIGN_NUMBER", "Assign the user a phone number, then enable SMS for it.")});
    } else if (code == "NUMBER_NOT_SMS_CAPABLE") {
      const bool temporary = target == f.user.phoneNumber && f.user.numberType == NumberType::kTemporary;
      plan.push_back(
          {kLicense, withNumber(makeAction("ADMIN", "USE_SMS_CAPABLE_NUMBER",
                                           temporary ? "Wait for the port-in to complete, then enable SMS for the "
                                                       "ported number; " +
                                                           target + " cannot text."
                                                     : "Give the user a number that can text (" + localNumber(f) +
                                                           ") in place of " + target + ", then enable SMS for it."),
                                target)});
    } else if (code == "LICENSE_REMOVED" || code == "LICENSE_WITHOUT_SMS") {
      plan.push_back({kLicense, assignLicense(account, code == "LICENSE_WITHOUT_SMS", f.user.license)});
      reEnable = true;
    } else if (code == "CAMPAIGN_NOT_VERIFIED") {
      if (account.hasCampaign && account.campaignStatus == "PENDING") {
        plan.push_back({kRegistration, makeAction("NONE", "WAIT_FOR_VERIFICATION",
                                                  "Wait for the carriers to verify the campaign; nothing to do "
                                                  "unless it fails.")});
      } else {
        plan.push_back({kRegistration, fixRegistration(f)});
        const std::string& st = account.campaignStatus;
        if (account.hasCampaign && (st == "SUSPENDED" || st == "EXPIRED" || st == "DEACTIVATED")) {
          plan.push_back(
              {kRegistration, makeAction("ADMIN", "CONTACT_SUPPORT",
                                         "Contact 8x8 support about the " + st + " campaign before resubmitting.")});
        }
      }
    } else if (code == "DISABLE_FAILED") {
      plan.push_back(
          {kRegistration, makeAction("ADMIN", "RETRY_DISABLE",
                                     "Turn SMS off again" + (target.empty() ? std::string() : " for " + target) +
                                         "; if it shows Disabling failed again, contact 8x8 support.")});
    } else if (code == "CAMPAIGN_FULL") {
      plan.push_back({kRegistration,
                      makeAction("ADMIN", "FREE_CAMPAIGN_CAPACITY",
                                 "Make room on the campaign (limit " + std::to_string(account.maxNumbers) +
                                     " numbers): turn SMS off for a number that no longer texts, or ask 8x8 support "
                                     "to raise the limit (more numbers need the carriers' approval).")});
      reEnable = true;
    } else if (code == "NUMBER_NOT_ON_CAMPAIGN") {
      plan.push_back({kEnable, withNumber(makeAction("ADMIN", "ADD_NUMBER_TO_CAMPAIGN",
                                                     "Get " + target +
                                                         " onto the campaign: turn SMS off and on again for it, "
                                                         "which provisions it anew (texts may pause for a couple of "
                                                         "hours); if the carrier side still lacks it after 24 hours, "
                                                         "contact 8x8 support."),
                                          target)});
    } else if (code == "ENABLE_FAILED") {
      reEnable = true;
      plan.push_back(
          {kAfterEnable, makeAction("ADMIN", "CONTACT_SUPPORT", "If enabling fails again, contact 8x8 support.")});
    } else if (code != "NUMBER_VERIFICATION_PENDING" && code != "PENDING_OVERDUE") {
      reEnable = true;  // every other cause leaves SMS off until someone turns it back on
    }
  }
  if (reEnable && !target.empty() && f.targetCanText) {
    const bool never = hasCause(d, "SMS_NEVER_ENABLED");
    const std::string what =
        std::string(never ? "enable" : "re-enable") + " SMS for " + target + " in the user's profile.";
    std::string message = std::string(never ? "Enable" : "Re-enable") + what.substr(what.find(' '));
    if (!f.campaignOk) {
      message = (f.deactivatedOff ? "Once a new campaign is VERIFIED, " : "Once the campaign is VERIFIED, ") + what;
    }
    plan.push_back({kEnable, withNumber(makeAction("ADMIN", "RE_ENABLE_SMS", message), target)});
  }
  std::stable_sort(plan.begin(), plan.end(),
                   [](const PlannedAction& a, const PlannedAction& b) { return a.phase < b.phase; });
  for (PlannedAction& p : plan) {
    const bool seen =
        std::any_of(d.actions.begin(), d.actions.end(), [&](const Action& a) { return a.code == p.action.code; });
    if (!seen) d.actions.push_back(std::move(p.action));
  }
}

}  // namespace smsreg::enablement
