// Plain-code answers for the `pattern`s and the email `format` the
// registration schema uses on almost every document (phone numbers, links,
// keyword lists, a country code, email addresses), so that RE2, which costs
// about a thousand instructions a call on short text, runs only for a value
// these do not accept.
//
// A shortcut only ever says "matches": it accepts nothing RE2 would reject,
// and anything it does not accept (a bad value, a byte outside printable
// ASCII) goes to RE2 as before. tests/unit/pattern_shortcut_test.cpp checks
// both against RE2.
#ifndef SMSREG_SCHEMA_PATTERN_SHORTCUT_HPP
#define SMSREG_SCHEMA_PATTERN_SHORTCUT_HPP

#include <string>
#include <string_view>

namespace smsreg::schema {

// True only when `text` matches the pattern (RE2::PartialMatch).
using PatternShortcut = bool (*)(std::string_view text);

// The shortcut for a `pattern` (its ECMA-262 source as the schema writes
// it), or null when it has none.
PatternShortcut patternShortcut(std::string_view source);

// True only when `text` is an email address as checkFormat's RE2 reads one.
bool surelyEmail(std::string_view text);

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_PATTERN_SHORTCUT_HPP
