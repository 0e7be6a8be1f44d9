// Renames the keywords smsreg evaluates itself out of a schema document, so
// valijson 1.0 never sees them, and records each in a KeywordSpec table.
#ifndef SMSREG_SCHEMA_KEYWORD_REWRITE_HPP
#define SMSREG_SCHEMA_KEYWORD_REWRITE_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/keyword_table.hpp"

namespace smsreg::schema {

// The keyword valijson is given instead: an array of indices into the table.
inline constexpr const char* kOwnKeyword = "x-smsreg-keywords";

// Rewrites `document` in place. Walks schema positions only (the values of
// properties/definitions maps are schemas, their keys are names; enum, const,
// default and examples are data). Patterns are compiled here, so a pattern
// RE2 cannot run fails now, with its location in `error`. `base` prefixes
// every keywordLocation (a remote document's URI, or ""). `placement` says
// where `document` sits for valijson: "#" + the JSON Pointer of `document`
// inside the document valijson parses ("#" when it is that document), or
// "URI#" for a remote valijson fetches; subschemas smsreg parses on its own
// (patternProperties) are found there.
bool rewriteKeywords(nlohmann::json& document, std::vector<KeywordSpec>& table, std::string& error,
                     const std::string& base = "", const std::string& placement = "#");

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_KEYWORD_REWRITE_HPP
