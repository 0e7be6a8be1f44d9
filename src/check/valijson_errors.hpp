// valijson 1.0 reports an error as free text with no keyword: this names the
// keyword each of its descriptions comes from.
#ifndef SMSREG_CHECK_VALIJSON_ERRORS_HPP
#define SMSREG_CHECK_VALIJSON_ERRORS_HPP

#include <string>

namespace smsreg::check {

// The draft-07 keyword behind one valijson 1.0 error description, or "" when
// the description is not one valijson 1.0 writes.
std::string keywordOfDescription(const std::string& description);

// "additionalProperties" → "SCHEMA_ADDITIONAL_PROPERTIES"; "" → "SCHEMA_INVALID".
std::string codeOfKeyword(const std::string& keyword);

}  // namespace smsreg::check

#endif  // SMSREG_CHECK_VALIJSON_ERRORS_HPP
