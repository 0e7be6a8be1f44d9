#include "input/fast_json.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <utility>
#include <vector>

#include "input/bounded_json.hpp"
#include "input/plain_text.hpp"

namespace smsreg::input {

namespace {

using json = nlohmann::json;
namespace dom = simdjson::dom;

// A parser grows to the largest document it has read; starting at this
// size spares the regrowth (and its page faults) for typical submissions.
constexpr std::size_t kInitialCapacity = std::size_t{16} << 10;

// A member of an object being copied, waiting for its place.
struct PendingMember {
  std::string_view key;
  dom::element value;
};

// TreeCopier's members waiting for their place, and their order: stacks
// (a nested object's go on top), one per thread and kept between documents,
// so a document allocates none.
struct CopyScratch {
  std::vector<PendingMember> members;
  std::vector<std::uint64_t> order;
  // The key order of the last document's objects, by their place in the
  // walk (the n-th object met): for each member in key order, its index in
  // the order written. A document shaped like the last finds its objects'
  // members at the same places; each is checked against the kept map's key.
  std::vector<std::vector<std::uint8_t>> lastOrder;
};

// Objects met after this many in a walk are not remembered.
constexpr std::size_t kRememberedObjects = 64;

CopyScratch& copyScratch() {
  thread_local CopyScratch scratch;
  return scratch;
}

// Objects with at most this many members are inserted in key order.
constexpr std::size_t kMaxSorted = 256;

// A member's place in std::map's order (bytes as unsigned, a prefix first),
// as far as its key's first seven bytes tell, with its index (below
// kMaxSorted) in the low byte: sorting these numbers orders the members
// without a string compare. Keys alike in their first seven bytes are left
// in the order written; the map finds their place itself.
std::uint64_t orderKey(std::string_view key, std::size_t index) noexcept {
  std::uint64_t prefix = 0;
  if (key.size() >= 8) {
    std::memcpy(&prefix, key.data(), 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    prefix = __builtin_bswap64(prefix);
#endif
  } else {
    for (std::size_t i = 0; i < key.size(); ++i) {
      prefix |= static_cast<std::uint64_t>(static_cast<unsigned char>(key[i])) << (56 - 8 * i);
    }
  }
  return (prefix & ~std::uint64_t{0xFF}) | index;
}

// Insertion sort: an object has a few dozen members, and std::sort's
// partitioning and calls cost more than its shifts.
void sortSmall(std::uint64_t* first, std::uint64_t* last) noexcept {
  for (std::uint64_t* i = first + 1; i < last; ++i) {
    const std::uint64_t value = *i;
    std::uint64_t* j = i;
    for (; j > first && value < j[-1]; --j) *j = j[-1];
    *j = value;
  }
}

// A kept string's buffer is reused while it is at most kKeptGrowth times the
// text's length (plus kStringSlack), a kept array's while it is at most
// kKeptGrowth times its new count (plus 16): a slot that once held a long
// text or list must not keep its buffer through documents of short ones.
constexpr std::size_t kKeptGrowth = 4;
constexpr std::size_t kStringSlack = 64;

// Copies simdjson's document into nlohmann's tree in place (no temporary
// values moved into their slots), giving up at anything the reference
// parser would refuse or could type differently. The tree may hold an
// earlier document (parseFastReusing): members whose keys match keep their
// nodes, strings their buffers, arrays their elements, so a document shaped
// like the last allocates and frees next to nothing.
class TreeCopier {
 public:
  // `nonPlain`, when given, gets every string value (not key) that is not
  // plain ASCII (NonPlainStrings, fast_json.hpp).
  TreeCopier(std::string_view text, const Limits& limits, NonPlainStrings* nonPlain)
      : text_(text),
        maxDepth_(std::min(limits.maxDepth, kMaxDepthCeiling)),
        maxString_(limits.maxString),
        nonPlain_(nonPlain),
        scratch_(copyScratch()) {
    // What a copy that gave up left.
    scratch_.members.clear();
    scratch_.order.clear();
  }

  // The type `from` has in nlohmann's tree. Each value is made with its type
  // and then filled, not made null and replaced (an assignment that
  // destroys a temporary, twice a value).
  static json::value_t typeOf(dom::element from) {
    switch (from.type()) {
      case dom::element_type::OBJECT:
        return json::value_t::object;
      case dom::element_type::ARRAY:
        return json::value_t::array;
      case dom::element_type::STRING:
        return json::value_t::string;
      case dom::element_type::INT64:
        return from.get_int64().value_unsafe() < 0 ? json::value_t::number_integer : json::value_t::number_unsigned;
      case dom::element_type::UINT64:
        return json::value_t::number_unsigned;
      case dom::element_type::DOUBLE:
        return json::value_t::number_float;
      case dom::element_type::BOOL:
        return json::value_t::boolean;
      case dom::element_type::NULL_VALUE:
        break;
    }
    return json::value_t::null;
  }

  // Gives `to` the type `type`: kept as it is when it has it already (its
  // old contents are then overwritten), else emptied without allocating
  // and made anew.
  static void retype(json& to, json::value_t type) {
    if (to.type() == type) return;
    if (to.is_structured()) releaseTree(to);
    to = json(type);
  }

  // `to` has typeOf(from) on entry, empty or holding an earlier value;
  // `level` is the nesting of `from`'s container (0 for the root). False:
  // give up. Inlined into the member and element loops, so a leaf (most
  // values) costs no call; only containers are copied by a call.
  [[gnu::always_inline]] bool copy(dom::element from, json& to, std::size_t level) {
    switch (from.type()) {
      case dom::element_type::OBJECT:
        return copyObject(from.get_object().value_unsafe(), *to.get_ptr<json::object_t*>(), level + 1);
      case dom::element_type::ARRAY:
        return copyArray(from.get_array().value_unsafe(), *to.get_ptr<json::array_t*>(), level + 1);
      case dom::element_type::STRING: {
        const std::string_view text = from.get_string().value_unsafe();
        if (text.size() >= maxString_) return false;
        if (nonPlain_ != nullptr && !plainAscii(text)) nonPlain_->push_back(text);
        json::string_t& to_text = *to.get_ptr<json::string_t*>();
        const std::size_t capacity = to_text.capacity();
        if (capacity >= text.size() && capacity <= kKeptGrowth * text.size() + kStringSlack) {
          // Into the buffer it has; append() checks less than assign(),
          // which allows for a source inside the string.
          to_text.clear();
          to_text.append(text.data(), text.size());
        } else {
          // Moved in: assign() takes the general path of a replace.
          to_text = json::string_t(text);
        }
        return true;
      }
      case dom::element_type::INT64:
        return copyInteger(from.get_int64().value_unsafe(), to);
      case dom::element_type::UINT64:
        *to.get_ptr<json::number_unsigned_t*>() = from.get_uint64().value_unsafe();
        return true;
      case dom::element_type::DOUBLE:
        // Only a number with a fraction or an exponent is a double here, as
        // in nlohmann (simdjson refuses integers beyond 64 bits and
        // infinities); both round correctly, so the values are the same.
        *to.get_ptr<json::number_float_t*>() = from.get_double().value_unsafe();
        return true;
      case dom::element_type::BOOL:
        *to.get_ptr<json::boolean_t*>() = from.get_bool().value_unsafe();
        return true;
      case dom::element_type::NULL_VALUE:
        return true;
    }
    return false;
  }

 private:
  using MemberIt = json::object_t::iterator;

  static MemberIt erase(json::object_t& members, MemberIt at) {
    if (at->second.is_structured()) releaseTree(at->second);
    return members.erase(at);
  }

  [[gnu::noinline]] bool copyObject(dom::object from, json::object_t& members, std::size_t level) {
    // The reference parser refuses level > maxDepth; near it, let it decide.
    if (level >= maxDepth_) return false;
    const std::size_t first = scratch_.members.size();
    for (const dom::key_value_pair field : from) {
      if (field.key.size() >= maxString_) return false;
      scratch_.members.push_back(PendingMember{field.key, field.value});
    }
    const std::size_t count = scratch_.members.size() - first;
    if (count > kMaxSorted) {
      if (!copyUnsorted(first, count, members, level)) return false;
      scratch_.members.resize(first);
      return true;
    }
    const std::size_t ordinal = objects_++;
    if (ordinal < kRememberedObjects) {
      switch (copyAsLast(ordinal, first, count, members, level)) {
        case Outcome::kDone:
          scratch_.members.resize(first);
          return true;
        case Outcome::kGiveUp:
          return false;
        case Outcome::kOtherShape:
          break;
      }
    }
    const std::size_t base = scratch_.order.size();
    if (!sortMembers(first, count)) return false;  // a duplicate key: INPUT_DUPLICATE_KEY
    // Members come in key order and are merged with the map's (the members
    // of an earlier document, or none): each is found at the map's cursor or
    // inserted just before it, O(1) with that hint. Nested objects stack
    // theirs above these; entries are read by index, as the stacks may grow.
    MemberIt at = members.begin();
    for (std::size_t i = 0; i < count; ++i) {
      const PendingMember member = scratch_.members[first + (scratch_.order[base + i] & 0xFF)];
      int order = 1;
      while (at != members.end() && (order = at->first.compare(member.key)) < 0) at = erase(members, at);
      json* slot;
      if (at != members.end() && order == 0) {
        slot = &at->second;
        retype(*slot, typeOf(member.value));
        ++at;
      } else {
        slot = &members
                    .emplace_hint(at, std::piecewise_construct, std::forward_as_tuple(member.key),
                                  std::forward_as_tuple(typeOf(member.value)))
                    ->second;
      }
      if (!copy(member.value, *slot, level)) return false;
    }
    while (at != members.end()) at = erase(members, at);
    if (ordinal < kRememberedObjects) {
      std::vector<std::uint8_t>& last = scratch_.lastOrder[ordinal];
      last.resize(count);
      for (std::size_t i = 0; i < count; ++i) last[i] = static_cast<std::uint8_t>(scratch_.order[base + i] & 0xFF);
    }
    scratch_.members.resize(first);
    scratch_.order.resize(base);
    return true;
  }

  enum class Outcome { kDone, kGiveUp, kOtherShape };

  // The members of an object shaped like the n-th object of the last
  // document (the same keys, in the same order written), copied without a
  // sort: the kept map's k-th key must be the key of the member written at
  // lastOrder[n][k]. As the map's keys are distinct and lastOrder[n] is a
  // permutation, no key is then written twice. kOtherShape at the first key
  // that differs: the members copied so far are just values the merge meets.
  Outcome copyAsLast(std::size_t ordinal, std::size_t first, std::size_t count, json::object_t& members,
                     std::size_t level) {
    // Sized once and never again, and nested objects record only their own
    // orders: `last` stays where it is through the loop. The members' stack
    // grows with nested objects' and is read by index.
    if (scratch_.lastOrder.empty()) scratch_.lastOrder.resize(kRememberedObjects);
    if (scratch_.lastOrder[ordinal].size() != count || members.size() != count) return Outcome::kOtherShape;
    const std::uint8_t* const last = scratch_.lastOrder[ordinal].data();
    std::size_t k = 0;
    for (auto at = members.begin(); at != members.end(); ++at, ++k) {
      const PendingMember member = scratch_.members[first + last[k]];
      if (at->first != member.key) return Outcome::kOtherShape;
      retype(at->second, typeOf(member.value));
      if (!copy(member.value, at->second, level)) return Outcome::kGiveUp;
    }
    return Outcome::kDone;
  }

  // Pushes the order of the `count` members from `first` on the order
  // stack: by orderKey, then members alike in their first seven bytes by
  // their whole keys (std::map's order). False when two keys are equal.
  bool sortMembers(std::size_t first, std::size_t count) {
    const std::size_t base = scratch_.order.size();
    for (std::size_t i = 0; i < count; ++i) scratch_.order.push_back(orderKey(scratch_.members[first + i].key, i));
    std::uint64_t* const order = scratch_.order.data() + base;
    sortSmall(order, order + count);
    for (std::size_t i = 1; i < count; ++i) {
      if ((order[i] >> 8) != (order[i - 1] >> 8)) continue;
      // A run alike in seven bytes (rare: "subscriberOptin", "subscriberHelp"):
      // insertion sort on the keys.
      const std::uint64_t value = order[i];
      const std::string_view key = scratch_.members[first + (value & 0xFF)].key;
      std::size_t j = i;
      for (; j > 0 && (order[j - 1] >> 8) == (value >> 8); --j) {
        const int c = scratch_.members[first + (order[j - 1] & 0xFF)].key.compare(key);
        if (c == 0) return false;
        if (c < 0) break;
        order[j] = order[j - 1];
      }
      order[j] = value;
    }
    return true;
  }

  // An object of more than kMaxSorted members, built anew in the order
  // written: the map finds each one's place.
  bool copyUnsorted(std::size_t first, std::size_t count, json::object_t& members, std::size_t level) {
    while (!members.empty()) erase(members, members.begin());
    for (std::size_t i = 0; i < count; ++i) {
      const PendingMember member = scratch_.members[first + i];
      const std::size_t before = members.size();
      auto slot = members.emplace_hint(members.end(), std::piecewise_construct, std::forward_as_tuple(member.key),
                                       std::forward_as_tuple(typeOf(member.value)));
      if (members.size() == before) return false;  // a duplicate key: INPUT_DUPLICATE_KEY
      if (!copy(member.value, slot->second, level)) return false;
    }
    return true;
  }

  [[gnu::noinline]] bool copyArray(dom::array from, json::array_t& items, std::size_t level) {
    if (level >= maxDepth_) return false;
    const std::size_t count = from.size();
    // Elements beyond the new count go; so does a buffer far larger than it
    // (an array that once was long must not keep its buffer).
    const bool oversized = items.capacity() > kKeptGrowth * count + 16;
    const std::size_t keep = oversized ? 0 : std::min(items.size(), count);
    for (std::size_t i = keep; i < items.size(); ++i) {
      if (items[i].is_structured()) releaseTree(items[i]);
    }
    if (oversized) {
      json::array_t().swap(items);
    } else {
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(keep), items.end());
    }
    items.reserve(count);
    std::size_t i = 0;
    for (const dom::element item : from) {
      if (i < keep) {
        retype(items[i], typeOf(item));
      } else {
        items.emplace_back(typeOf(item));
      }
      if (!copy(item, items[i], level)) return false;
      ++i;
    }
    return true;
  }

  // nlohmann stores a non-negative integer as unsigned, a negative one as
  // signed, and "-0" as signed 0; simdjson gives "0" and "-0" alike as the
  // signed 0, so a 0 in a text where "-0" appears at all is left to the
  // reference parser.
  bool copyInteger(std::int64_t value, json& to) {
    if (value < 0) {
      *to.get_ptr<json::number_integer_t*>() = value;
      return true;
    }
    if (value == 0 && mayHoldMinusZero()) return false;
    *to.get_ptr<json::number_unsigned_t*>() = static_cast<json::number_unsigned_t>(value);
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
  NonPlainStrings* nonPlain_;
  Search minusZero_ = Search::kNotYet;  // "-0" in the text
  std::size_t objects_ = 0;             // objects met so far, for CopyScratch::lastOrder
  CopyScratch& scratch_;
};

// simdjson's parser with its buffers, one per thread: a Validator serves many
// threads, and reusing the buffers is most of simdjson's speed.
dom::parser& threadParser() {
  thread_local dom::parser parser(kFastPathMaxBytes);
  return parser;
}

}  // namespace

namespace {

// parseFastReusing without its last step: on false `out` may hold anything.
bool update(std::string_view text, const Limits& limits, nlohmann::json& out, bool requireObject,
            NonPlainStrings* nonPlain) noexcept {
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
    TreeCopier copier(text, limits, nonPlain);
    TreeCopier::retype(out, TreeCopier::typeOf(root));
    return copier.copy(root, out, 0);
  } catch (...) {
    // std::bad_alloc while building: the reference parser reports it.
  }
  return false;
}

}  // namespace

bool parseFast(std::string_view text, const Limits& limits, nlohmann::json& out, bool requireObject) noexcept {
  releaseTree(out);
  return parseFastReusing(text, limits, out, requireObject, nullptr);
}

bool parseFastReusing(std::string_view text, const Limits& limits, nlohmann::json& out, bool requireObject,
                      NonPlainStrings* nonPlain) noexcept {
  if (nonPlain != nullptr) nonPlain->clear();
  if (update(text, limits, out, requireObject, nonPlain)) return true;
  releaseTree(out);
  return false;
}

}  // namespace smsreg::input
