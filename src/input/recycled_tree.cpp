#include "input/recycled_tree.hpp"

#include <exception>

#include "input/fast_json.hpp"

namespace smsreg::input {

namespace {

struct KeptTree {
  nlohmann::json tree;
  NonPlainStrings nonPlain;  // its buffer kept too
  bool inUse = false;
  // nlohmann's destructor would allocate (bounded_json.hpp, releaseTree).
  ~KeptTree() { releaseTree(tree); }
};

KeptTree& keptTree() noexcept {
  thread_local KeptTree kept;
  return kept;
}

}  // namespace

RecycledTree::RecycledTree() noexcept : tree_(&own_), exceptions_(std::uncaught_exceptions()) {
  KeptTree& kept = keptTree();
  if (kept.inUse) return;  // re-entered: this call builds its own
  kept.inUse = true;
  inUse_ = &kept.inUse;
  tree_ = &kept.tree;
  keptNonPlain_ = &kept.nonPlain;
}

RecycledTree::~RecycledTree() {
  if (!keep_ || std::uncaught_exceptions() > exceptions_) releaseTree(*tree_);
  if (inUse_ != nullptr) *inUse_ = false;
}

bool RecycledTree::parse(std::string_view text, const Limits& limits, ParseError& error) noexcept {
  keep_ = false;
  nonPlain_ = nullptr;
  if (inUse_ == nullptr || text.size() > kRecycleMaxBytes) return parseBounded(text, limits, *tree_, error);
  if (parseFastReusing(text, limits, *tree_, true, keptNonPlain_)) {
    error = ParseError{};  // as the reference parser leaves it on success
    keep_ = true;
    nonPlain_ = keptNonPlain_;
    return true;
  }
  // The fast path gave up (and left the tree null): parseBounded's would
  // too, so the reference parser reads it at once.
  return parseBoundedReference(text, limits, *tree_, error);
}

}  // namespace smsreg::input
