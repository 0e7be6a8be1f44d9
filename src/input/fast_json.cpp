#include "input/fast_json.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <utility>

#include "input/bounded_json.hpp"

namespace smsreg::input {

namespace {

using json = nlohmann::json;
namespace dom = simdjson::dom;

// A parser grows to the largest document it has read; starting at this
// size spares the regrowth (and its page faults) for typical submissions.
constexpr std::size_t kInitialCapacity = std::size_t{16} << 10;

// Copies simdjson's document into nlohmann's tree in place (no temporary
// values moved into their slots), giving up at anything the reference
// parser would refuse or could type differently.
class TreeCopier {
 public:
  TreeCopier(std::string_view text, const Limits& limits)
      : text_(text), maxDepth_(std::min(limits.maxDepth, kMaxDepthCeiling)), maxString_(limits.maxString) {}

  // `to` is null on entry; `level` is the nesting of `from`'s container
  // (0 for the root). False: give up.
  bool copy(dom::element from, json& to, std::size_t level) {
    switch (from.type()) {
      case dom::element_type::OBJECT:
        return copyObject(from.get_object().value_unsafe(), to, level + 1);
      case dom::element_type::ARRAY:
        return copyArray(from.get_array().value_unsafe(), to, level + 1);
      case dom::element_type::STRING: {
        const std::string_view text = from.get_string().value_unsafe();
        if (text.size() >= maxString_) return false;
        to = json::string_t(text);
        return true;
      }
      case dom::element_type::INT64:
        return copyInteger(from.get_int64().value_unsafe(), to);
      case dom::element_type::UINT64:
        to = json::number_unsigned_t{from.get_uint64().value_unsafe()};
        return true;
      case dom::element_type::DOUBLE:
        // Only a number with a fraction or an exponent is a double here, as
        // in nlohmann (simdjson refuses integers beyond 64 bits and
        // infinities); both round correctly, so the values are the same.
        to = json::number_float_t{from.get_double().value_unsafe()};
        return true;
      case dom::element_type::BOOL:
        to = from.get_bool().value_unsafe();
        return true;
      case dom::element_type::NULL_VALUE:
        return true;
    }
    return false;
  }

 private:
  bool copyObject(dom::object from, json& to, std::size_t level) {
    // The reference parser refuses level > maxDepth; near it, let it decide.
    if (level >= maxDepth_) return false;
    to = json::object();
    auto& members = *to.get_ptr<json::object_t*>();
    for (const dom::key_value_pair field : from) {
      if (field.key.size() >= maxString_) return false;
      // Hinting at the end makes a member that sorts after the last one (the
      // usual case in hand-written and generated documents) an O(1) insert;
      // any other order falls back to an ordinary search.
      const std::size_t before = members.size();
      auto slot = members.emplace_hint(members.end(), std::piecewise_construct, std::forward_as_tuple(field.key),
                                       std::forward_as_tuple());
      if (members.size() == before) return false;  // a duplicate key: INPUT_DUPLICATE_KEY
      if (!copy(field.value, slot->second, level)) return false;
    }
    return true;
  }

  bool copyArray(dom::array from, json& to, std::size_t level) {
    if (level >= maxDepth_) return false;
    to = json::array();
    auto& items = *to.get_ptr<json::array_t*>();
    items.reserve(from.size());
    for (const dom::element item : from) {
      items.emplace_back();
      if (!copy(item, items.back(), level)) return false;
    }
    return true;
  }

  // nlohmann stores a non-negative integer as unsigned, a negative one as
  // signed, and "-0" as signed 0; simdjson gives "0" and "-0" alike as the
  // signed 0, so a 0 in a text where "-0" appears at all is left to the
  // reference parser.
  bool copyInteger(std::int64_t value, json& to) {
    if (value < 0) {
      to = json::number_integer_t{value};
      return true;
    }
    if (value == 0 && mayHoldMinusZero()) return false;
    to = json::number_unsigned_t(value);
    return true;
  }

  bool mayHoldMinusZero() {
    if (minusZero_ == Search::kNotYet) {
      minusZero_ = text_.find("-0") == std::string_view::npos ? Search::kAbsent : Search::kPresent;
    }
    return minusZero_ == Search::kPresent;
  }

  enum class Search { kNotYet, kAbsent, kPresent };

  std::string_view text_;
  std::size_t maxDepth_;
  std::size_t maxString_;
  Search minusZero_ = Search::kNotYet;  // "-0" in the text
};

// simdjson's parser with its buffers, one per thread: a Validator serves many
// threads, and reusing the buffers is most of simdjson's speed.
dom::parser& threadParser() {
  thread_local dom::parser parser(kFastPathMaxBytes);
  return parser;
}

}  // namespace

bool parseFast(std::string_view text, const Limits& limits, nlohmann::json& out, bool requireObject) noexcept {
  releaseTree(out);
  // Over or at the size limit: the reference parser says so. A NUL byte
  // is refused by both, but with an offset only the reference reports.
  if (text.size() > kFastPathMaxBytes || text.size() >= limits.maxBytes) return false;
  // Empty input: the reference parser words that error, and memchr must
  // not see the null data() of an empty view.
  if (text.empty()) return false;
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) return false;
  try {
    dom::parser& parser = threadParser();
    if (text.size() > parser.capacity() &&
        parser.allocate(std::max(text.size(), kInitialCapacity)) != simdjson::SUCCESS) {
      return false;
    }
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: it copies
    // the text into its own padded buffer (kept between calls).
    dom::element root;
    if (parser.parse(text.data(), text.size(), /*realloc_if_needed=*/true).get(root) != simdjson::SUCCESS) {
      return false;
    }
    if (requireObject && root.type() != dom::element_type::OBJECT) return false;
    TreeCopier copier(text, limits);
    if (copier.copy(root, out, 0)) return true;
  } catch (...) {
    // std::bad_alloc while building: the reference parser reports it.
  }
  releaseTree(out);
  return false;
}

}  // namespace smsreg::input
