// Bounded JSON parsing: the only place smsreg reads JSON text.
//
// Limits are enforced while parsing (nlohmann's SAX interface), so an
// oversized or deeply nested document is refused before any DOM exists and
// before anything recursive (dump, copy, validation) can see it.
#ifndef SMSREG_INPUT_BOUNDED_JSON_HPP
#define SMSREG_INPUT_BOUNDED_JSON_HPP

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "smsreg/options.hpp"

namespace smsreg::input {

// Hard ceilings on the limits (docs/limits.md). The CLI refuses flags above
// them; parseBounded never nests deeper than kMaxDepthCeiling whatever the
// options say, because validation and teardown recurse once per level.
inline constexpr std::size_t kMaxBytesCeiling = std::size_t{1} << 30;  // 1 GiB
inline constexpr std::size_t kMaxDepthCeiling = 512;

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
// INPUT_INVALID_UTF8, numbers out of double range and NUL bytes
// INPUT_MALFORMED, an allocation that fails INPUT_TOO_LARGE.
// `requireObject`: a root that is not an object gives INPUT_NOT_OBJECT.
// Most documents are read by simdjson (input/fast_json.hpp); anything
// unusual about one, errors included, is left to nlohmann's SAX parser.
bool parseBounded(std::string_view text, const Limits& limits, nlohmann::json& out, ParseError& error,
                  bool requireObject = true) noexcept;

// parseBounded without the fast path: nlohmann's SAX parser alone, the
// reference the fast path falls back to and is tested against
// (tests/differential/parser_diff.cpp).
bool parseBoundedReference(std::string_view text, const Limits& limits, nlohmann::json& out, ParseError& error,
                           bool requireObject = true) noexcept;

// Receives one element of a streamed array (see parseBoundedStreaming) and
// its index; may move from it. Returning false stops the parse.
using ElementVisitor = std::function<bool(nlohmann::json& element, std::size_t index)>;

// parseBounded for a root object one of whose members, `key`, may be a long
// array (an enablement export's "users"): its elements are never all held.
// Each is built alone, under the same limits and with its true pointer in
// errors, handed to `visit` (which may be empty: elements are dropped) and
// freed; `out` then holds an empty array at `key`. Memory is bounded by the
// largest element instead of the whole array. When `visit` returns false,
// parsing stops and the function returns false with `error.code` empty.
bool parseBoundedStreaming(std::string_view text, const Limits& limits, std::string_view key,
                           const ElementVisitor& visit, nlohmann::json& out, ParseError& error) noexcept;

// Fills `error` with INPUT_TOO_LARGE for an allocation that failed; never
// throws (std::bad_alloc handlers call it). Returns false.
bool outOfMemory(ParseError& error) noexcept;

// RFC 6901 escaping of one reference token (~ → ~0, / → ~1).
std::string escapePointerToken(std::string_view token);

// `text` cut to at most `max` bytes (at a UTF-8 boundary) with "…" and its
// full length appended when cut: a message quotes a value, never echoes a
// million digits.
std::string elide(std::string_view text, std::size_t max = 64);

// Empties `tree` without allocating. nlohmann's destructor moves the children
// of a container into a temporary std::vector before freeing them, so under
// memory pressure it throws std::bad_alloc from a noexcept destructor and
// the process aborts. This frees leaves first (recursion as deep as the
// tree, which the parser bounded), so nothing is allocated on the way.
void releaseTree(nlohmann::json& tree) noexcept;

// Calls releaseTree on a parsed document when the scope ends, by return or
// by exception (std::bad_alloc included).
class TreeGuard {
 public:
  explicit TreeGuard(nlohmann::json& tree) noexcept : tree_(tree) {}
  ~TreeGuard() { releaseTree(tree_); }
  TreeGuard(const TreeGuard&) = delete;
  TreeGuard& operator=(const TreeGuard&) = delete;

 private:
  nlohmann::json& tree_;
};

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_BOUNDED_JSON_HPP
