// Bounded JSON parsing: the only place smsreg reads JSON text.
//
// Limits are enforced while parsing (nlohmann's SAX interface), so an
// oversized or deeply nested document is refused before any DOM exists and
// before anything recursive (dump, copy, validation) can see it.
#ifndef SMSREG_INPUT_BOUNDED_JSON_HPP
#define SMSREG_INPUT_BOUNDED_JSON_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "smsreg/options.hpp"

namespace smsreg::input {

// Why a document could not be read. `code` is one of the INPUT_* codes of
// INTERFACE section 2.5; `pointer` is "" or the pointer of the offending value
// when the parser already knows it (a string over the limit).
struct ParseError {
  std::string code;
  std::string pointer;
  std::string message;
  std::size_t offset = 0;  // byte offset where the problem was found
};

// Parses `text` into `out` under `limits`. Returns true on success; on failure
// fills `error` and leaves `out` null. Never throws. Duplicate keys are
// refused (INPUT_DUPLICATE_KEY), invalid UTF-8 and lone surrogates give
// INPUT_INVALID_UTF8, numbers out of double range INPUT_MALFORMED.
// `requireObject`: a root that is not an object gives INPUT_NOT_OBJECT.
bool parseBounded(std::string_view text, const Limits& limits, nlohmann::json& out, ParseError& error,
                  bool requireObject = true) noexcept;

// RFC 6901 escaping of one reference token (~ → ~0, / → ~1).
std::string escapePointerToken(std::string_view token);

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_BOUNDED_JSON_HPP
