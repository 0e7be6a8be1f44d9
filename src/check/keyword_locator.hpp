// Best-effort keywordLocation for the errors valijson 1.0 reports itself,
// which carry only an instance path and a description. The schema is walked
// along the instance path (properties, patternProperties, additionalProperties,
// items, additionalItems, following $refs); the keyword is looked up in the
// subschema reached and, failing that, in its allOf/anyOf/oneOf/if/then/else
// branches. Limits: see docs/check.md.
#ifndef SMSREG_CHECK_KEYWORD_LOCATOR_HPP
#define SMSREG_CHECK_KEYWORD_LOCATOR_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/compiled_schema.hpp"

namespace smsreg::check {

class KeywordLocator {
 public:
  // `documents`: the resolved documents before keyword rewriting, so
  // their $refs are "#/x-smsreg-documents/<index>/<pointer>".
  explicit KeywordLocator(std::vector<schema::SchemaDocument> documents);

  // The keywordLocation of `keyword` failing at `instanceLocation`.
  std::string locate(const std::string& instanceLocation, const std::string& keyword) const;

  // The value written at a keywordLocation `locate` returned, or null.
  const nlohmann::json* valueAt(const std::string& keywordLocation) const;

 private:
  struct Node {
    const nlohmann::json* schema;
    std::string location;  // keywordLocation of `schema`
  };
  Node follow(Node node) const;  // through $refs
  bool child(const Node& parent, const std::string& token, Node& out) const;

  std::vector<schema::SchemaDocument> documents_;
};

}  // namespace smsreg::check

#endif  // SMSREG_CHECK_KEYWORD_LOCATOR_HPP
