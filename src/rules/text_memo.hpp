// What the rules learn about one text, worked out the first time a rule asks
// and kept for the rest of the document: the same sample is scanned for
// links by four rules and for phrases by five. One validate call owns the
// memo (through its RuleContext), so no other thread ever sees it.
#ifndef SMSREG_RULES_TEXT_MEMO_HPP
#define SMSREG_RULES_TEXT_MEMO_HPP

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace smsreg::rules {

struct Link {
  std::string text;        // as written
  std::string host;        // lowercase, without "www."
  bool secure = false;     // written with https://
  bool plainHttp = false;  // written with http://
};

struct TextFacts {
  std::string text;
  bool linksKnown = false;
  std::vector<Link> links;
  // What the phrase set (ContentData::phraseSet) says of the text:
  // kFailed when it could not answer (then each pattern runs alone), else
  // which patterns match, a bit each at TextMemo::bits(phraseBits).
  enum class Phrases : std::uint8_t { kUnknown, kKnown, kFailed };
  Phrases phrases = Phrases::kUnknown;
  std::size_t phraseBits = 0;
};

class TextMemo {
 public:
  // The facts of `text`, found by its content (a document has a dozen texts).
  // Rules mostly ask of one text several times in a row, so the text last
  // found is tried first.
  TextFacts& facts(const std::string& text) {
    if (last_ != nullptr && last_->text == text) return *last_;
    for (TextFacts& f : texts_) {
      if (f.text == text) return *(last_ = &f);
    }
    texts_.emplace_back();
    texts_.back().text = text;
    return *(last_ = &texts_.back());
  }

  // The facts of `text` when a rule has asked of it already, else null.
  const TextFacts* known(const std::string& text) const {
    if (last_ != nullptr && last_->text == text) return last_;
    for (const TextFacts& f : texts_) {
      if (f.text == text) return &f;
    }
    return nullptr;
  }
  const std::uint64_t* bits(std::size_t at) const { return bits_.data() + at; }

  // `words` zeroed 64-bit words for one text's bits, as an offset for
  // bits(): every text's bits in one buffer, so a text costs no allocation
  // of its own.
  std::size_t addBits(std::size_t words) {
    const std::size_t at = bits_.size();
    bits_.resize(at + words, 0);
    return at;
  }
  std::uint64_t* bits(std::size_t at) { return bits_.data() + at; }

  // Where RE2::Set::Match writes, kept for the next text.
  std::vector<int>& setHits() { return setHits_; }

 private:
  std::deque<TextFacts> texts_;  // references stay valid as texts are added
  TextFacts* last_ = nullptr;
  std::vector<std::uint64_t> bits_;
  std::vector<int> setHits_;
};

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_TEXT_MEMO_HPP
