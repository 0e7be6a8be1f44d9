// The word lists and phrase patterns of schemas/data/content.json, compiled
// once into RE2 (case-insensitive, whole words).
#ifndef SMSREG_RULES_CONTENT_DATA_HPP
#define SMSREG_RULES_CONTENT_DATA_HPP

#include <re2/re2.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace smsreg::rules {

// One category of words, e.g. "alcohol", matched as a whole word or phrase.
struct WordCategory {
  std::string name;
  std::unique_ptr<RE2> regex;  // submatch 1 is the word found
};

struct ContentData {
  std::vector<WordCategory> prohibited;
  std::vector<WordCategory> disallowed;
  // Every word of a group in one regex: one pass says whether any category
  // can match, so clean text (nearly all of it) costs one scan, not twenty.
  std::unique_ptr<RE2> anyProhibited, anyDisallowed;
  std::unique_ptr<RE2> lending, ageGated;
  std::unique_ptr<RE2> optOut, help, frequency, rates, privacy, smsWord, optInMethod, consentAsCondition,
      optOutConfirmation, link, phone, email;
  std::set<std::string> nonEnglishWords, englishWords;
};

// Compiled on first use; null (with `error`) when the embedded data is broken,
// which the tests catch.
const ContentData* contentData(std::string* error = nullptr);

// The first whole-word match of `re` in `text` (submatch 1), or "".
std::string findWord(const RE2& re, const std::string& text);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_CONTENT_DATA_HPP
