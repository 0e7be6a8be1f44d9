// What the rules learn about one text, worked out the first time a rule asks
// and kept for the rest of the document: the same sample is scanned for
// links by four rules and for phrases by five. One validate call owns the
// memo (through its RuleContext), so no other thread ever sees it.
#ifndef SMSREG_RULES_TEXT_MEMO_HPP
#define SMSREG_RULES_TEXT_MEMO_HPP

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
  // Which patterns of each of ContentData::phraseSets match the text;
  // `failed` when the set could not answer (then each pattern runs alone).
  struct SetHits {
    bool known = false, failed = false;
    std::vector<bool> hits;
  };
  std::vector<SetHits> phrases;
};

class TextMemo {
 public:
  // The facts of `text`, found by its content (a document has a dozen texts).
  TextFacts& facts(const std::string& text) {
    for (TextFacts& f : texts_) {
      if (f.text == text) return f;
    }
    texts_.emplace_back();
    texts_.back().text = text;
    return texts_.back();
  }

 private:
  std::deque<TextFacts> texts_;  // references stay valid as texts are added
};

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_TEXT_MEMO_HPP
