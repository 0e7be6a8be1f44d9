// Per-user SMS enablement diagnosis: why can't this user send SMS?
//
// A profile, its account and the events that explain it go in (INTERFACE
// section 3); a diagnosis comes out: the state the facts lead to, whether the
// user can send, every cause with the event that proves it, and an action for
// each cause. The rules are the 8x8 Admin Console facts of domain.md
// section 6.1; the choices the contract leaves open are in docs/enablement.md.
//
// Pure and deterministic: `asOf` in the input is the time; nothing reads the
// clock, the process timezone or the environment.
#ifndef SMSREG_ENABLEMENT_HPP
#define SMSREG_ENABLEMENT_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smsreg/export.h"
#include "smsreg/options.hpp"
#include "smsreg/report.hpp"

namespace smsreg {

class Validator;

struct EnablementOptions {
  // Account exports are large: 64 MiB per document by default (INTERFACE 5).
  Limits limits = Limits{64u << 20, 64, 64u << 10};
  // A number whose SMS was active at most this many days before it is
  // re-enabled counts as "recently enabled" and skips the US/CA verification
  // wait. 8x8 gives no figure; 30 days is one billing cycle (see docs).
  int recentDays = 30;
  // How long Pending may last before it is overdue: "up to 48 hours" (8x8).
  int pendingHours = 48;
};

// Why SMS is off (or why the user cannot send). `at` and `event` are the time
// (as written in the input) and the index in the input's `events` of the
// event that proves the cause; "" and -1 when the state alone proves it.
struct Cause {
  std::string code;
  std::string at;
  int event = -1;
  std::string message;
};

// What someone should do. `actor` is "ADMIN" or "NONE"; `number` is set for
// RE_ENABLE_SMS, `expectedBy` (RFC 3339, UTC) for a wait with a known bound.
// `hasErrors` is true for FIX_REGISTRATION when the input carried
// `account.registration` and it was validated; `errors` are then its report's
// errors (possibly none), pointing into the registration itself.
struct Action {
  std::string actor;
  std::string code;
  std::string number;
  std::string expectedBy;
  std::string message;
  bool hasErrors = false;
  std::vector<Finding> errors;
};

struct Diagnosis {
  std::string userId;
  bool canSend = false;
  std::string state;  // ENABLED, PENDING, DISABLED, FAILED or NOT_ELIGIBLE
  std::vector<Cause> causes;
  std::vector<Action> actions;
};

// Input that is malformed or breaks the shape of INTERFACE section 3.
struct EnablementError {
  std::string instanceLocation;  // RFC 6901 pointer, e.g. "/events/3/at"
  std::string code;              // INPUT_* or FIELD_*
  std::string message;
};

// Counts of users; entries with zero are left out, keys in a fixed order.
struct EnablementSummary {
  std::size_t users = 0;
  std::size_t canSend = 0;
  std::vector<std::pair<std::string, std::size_t>> byState;
  std::vector<std::pair<std::string, std::size_t>> byCause;
};

// Either an error (nothing diagnosed) or one diagnosis per user.
struct EnablementResult {
  bool hasError = false;
  EnablementError error;
  bool batch = false;  // the input had `users`; summary is filled
  std::vector<Diagnosis> diagnoses;
  EnablementSummary summary;

  bool ok() const { return !hasError; }
  // True when there is no error and every user can send (CLI exit 0).
  SMSREG_API bool allCanSend() const;
  // One JSON object, no trailing newline. `source`, when non-empty, comes first.
  SMSREG_API std::string toJson(const std::string& source = "") const;
  // For people, like a support answer: per user the state, then one line per
  // cause and one line per action. Ends with a newline.
  SMSREG_API std::string toText(const std::string& source) const;
};

// Thread safety: diagnose() is const and touches no shared mutable state; one
// diagnoser may serve any number of threads, provided the Validator passed in
// is itself safe to call concurrently (smsreg::Validator is).
//
// diagnose() never throws and never crashes: bad input becomes the error
// object, and any internal failure is reported the same way.
class SMSREG_API EnablementDiagnoser {
 public:
  // `registration` validates `account.registration` when the input has one;
  // nullptr skips that check (FIX_REGISTRATION then carries no errors). It
  // must outlive the diagnoser.
  explicit EnablementDiagnoser(EnablementOptions options = {}, const Validator* registration = nullptr);

  EnablementResult diagnose(std::string_view json) const noexcept;

  const EnablementOptions& options() const { return options_; }

 private:
  EnablementOptions options_;
  const Validator* registration_;
};

}  // namespace smsreg

#endif  // SMSREG_ENABLEMENT_HPP
