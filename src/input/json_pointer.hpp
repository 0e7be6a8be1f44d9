// RFC 6901 lookup that returns null instead of throwing: rules ask about
// absent fields all the time, and nlohmann's at() reports that by exception.
#ifndef SMSREG_INPUT_JSON_POINTER_HPP
#define SMSREG_INPUT_JSON_POINTER_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace smsreg::input {

// The value at `pointer` ("" is the root), or null when there is none or the
// pointer is malformed. Array tokens must be decimal indices without sign.
const nlohmann::json* findPointer(const nlohmann::json& root, std::string_view pointer) noexcept;

// Splits `pointer` into its unescaped reference tokens ("" has none). False
// when it does not start with "/" or holds a "~" not followed by 0 or 1.
bool splitPointer(std::string_view pointer, std::vector<std::string>& tokens);

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_JSON_POINTER_HPP
