// The rules' text scans take shortcuts (plain ASCII is not folded, a text is
// squashed a block at a time and the search stops at the first name, only
// the pieces utf8proc maps are compared): each must answer as the plain
// definition does, whatever byte sits wherever.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "rules/text_match.hpp"
#include "rules/unicode_text.hpp"
#include "utf8proc_whole.hpp"

namespace rules = smsreg::rules;

namespace {

// squash as text_match.hpp defines it, over text already folded.
std::string squashed(const std::string& folded) {
  std::string out;
  for (char c : folded) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 'A' && b <= 'Z') {
      out += static_cast<char>(b - 'A' + 'a');
    } else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80) {
      out += c;
    }
  }
  return out;
}

bool containsByDefinition(const std::string& text, const std::vector<std::string>& names) {
  const std::string haystack = squashed(rules::foldText(text));
  for (const std::string& name : names) {
    if (haystack.find(name) != std::string::npos) return true;
  }
  return false;
}

// Bytes foldText may change or drop, characters that join the one before,
// expand, or are not UTF-8, and plain ones for contrast.
const std::vector<std::string> kSpecials = {"",       "\u0301", "\u0327", "\u200B", "\u00AD", std::string("\0", 1),
                                            "\x01",   "\x1F",   "\t",     "\n",     "\x7F",   "\xC3",
                                            "\xFF",   "\x85",   "\u00E9", "\u00C9", "\u00DF", "\u2713",
                                            "\uFF33", "\u00A0", "\u201C", " ",      "-",      "S"};

}  // namespace

// Plain runs are found eight bytes a step: a byte that is not plain at any
// offset of the word, in texts of any length, must still be seen (upper case
// around it, so a text left as written because it is not UTF-8 differs from
// one folded).
TEST_CASE("foldText and normalizeText whatever byte sits wherever", "[shortcut][unicode]") {
  for (const std::string& special : kSpecials) {
    for (std::size_t length = 0; length <= 40; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        const std::string text = std::string(at, 'A') + special + std::string(length - at, 'B');
        INFO("special " << static_cast<int>(static_cast<unsigned char>(special.empty() ? 0 : special[0])) << " at "
                        << at << " of " << length);
        REQUIRE(rules::foldText(text) == utf8procWhole(text, true));
        REQUIRE(rules::normalizeText(text) == utf8procWhole(text, false));
      }
    }
  }
}

TEST_CASE("squashFold is squash of foldText, whatever byte sits wherever", "[shortcut][brand]") {
  const std::string base = "Keystone Tutors: Cafe visit STRASSE 42 at Brightside";
  for (const std::string& special : kSpecials) {
    for (std::size_t at = 0; at <= base.size(); ++at) {
      const std::string text = base.substr(0, at) + special + base.substr(at);
      INFO("special " << static_cast<int>(static_cast<unsigned char>(special.empty() ? 0 : special[0])) << " at "
                      << at);
      REQUIRE(rules::squashFold(text) == squashed(rules::foldText(text)));
    }
  }
}

// A name anywhere (across the boundaries of the blocks the text is squashed
// in), with a byte that needs folding before, inside, right after or far
// from it: a combining mark right after a name's last letter changes that
// letter, so the name is not there.
TEST_CASE("containsSquashed answers as squashing the whole folded text does", "[shortcut][brand]") {
  std::vector<std::string> names;
  for (const char* name : {"Cafe", "Keystone Tutors", "ETE", "\u00C9t\u00E9", "Stra\u00DFe"}) {
    names.push_back(rules::squashFold(name));
  }
  const std::string filler =
      "ab, cd ef-gh ij kl mn op qr st uv wx yz 01 23 45 67 89 ab cd ef gh ij kl mn op qr st uv "
      "wx yz 01 23 45 67 89 ab cd ef gh ij kl mn op qr";
  const std::string placed[] = {"cafe", "Keystone  Tutors", "E T E", "\u00C9t\u00E9", "STRASSE", "Caf"};
  std::size_t checked = 0, found = 0;
  for (const std::string& name : placed) {
    for (std::size_t where = 0; where <= filler.size(); where += 3) {
      const std::string text = filler.substr(0, where) + name + filler.substr(where);
      for (const std::string& special : kSpecials) {
        for (std::size_t at = 0; at <= text.size(); at += (at + 8 > where && at < where + name.size() + 8) ? 1 : 5) {
          const std::string mixed = text.substr(0, at) + special + text.substr(at);
          const bool expected = containsByDefinition(mixed, names);
          INFO(mixed);
          REQUIRE(rules::containsSquashed(mixed, names) == expected);
          ++checked;
          found += expected;
        }
      }
    }
  }
  // Both answers were given many times (the test would prove little otherwise).
  CHECK(found > checked / 10);
  CHECK(checked - found > checked / 10);
  CHECK_FALSE(rules::containsSquashed("Keystone Tutors", {}));
  CHECK_FALSE(rules::containsSquashed("", names));
  CHECK(rules::containsSquashed("", {""}));
  CHECK(rules::containsSquashed(". -", {"zz", ""}));
}

// Random mixes of the same bytes and characters, short and long, against
// short names that they often hold.
TEST_CASE("containsSquashed over random mixes of bytes", "[shortcut][brand]") {
  const std::vector<std::string> names = {rules::squashFold("ab"), rules::squashFold("e\u0301a"),
                                          rules::squashFold("zzz")};
  const std::string palette[] = {"a", "b",      "A",      "B",      "e",    "z",    "Z", " ",
                                 ".", "\u0301", "\u00E9", "\u200B", "\x01", "\xC3", "\t"};
  std::uint32_t seed = 777;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const unsigned length = next() % (round % 10 == 0 ? 300 : 40);
    for (unsigned k = 0; k < length; ++k) text += palette[next() % (sizeof palette / sizeof palette[0])];
    INFO(text);
    REQUIRE(rules::containsSquashed(text, names) == containsByDefinition(text, names));
  }
}

// normalizedDocument decides whether normalising changes a string by mapping
// only its pieces of other characters: it must hand back the document itself
// exactly when normalizeText gives each string back unchanged.
TEST_CASE("normalizedDocument copies exactly when normalising changes a string", "[shortcut][unicode]") {
  const std::string palette[] = {"a",      "Z",      " ",      "\t",     "\u00E9", "\u00C9", "e",      "\u0301",
                                 "\u0327", "\u00A0", "\u200B", "\u201C", "\u2019", "\u2713", "\uFB01", "\u212B",
                                 "\u00DF", "\u1100", "\u1161", "\xC3",   "\xFF",   "\x01",   "\u00AB", "\uFF33"};
  std::uint32_t seed = 4242;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  std::size_t changed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const unsigned length = next() % 10;
    for (unsigned k = 0; k < length; ++k) text += palette[next() % (sizeof palette / sizeof palette[0])];
    const nlohmann::json document = {{"campaign", {{"description", text}, {"sample1", "plain"}}}};
    nlohmann::json copy;
    const bool copied = &rules::normalizedDocument(document, copy) != &document;
    INFO(text);
    REQUIRE(copied == (rules::normalizeText(text) != text));
    changed += copied;
  }
  CHECK(changed > 1000);
  CHECK(changed < 19000);
}

namespace {

// looksNonEnglish as first written: each word built as a string and looked
// up in languageWords.
bool looksNonEnglishByDefinition(const rules::ContentData& c, const std::string& text) {
  std::size_t ascii = 0, other = 0, english = 0, foreign = 0;
  std::string word;
  auto count = [&] {
    if (auto it = c.languageWords.find(word); !word.empty() && it != c.languageWords.end()) {
      english += (it->second & rules::ContentData::kEnglishWord) != 0;
      foreign += (it->second & rules::ContentData::kNonEnglishWord) != 0;
    }
    word.clear();
  };
  for (char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      ++ascii;
      word += static_cast<char>(b | 0x20);
    } else if (b == ' ' || b == '\n' || b == '\t') {
      count();
    } else if (b >= 0xC0) {
      ++other;
    }
  }
  count();
  if (ascii + other >= 20 && other * 10 > (ascii + other) * 3) return true;
  return foreign >= 3 && foreign > english * 2;
}

}  // namespace

// Words of up to eight letters are looked up packed into a number, longer
// ones as strings: over the shipped lists and over lists with long words,
// words in both lists and words no text word can match, random texts of
// list words in any case, split by hyphens, glued to punctuation, among
// other words and non-ASCII letters answer as the plain lookup does.
TEST_CASE("looksNonEnglish answers as looking up each word as a string", "[shortcut][language]") {
  const rules::ContentData* shipped = rules::contentData();
  REQUIRE(shipped != nullptr);
  rules::ContentData custom;
  custom.englishWords = {"the", "reply", "a", "abcdefgh", "abcdefghi", "notification", "both"};
  custom.nonEnglishWords = {"la",   "mensajes", "abcdefghij", "informaciones", "both", "\xC3\xA9t\xC3\xA9", "ab1",
                            "Vous", ""};
  rules::indexLanguageWords(custom);
  const std::string pool[] = {"the",
                              "The",
                              "REPLY",
                              "a",
                              "la",
                              "LA",
                              "mensajes",
                              "Mensajes",
                              "vous",
                              "para",
                              "abcdefgh",
                              "abcdefghi",
                              "abcdefghij",
                              "abc-defghij",
                              "ABCDEFGHIJ",
                              "Informaciones",
                              "abc\xC3\xA9"
                              "defghij",
                              "informaciones",
                              "notification",
                              "both",
                              "\xC3\xA9t\xC3\xA9",
                              "ab1",
                              "hello",
                              "opt-out",
                              "caf\xC3\xA9",
                              "\xE6\x97\xA5\xE6\x9C\xAC",
                              "\xE2\x9C\x93",
                              "x",
                              "gracias",
                              "les",
                              "avec"};
  const std::string gaps[] = {" ", " ", " ", "\n", "\t", ", ", ". ", "-", "  ", "!"};
  // Three of one word decide by that word alone (three foreign words and no
  // English one read as foreign), so each word's lookup shows.
  for (const std::string& word : pool) {
    for (const std::string& gap : gaps) {
      const std::string text = word + gap + word + gap + word;
      INFO(text);
      REQUIRE(rules::looksNonEnglish(*shipped, text) == looksNonEnglishByDefinition(*shipped, text));
      REQUIRE(rules::looksNonEnglish(custom, text) == looksNonEnglishByDefinition(custom, text));
    }
  }
  std::uint32_t seed = 99;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  std::size_t yes[2] = {0, 0};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const unsigned words = next() % 14;
    for (unsigned k = 0; k < words; ++k) {
      text += pool[next() % (sizeof pool / sizeof pool[0])];
      text += gaps[next() % (sizeof gaps / sizeof gaps[0])];
    }
    if (next() % 2 == 0 && !text.empty()) text.pop_back();
    INFO(text);
    const rules::ContentData* lists[2] = {shipped, &custom};
    for (int l = 0; l < 2; ++l) {
      const bool expected = looksNonEnglishByDefinition(*lists[l], text);
      REQUIRE(rules::looksNonEnglish(*lists[l], text) == expected);
      yes[l] += expected;
    }
  }
  CHECK(yes[0] > 1000);
  CHECK(yes[0] < 19000);
  CHECK(yes[1] > 1000);
  CHECK(yes[1] < 19000);
}
