// A content pattern compiled on first use. Most of the content patterns are
// answered "does it match anywhere" by a phrase set (text_match.hpp) and are
// compiled on their own only when a rule needs a match's text; compiling all
// eighty of them up front cost more than half of the first Validator's
// construction (docs/benchmarks.md).
#ifndef SMSREG_RULES_LAZY_REGEX_HPP
#define SMSREG_RULES_LAZY_REGEX_HPP

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace smsreg::rules {

// Thread-safe once built: the first get() compiles (std::call_once) and
// every later one reads the same RE2. Construction and moves belong to the
// single thread that builds the content data, before any get().
class LazyRegex {
 public:
  LazyRegex() = default;
  LazyRegex(std::string pattern, const RE2::Options& options) : pattern_(std::move(pattern)), options_(options) {}
  // Moves only before the first get(), while the data is being built.
  LazyRegex(LazyRegex&& other) noexcept
      : pattern_(std::move(other.pattern_)),
        options_(other.options_),
        phraseMember_(other.phraseMember_),
        phraseExact_(other.phraseExact_) {}
  LazyRegex& operator=(LazyRegex&& other) noexcept {
    pattern_ = std::move(other.pattern_);
    options_ = other.options_;
    phraseMember_ = other.phraseMember_;
    phraseExact_ = other.phraseExact_;
    return *this;
  }
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  const std::string& pattern() const { return pattern_; }
  const RE2::Options& options() const { return options_; }

  // Where the phrase set (ContentData::phraseSet) holds the pattern, or -1:
  // kept here so a rule's question needs no lookup. `exact` is false when
  // the set holds a wider form of it. Set while the data is being built.
  int phraseMember() const { return phraseMember_; }
  bool phraseExact() const { return phraseExact_; }
  void setPhraseMember(int member, bool exact) {
    phraseMember_ = member;
    phraseExact_ = exact;
  }

  const RE2& get() const {
    std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, options_); });
    return *re_;
  }
  const RE2& operator*() const { return get(); }
  const RE2* operator->() const { return &get(); }

 private:
  std::string pattern_;
  RE2::Options options_;
  int phraseMember_ = -1;
  bool phraseExact_ = true;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_LAZY_REGEX_HPP
