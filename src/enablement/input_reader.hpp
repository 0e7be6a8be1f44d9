// Reading and shape-checking an enablement document (INTERFACE section 3).
#ifndef SMSREG_ENABLEMENT_INPUT_READER_HPP
#define SMSREG_ENABLEMENT_INPUT_READER_HPP

#include <nlohmann/json.hpp>

#include "enablement/model.hpp"
#include "smsreg/enablement.hpp"

namespace smsreg::enablement {

// Fills `out` from a parsed document. On the first shape error returns false
// and fills `error` with the pointer of the offending value (/events/3/at,
// /users/12/user/id) and a FIELD_* code:
//   FIELD_REQUIRED  a required member is absent, null or blank;
//   FIELD_TYPE      a member of the wrong JSON type;
//   FIELD_ENUM      a value outside its fixed set (an unknown event type);
//   FIELD_FORMAT    a timestamp that is not RFC 3339, a country that is not
//                   two capital letters;
//   FIELD_FORBIDDEN both `user` and `users`.
// Members the contract does not name are ignored: exports carry extra fields.
bool readInput(const nlohmann::json& root, EnablementInput& out, EnablementError& error);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_INPUT_READER_HPP
