// The registration report: VERIFIED or NOT_VERIFIED and every finding.
#ifndef SMSREG_REPORT_HPP
#define SMSREG_REPORT_HPP

#include <string>
#include <vector>

#include "smsreg/export.h"

namespace smsreg {

// One machine-readable value a finding's message uses. Numbers are kept as
// their decimal text and written unquoted in JSON; lists are written as JSON
// arrays of strings when `list` is non-empty.
struct Param {
  enum class Kind { kString, kNumber, kList };
  std::string name;
  Kind kind = Kind::kString;
  std::string value;              // kString, kNumber
  std::vector<std::string> list;  // kList
};

struct Finding {
  std::string instanceLocation;  // RFC 6901 pointer of the field to edit
  std::string code;              // stable UPPER_SNAKE_CASE identifier
  std::string message;           // English: what is wrong and how to fix it
  std::vector<Param> params;     // includes "suggestion" where the fix is mechanical

  // The value of a string or number param, or "" when absent.
  SMSREG_API const std::string& param(const std::string& name) const;
};

enum class Status { kVerified, kNotVerified };

struct Report {
  Status status = Status::kNotVerified;
  std::vector<Finding> errors;    // any error means NOT_VERIFIED
  std::vector<Finding> warnings;  // never block

  bool verified() const { return status == Status::kVerified; }
  // One JSON object, no trailing newline (INTERFACE section 2). `source`, when
  // non-empty, is added as "source".
  SMSREG_API std::string toJson(const std::string& source = "") const;
  // For people: the verdict line, then one finding a line naming source and field.
  SMSREG_API std::string toText(const std::string& source) const;
};

// Orders findings as the contract fixes: by instanceLocation segment by
// segment (array indices as numbers), then by code.
SMSREG_API bool findingLess(const Finding& a, const Finding& b);

}  // namespace smsreg

#endif  // SMSREG_REPORT_HPP
