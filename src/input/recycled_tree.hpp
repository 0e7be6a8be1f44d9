// The document tree a thread keeps from one validate() to the next (issue 12).
//
// Form backends and batches send documents of one shape, so instead of
// building a tree and tearing it down for each, Validator keeps the last
// one and parseFastReusing updates it in place: members with the same keys
// keep their nodes, strings their buffers. One tree a thread at most, kept
// only when the fast path built it from a small document.
#ifndef SMSREG_INPUT_RECYCLED_TREE_HPP
#define SMSREG_INPUT_RECYCLED_TREE_HPP

#include <nlohmann/json.hpp>
#include <string_view>

#include "input/bounded_json.hpp"
#include "input/fast_json.hpp"

namespace smsreg::input {

// Documents above this size are not kept: the kept tree stays small (a
// typical submission is 2 KiB).
inline constexpr std::size_t kRecycleMaxBytes = std::size_t{16} << 10;

// One document's tree for the scope of one validate() call: the thread's
// kept tree, or a tree of its own when the kept one is in use (validate()
// re-entered on this thread). At the end of the scope the tree is kept for
// the next document, or released without allocating (as TreeGuard) when it
// is not worth keeping or an exception (std::bad_alloc) is leaving.
class RecycledTree {
 public:
  RecycledTree() noexcept;
  ~RecycledTree();
  RecycledTree(const RecycledTree&) = delete;
  RecycledTree& operator=(const RecycledTree&) = delete;

  // parseBounded into tree(), the outcome and errors the same.
  bool parse(std::string_view text, const Limits& limits, ParseError& error) noexcept;

  nlohmann::json& tree() noexcept { return *tree_; }
  // The string values of tree() that are not plain ASCII, as parse() read
  // them (NonPlainStrings: valid until the thread's next fast parse, so to
  // be read at once); null when parse() does not know them (the reference
  // parser read the document, or it failed).
  const NonPlainStrings* nonPlainStrings() const noexcept { return nonPlain_; }

 private:
  nlohmann::json own_;
  nlohmann::json* tree_;
  bool* inUse_ = nullptr;                    // the thread's flag, when tree_ is the kept tree
  NonPlainStrings* keptNonPlain_ = nullptr;  // the thread's, with inUse_
  const NonPlainStrings* nonPlain_ = nullptr;
  bool keep_ = false;  // parse() read a small document by the fast path
  int exceptions_;     // std::uncaught_exceptions() at the start
};

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_RECYCLED_TREE_HPP
