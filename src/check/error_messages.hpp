// English messages for the failures valijson 1.0 reports itself, written by
// smsreg from the keyword, the schema's value and the instance's value, so
// `smsreg check` never passes valijson's own wording through.
#ifndef SMSREG_CHECK_ERROR_MESSAGES_HPP
#define SMSREG_CHECK_ERROR_MESSAGES_HPP

#include <nlohmann/json.hpp>
#include <string>

namespace smsreg::check {

// `keyword` as keywordOfDescription gives it; `description` is valijson's
// text (only names are taken from it); `schemaValue` the keyword's value in
// the schema, `instanceValue` the failing value; either may be null.
std::string messageFor(const std::string& keyword, const std::string& description, const nlohmann::json* schemaValue,
                       const nlohmann::json* instanceValue);

}  // namespace smsreg::check

#endif  // SMSREG_CHECK_ERROR_MESSAGES_HPP
