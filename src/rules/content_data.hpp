// The word lists and phrase patterns of schemas/data/content.json, compiled
// once into RE2 (case-insensitive, whole words).
#ifndef SMSREG_RULES_CONTENT_DATA_HPP
#define SMSREG_RULES_CONTENT_DATA_HPP

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/lazy_regex.hpp"

namespace smsreg::rules {

// One category of words, e.g. "alcohol", matched as a whole word or phrase.
struct WordCategory {
  std::string name;
  LazyRegex regex;  // submatch 1 is the word found
};

// A kind of message (data/usecases.json) and the use cases that cover it.
struct SampleClass {
  std::string name;
  LazyRegex regex;
  std::set<std::string> covered, mismatch;
};

struct ContentData {
  std::vector<WordCategory> prohibited;
  std::vector<WordCategory> disallowed;
  // Every word of a group in one regex: one pass says whether any category
  // can match, so clean text (nearly all of it) costs one scan, not twenty.
  LazyRegex anyProhibited, anyDisallowed;
  LazyRegex lending, ageGated;
  // No word of `lending` or `ageGated` holds a line break, so each matches
  // texts joined by "\n" exactly when it matches one of them: "\n" is a
  // word boundary as the ends of each text are.
  bool wordsStayInLine = false;
  LazyRegex optOut, help, frequency, rates, privacy, smsWord, optInMethod, consentAsCondition, optOutConfirmation, link,
      phone, email, linkPlaceholder, phonePlaceholder, brandPlaceholder, senderNamed;
  // Every match of `email` holds an "@": a literal "@" at the top level of
  // its pattern, outside any group, class or alternation and not optional.
  bool emailNeedsAt = false;
  // Every match of `email` starts with a run of [A-Za-z0-9._%+-] (or, the
  // pattern being caseless, non-ASCII letters folding to one) that ends at
  // its first "@": kCheckedEmailPattern, as linkNeedsDot.
  bool emailLocalPartFirst = false;
  // Every match of `link` holds "://" or a "." before a letter, digit or "-":
  // checked by hand for kCheckedLinkPattern, so set only while content.json
  // still holds that pattern.
  bool linkNeedsDot = false;
  // Every match of `phone` holds three ASCII digits or more: checked by hand
  // for kCheckedPhonePattern, as linkNeedsDot.
  bool phoneNeedsDigits = false;
  std::set<std::string> nonEnglishWords, englishWords, genericNameWords;
  // The two lists above in one hash lookup a word (looksNonEnglish reads
  // every word of every text): kEnglishWord and/or kNonEnglishWord.
  static constexpr int kEnglishWord = 1, kNonEnglishWord = 2;
  std::unordered_map<std::string, int> languageWords;
  // The longest of languageWords: a longer word needs no lookup.
  std::size_t languageWordMaxLength = 0;
  // The words of languageWords of one to eight letters a-z (all a word of a
  // text can match that short), each packed into a number (packWordLetter),
  // in an open-addressed table of 2^(64 - packedWordShift) slots, key 0 for
  // none: looksNonEnglish looks such a word up without hashing a string.
  std::vector<std::pair<std::uint64_t, int>> packedWords;
  int packedWordShift = 63;
  // The kind bits of the packed word `key`, 0 when it is none of them.
  int packedWordKind(std::uint64_t key) const {
    if (packedWords.empty()) return 0;  // not indexed (indexLanguageWords)
    const std::size_t mask = packedWords.size() - 1;
    for (std::size_t i = packedWordSlot(key);; i = (i + 1) & mask) {
      if (packedWords[i].first == key) return packedWords[i].second;
      if (packedWords[i].first == 0) return 0;
    }
  }
  std::size_t packedWordSlot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15u) >> packedWordShift);
  }
  // "session texts", "delivery alerts": a flow names the kind of messages
  // when the word before is not one of kindStopWords ("recurring texts").
  LazyRegex messageKind, directLendingWords, stopWord;
  std::set<std::string> kindStopWords;
  // Third-party services brands link to (reviews, maps, payments, bookings).
  std::set<std::string> serviceDomains;
  // Every real top-level domain (data/tlds.json, from the Public Suffix List).
  std::set<std::string, std::less<>> tlds;  // looked up by string_view
  // data/usecases.json: sample classes, which use cases are checked, and
  // the words by which a description states a purpose.
  std::vector<SampleClass> classes;
  std::set<std::string> checkedUsecases, bySubUsecases;
  std::map<std::string, const SampleClass*> signatures;  // sub-use case -> the class a sample must show
  LazyRegex purpose;
  // Consent wording that rejections name (content.json).
  LazyRegex consentImplied, consentAtSignIn, consentExplicitAct, consentBundled, coldContact, optInWhere, verbalConsent,
      writtenConsent;
  // The case-insensitive patterns above in one RE2::Set, so one pass over a
  // text says which of its patterns match anywhere in it (matches() in
  // text_match.hpp). Each pattern knows its place (LazyRegex::phraseMember);
  // phrasePatterns lists them in that order. Null when the set could not be
  // built: each pattern then runs alone.
  std::unique_ptr<RE2::Set> phraseSet;
  std::vector<const LazyRegex*> phrasePatterns;
  // The case-insensitive patterns of rules/patterns.json, in the phrase set
  // too: the pattern rules ask of samples, which the set reads for other
  // rules anyway (checkPatterns). Never compiled alone.
  std::vector<LazyRegex> rulePhrases;
  // The one of rulePhrases written as `pattern` and in the phrase set, or null.
  const LazyRegex* rulePhrase(const std::string& pattern) const {
    for (const LazyRegex& re : rulePhrases) {
      if (re.pattern() == pattern && re.phraseMember() >= 0) return &re;
    }
    return nullptr;
  }
};

// A word of up to eight letters as one number: each letter appended as the
// low byte. No letter is 0, so words of different lengths differ.
constexpr std::uint64_t packWordLetter(std::uint64_t packed, char letter) {
  return packed << 8 | static_cast<unsigned char>(letter);
}

// languageWords, languageWordMaxLength and packedWords from englishWords and
// nonEnglishWords.
void indexLanguageWords(ContentData& d);

// A text reads as English unless most of its letters are outside ASCII or
// its common words (languageWords) are mostly Spanish or French ones
// (content_rules.cpp; here for its unit test).
bool looksNonEnglish(const ContentData& c, const std::string& text);

// Read on first use; null (with `error`) when the embedded data is broken.
// Each pattern compiles when first used (LazyRegex).
const ContentData* contentData(std::string* error = nullptr);

// Compiles every pattern of `data` now and returns the first that does not
// compile, as "name: RE2's error", or "": what the tests check, since a
// broken pattern would otherwise only show as a rule that never fires.
std::string compileAll(const ContentData& data);

// The first whole-word match of `re` in `text` (submatch 1), or "".
std::string findWord(const RE2& re, const std::string& text);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_CONTENT_DATA_HPP
