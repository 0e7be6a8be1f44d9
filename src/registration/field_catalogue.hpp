// What the registration schema says about each field, looked up by the
// instance pointer of a finding (array indices as "*"), so messages can name
// the field, its limits and its allowed values.
#ifndef SMSREG_REGISTRATION_FIELD_CATALOGUE_HPP
#define SMSREG_REGISTRATION_FIELD_CATALOGUE_HPP

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/name_table.hpp"

namespace smsreg::registration {

struct FieldInfo {
  std::string title;                          // "Support phone number"
  std::string type;                           // "string", "boolean", "array", "object", or "" when several
  std::vector<std::string> types;             // every type the field accepts
  std::vector<std::string> allowed;           // enum values
  std::vector<std::string> foldedAllowed;     // each as closest() compares it
  std::string hint;                           // x-smsreg-hint: how to write the value
  std::vector<std::string> properties;        // known member names, for objects
  std::vector<std::string> foldedProperties;  // each as closest() compares it
  schema::NameTable propertyIndex;            // the same, looked up by name
  bool closed = false;                        // additionalProperties: false
  long long maxItems = -1;                    // arrays: -1 when unbounded
};

class FieldCatalogue {
 public:
  // Walks `schema` (the registration schema as written, before rewriting).
  explicit FieldCatalogue(const nlohmann::json& schema);

  // The field at `pointer` ("/brand/ein", "/phoneNumbers/3"), or null.
  const FieldInfo* find(const std::string& pointer) const;

 private:
  void walk(const nlohmann::json& root, const nlohmann::json& node, const std::string& key, int depth);
  std::map<std::string, FieldInfo> fields_;
};

// "/phoneNumbers/3" → "/phoneNumbers/*": indices become "*".
std::string wildcardIndices(const std::string& pointer);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_FIELD_CATALOGUE_HPP
