// RFC 6901 lookup that returns null instead of throwing: rules ask about
// absent fields all the time, and nlohmann's at() reports that by exception.
#ifndef SMSREG_INPUT_JSON_POINTER_HPP
#define SMSREG_INPUT_JSON_POINTER_HPP

#include <nlohmann/json.hpp>
#include <string_view>

namespace smsreg::input {

// The value at `pointer` ("" is the root), or null when there is none or the
// pointer is malformed. Array tokens must be decimal indices without sign.
const nlohmann::json* findPointer(const nlohmann::json& root, std::string_view pointer) noexcept;

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_JSON_POINTER_HPP
