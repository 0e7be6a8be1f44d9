// What the registration schema says about each field, looked up by the
// instance pointer of a finding (array indices as "*"), so messages can name
// the field, its limits and its allowed values.
#ifndef SMSREG_REGISTRATION_FIELD_CATALOGUE_HPP
#define SMSREG_REGISTRATION_FIELD_CATALOGUE_HPP

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
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
  // The submission's objects only (part()): find() of each property's
  // pointer, by its index, so a pass over their members builds no pointer.
  std::vector<const FieldInfo*> propertyInfo;
  bool closed = false;      // additionalProperties: false
  long long maxItems = -1;  // arrays: -1 when unbounded
};

class FieldCatalogue {
 public:
  // Walks `schema` (the registration schema as written, before rewriting).
  explicit FieldCatalogue(const nlohmann::json& schema);

  FieldCatalogue(const FieldCatalogue&) = delete;  // parts_ points into fields_
  FieldCatalogue& operator=(const FieldCatalogue&) = delete;
  FieldCatalogue(FieldCatalogue&&) = default;  // nodes, and so parts_, stay put
  FieldCatalogue& operator=(FieldCatalogue&&) = default;

  // The field at `pointer` ("/brand/ein", "/phoneNumbers/3"), or null.
  const FieldInfo* find(const std::string& pointer) const;

  // find(""), find("/brand"), find("/campaign"): every document asks for
  // the submission's objects, so they are found once.
  enum Part { kSubmission, kBrand, kCampaign };
  const FieldInfo* part(Part part) const { return parts_[part]; }

 private:
  void walk(const nlohmann::json& root, const nlohmann::json& node, const std::string& key, int depth);
  // Hashed: every finding asks for its field, and a tree of string keys
  // costs a compare a level.
  std::unordered_map<std::string, FieldInfo> fields_;
  std::array<const FieldInfo*, 3> parts_{};
};

// "/phoneNumbers/3" → "/phoneNumbers/*": indices become "*".
std::string wildcardIndices(const std::string& pointer);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_FIELD_CATALOGUE_HPP
