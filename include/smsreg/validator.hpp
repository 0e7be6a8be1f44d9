// The registration validator: a brand + campaign submission in, a report out.
#ifndef SMSREG_VALIDATOR_HPP
#define SMSREG_VALIDATOR_HPP

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smsreg/export.h"
#include "smsreg/options.hpp"
#include "smsreg/report.hpp"

namespace smsreg {

// One rule as `smsreg rules` lists it.
struct RuleInfo {
  std::string code;
  std::string severity;             // "error" or "warning"
  std::vector<std::string> fields;  // JSON Pointers the rule reports at
  std::string description;
  std::string source;
  bool enabled = true;
};

// Built once from options: the embedded schemas and every rule's regex are
// compiled in the constructor. Building can fail (a bad rule file, an unknown
// code in disabledRules); check ok() and error() as with re2::RE2.
//
// Thread safety: after construction, validate() is const and may be called
// from any number of threads at once on one Validator. Nothing it touches is
// mutated (per-call state lives on the caller's stack).
//
// validate() never throws and never crashes on any input: malformed or
// oversized input gives NOT_VERIFIED with one INPUT_* error.
class SMSREG_API Validator {
 public:
  explicit Validator(const ValidatorOptions& options = ValidatorOptions());
  ~Validator();
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  bool ok() const;
  const std::string& error() const;  // why building failed; "" when ok()

  Report validate(std::string_view json) const noexcept;

  // Every rule and generic code this validator can report, by code,
  // including those a rule file added and those disabled (marked so).
  std::vector<RuleInfo> rules() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The version of the built-in rule catalogue.
SMSREG_API std::string rulesVersion();

}  // namespace smsreg

#endif  // SMSREG_VALIDATOR_HPP
