// The schema keywords smsreg evaluates itself instead of valijson 1.0.
//
// valijson 1.0 runs `pattern`, `patternProperties` and `format` through
// std::regex (stack overflow on long strings, exponential backtracking),
// counts `minLength`/`maxLength` with strlen (a leading \u0000 bypasses them)
// and compares every pair for `uniqueItems`. Before valijson parses a schema,
// these keywords are renamed away (keyword_rewrite.hpp) and recorded here,
// compiled once; one custom valijson constraint evaluates them by index.
#ifndef SMSREG_SCHEMA_KEYWORD_TABLE_HPP
#define SMSREG_SCHEMA_KEYWORD_TABLE_HPP

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace valijson {
class Schema;
}

namespace smsreg::schema {

struct KeywordSpec {
  enum class Kind {
    kPattern,
    kFormat,
    kMinLength,
    kMaxLength,
    kUniqueItems,
    kForbidden,
    kPatternProperties,     // members whose name matches a pattern, against its subschema
    kAdditionalProperties,  // (beside patternProperties) members no name or pattern claims
    kInteger,               // "type" with "integer" but not "number": 1.0 is an integer
    kMultipleOf,
    kAnyOf,  // anyOf and oneOf: branches evaluated with a memo of
    kOneOf,  // (branch, instance location), so shared $refs stay linear
  };
  Kind kind = Kind::kPattern;
  std::string keywordLocation;       // JSON Pointer of the keyword in its schema document
  std::string text;                  // pattern source or format name
  std::shared_ptr<const RE2> regex;  // kPattern
  std::uint64_t limit = 0;           // kMinLength, kMaxLength
  double divisor = 0;                // kMultipleOf
  std::vector<std::string> names;    // kForbidden; kAdditionalProperties: names `properties` claims

  // kPatternProperties (one entry a pattern), kAdditionalProperties (one
  // entry, and `regexes` the sibling patterns), kAnyOf and kOneOf (one entry
  // a branch). A subschema is either a
  // boolean (`constant` 0 or 1) or a JSON Pointer into the document valijson
  // parses (`constant` -1), parsed into its own valijson::Schema after the
  // main one, because a custom constraint cannot reach valijson's subschemas.
  std::vector<std::string> patterns;
  std::vector<std::shared_ptr<const RE2>> regexes;
  std::vector<int> constants;
  std::vector<std::string> subschemaPointers;
  std::vector<std::shared_ptr<const valijson::Schema>> subschemas;
};

// Compiles an ECMA-262 `pattern` for RE2. Translates the escapes RE2 spells
// differently (\uXXXX, [^]) and refuses what RE2 cannot run (lookaround,
// backreferences); `error` then says why.
std::shared_ptr<const RE2> compileSchemaPattern(const std::string& pattern, std::string& error);

// Code points in a UTF-8 string; NUL bytes count like any other character.
// Any bytes are counted the same way (every byte but 10xxxxxx starts one),
// valid UTF-8 or not.
std::size_t codePointCount(std::string_view s);
// As codePointCount, but may stop once the count reaches `enough`: the result
// is exact when below `enough`, else some count of at least `enough`. A
// length limit is decided by a prefix of a long text.
std::size_t codePointCount(std::string_view s, std::size_t enough);

// True when `value` (a string) satisfies the named draft-07 format. Formats
// smsreg does not know always pass, as the draft allows.
bool checkFormat(const std::string& format, const std::string& value);
// checkFormat for one format, chosen once: the name is not compared again
// for every value.
using FormatCheck = bool (*)(const std::string& value);
FormatCheck formatCheck(const std::string& format);

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_KEYWORD_TABLE_HPP
