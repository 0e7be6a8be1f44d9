// The fast path of parseBounded (issue 12): simdjson reads the text, and
// the same nlohmann tree the reference parser would build is made from
// simdjson's document.
//
// It never reports an error itself. Whenever anything is unusual (simdjson
// refuses the text, a limit is reached or nearly reached, a duplicate key,
// a document too large for the per-thread parser, a number whose nlohmann
// type simdjson cannot tell), it gives up and parseBounded runs the
// reference parser, which alone writes INPUT_* findings. So findings stay
// byte for byte what they were; tests/differential/parser_diff.cpp holds the
// two paths to the same trees and errors.
#ifndef SMSREG_INPUT_FAST_JSON_HPP
#define SMSREG_INPUT_FAST_JSON_HPP

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "smsreg/options.hpp"

namespace smsreg::input {

// Documents above this size take the reference parser: simdjson's parser
// keeps buffers of about 15 bytes per byte of the largest document it has
// read, one parser per thread, so this bounds that memory (about 1 MiB).
inline constexpr std::size_t kFastPathMaxBytes = std::size_t{64} << 10;

// Returns true when `out` holds exactly the tree the reference parser
// builds from `text` under `limits` (and the root is an object if
// `requireObject`). Returns false with `out` null otherwise: the caller then
// runs the reference parser. Never throws; thread-safe (one simdjson parser
// per thread).
bool parseFast(std::string_view text, const Limits& limits, nlohmann::json& out, bool requireObject) noexcept;

// The string values (not keys) of a document that are not plain ASCII
// (input/plain_text.hpp), in the order read: views into the thread's
// simdjson buffer, valid until the thread's next fast parse. Only they can
// change when the document is normalised (rules/unicode_text.hpp).
using NonPlainStrings = std::vector<std::string_view>;

// parseFast into a tree that may hold an earlier document (RecycledTree,
// input/recycled_tree.hpp): members, strings and elements that are there
// already are overwritten in place, the rest made or freed. The outcome is
// parseFast's, `out` then holding exactly the tree parseFast builds, or null.
// `nonPlain`, when given, is cleared and, on success, holds the document's
// NonPlainStrings (on failure: anything).
bool parseFastReusing(std::string_view text, const Limits& limits, nlohmann::json& out, bool requireObject,
                      NonPlainStrings* nonPlain = nullptr) noexcept;

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_FAST_JSON_HPP
