// Text as people paste it, made comparable before any rule matches it:
// Unicode NFKC (decomposed accents composed, fullwidth letters and other
// compatibility forms folded), every kind of space as a plain space,
// zero-width and other default-ignorable characters dropped, smart quotes
// and dashes as their ASCII forms. Done with utf8proc, a library made for it.
// Rules match the normalised text; messages quote the user's own words.
#ifndef SMSREG_RULES_UNICODE_TEXT_HPP
#define SMSREG_RULES_UNICODE_TEXT_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace smsreg::rules {

// The normalised form of `text`; `text` itself when it is not valid UTF-8
// (the parser refuses such input, so this only guards direct callers).
std::string normalizeText(std::string_view text);
// normalizeText, then Unicode case folding: for rules about words and names.
std::string foldText(std::string_view text);
// foldText(text) written over `out`, whose memory is reused: for callers
// folding many texts into one buffer.
void foldTextInto(std::string_view text, std::string& out);
// Every string value of `document` (not its keys) normalised in place.
void normalizeStrings(nlohmann::json& document);
// What the rules read: `document` itself when normalising changes none of
// its strings (nearly always: an accent written composed stays as it is),
// else a normalised copy of it, kept in `copy`.
const nlohmann::json& normalizedDocument(const nlohmann::json& document, nlohmann::json& copy);
// normalizeText(text) != text for one of `texts`. With the strings of a
// document that are not plain ASCII (the parse lists them, NonPlainStrings
// in input/fast_json.hpp), this answers for the whole document without
// walking it: plain text never changes.
bool normalizingChangesAny(const std::vector<std::string_view>& texts);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_UNICODE_TEXT_HPP
