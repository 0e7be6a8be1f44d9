#include "check/valijson_errors.hpp"

#include <cctype>
#include <utility>

namespace smsreg::check {

std::string keywordOfDescription(const std::string& d) {
  auto starts = [&d](const char* prefix) { return d.rfind(prefix, 0) == 0; };
  // Ordered so that a longer prefix is tried before a shorter one it extends.
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"Failed to validate against any schemas allowed by anyOf", "anyOf"},
      {"Failed to validate against a conditional schema", "if"},
      {"Failed to match expected value set by 'const'", "const"},
      {"Failed to any values against subschema in 'contains'", "contains"},
      {"Failed to match against any enum values", "enum"},
      {"Array contains more items than allowed by items", "additionalItems"},
      {"Cannot validate item #", "additionalItems"},
      {"Expected number less than or equal to", "maximum"},
      {"Expected number less than", "exclusiveMaximum"},
      {"Expected number greater than or equal to", "minimum"},
      {"Expected number greater than", "exclusiveMinimum"},
      {"Array should contain no more than", "maxItems"},
      {"Array should contain no fewer than", "minItems"},
      {"String should be no more than", "maxLength"},
      {"String should be no fewer than", "minLength"},
      {"Object should have no more than", "maxProperties"},
      {"Object should have no fewer than", "minProperties"},
      {"Value could not be converted", "multipleOf"},
      {"Value should be a multiple of", "multipleOf"},
      {"Target should not validate against schema specified in 'not'", "not"},
      {"Failed to validate against any child schemas allowed by oneOf", "oneOf"},
      {"Failed to validate against exactly one child schema", "oneOf"},
      {"Failed to match regex specified by 'pattern'", "pattern"},
      {"Object contains a property that could not be validated", "additionalProperties"},
      {"Failed to validate against additional properties schema", "additionalProperties"},
      {"Failed to validate item #", "items"},
      {"Value type not permitted by 'type'", "type"},
      {"Target value and comparison value are not equal", "const"},
      {"Missing required property", "required"},
      {"Missing dependency", "dependencies"},
      {"Failed to validate against dependent schema", "dependencies"},
      {"Failed to validate against schema associated with pattern", "patternProperties"},
      {"Failed to validate against schema associated with property name", "properties"},
      {"Failed to validate against child schema #", "allOf"},
      {"String should be a valid", "format"},
  };
  for (const auto& [prefix, keyword] : kPrefixes) {
    if (starts(prefix)) return keyword;
  }
  if (d.find("violate uniqueness constraint") != std::string::npos) return "uniqueItems";
  return "";
}

std::string codeOfKeyword(const std::string& keyword) {
  if (keyword.empty()) return "SCHEMA_INVALID";
  std::string code = "SCHEMA_";
  for (char c : keyword) {
    if (std::isupper(static_cast<unsigned char>(c))) code += '_';
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return code;
}

}  // namespace smsreg::check
