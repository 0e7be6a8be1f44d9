// The rules' text scans take shortcuts (plain runs found eight bytes a step,
// only the pieces utf8proc maps compared): each must answer as the plain
// definition does, whatever byte sits wherever.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "rules/unicode_text.hpp"

namespace rules = smsreg::rules;

namespace {

// Bytes foldText may change or drop, characters that join the one before,
// expand, or are not UTF-8, and plain ones for contrast.
const std::vector<std::string> kSpecials = {"",       "\u0301", "\u0327", "\u200B", "\u00AD", std::string("\0", 1),
                                            "\x01",   "\x1F",   "\t",     "\n",     "\x7F",   "\xC3",
                                            "\xFF",   "\x85",   "\u00E9", "\u00C9", "\u00DF", "\u2713",
                                            "\uFF33", "\u00A0", "\u201C", " ",      "-",      "S"};

// What utf8proc makes of the whole text (with the double quotes it leaves).
std::string mappedWhole(const std::string& text, bool casefold) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_IGNORE;
  if (casefold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(options));
  if (n < 0 || out == nullptr) {
    std::free(out);
    return text;
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  for (const char* quote : {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"}) {
    for (std::size_t at = result.find(quote); at != std::string::npos; at = result.find(quote, at)) {
      result.replace(at, std::string(quote).size(), "\"");
    }
  }
  return result;
}

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
        REQUIRE(rules::foldText(text) == mappedWhole(text, true));
        REQUIRE(rules::normalizeText(text) == mappedWhole(text, false));
      }
    }
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
