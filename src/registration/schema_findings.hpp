// The schema stage of registration validation: absent values normalized,
// unknown keys found, and valijson's (and smsreg's own keywords') failures
// turned into findings with fixed codes, the field's pointer and a message
// that says how to fix it.
#ifndef SMSREG_REGISTRATION_SCHEMA_FINDINGS_HPP
#define SMSREG_REGISTRATION_SCHEMA_FINDINGS_HPP

#include <array>
#include <nlohmann/json.hpp>
#include <vector>

#include "registration/field_catalogue.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_evaluator.hpp"
#include "smsreg/report.hpp"

namespace smsreg::registration {

// Unknown members reported one by one per object; past this many, one
// summary FIELD_UNKNOWN at the object counts the rest (params.omitted).
inline constexpr std::size_t kMaxUnknownPerObject = 100;

// One pass over the submission, its brand and its campaign before the schema
// stage (each was a pass of its own, and three walks of the same members
// cost more than the work):
// - "null means absent", and HTML forms send "" for an empty input: null
//   members, and blank strings where the schema expects a string, are removed
//   so that a required one is reported FIELD_REQUIRED at its own pointer.
// - Lists longer than their maxItems are reported FIELD_TOO_LONG in `errors`
//   and cut to maxItems, so that a 1 MiB list of a million bad items costs a
//   bounded number of findings instead of one each.
// - Every remaining member of a closed object the schema does not name
//   (valijson 1.0 reports only the first) goes to `unknownKeys` as
//   FIELD_UNKNOWN with the closest known name as suggestion, up to
//   kMaxUnknownPerObject per object. The caller adds them after the schema's
//   findings, where they have always been.
void prepareSubmission(nlohmann::json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors,
                       std::vector<Finding>& unknownKeys);

// What the pass below saw of the brand and the campaign: each member it kept,
// at its index in the part's FieldInfo::propertyIndex (null where there is
// none). The pass looks every member up there anyway, so the rules' index of
// the same members (rules/member_index.hpp) is had without a walk of its own.
struct KeptMembers {
  static constexpr std::size_t kMaxNames = 64;
  // brand, campaign: null when the part is not an object, or names more
  // than kMaxNames properties.
  const schema::NameTable* names[2] = {nullptr, nullptr};
  std::array<const nlohmann::json*, kMaxNames> byId[2];
  // Every member kept, in the object's order, each with its index in
  // names[part] (for the schema evaluator, schema::WalkedObject); listed
  // only up to kMaxMembers, past which count says kMaxMembers + 1.
  static constexpr std::size_t kMaxMembers = 64;
  const nlohmann::json* objects[2] = {nullptr, nullptr};
  std::array<schema::WalkedMember, kMaxMembers> members[2];
  std::size_t count[2] = {0, 0};
  // A keyword list was tidied into text that is not plain ASCII: the only
  // string these steps put into a submission that its parse did not read
  // (Validator::Impl::run then walks the tree before the rules).
  bool wroteNonPlain = false;
};

// prepareSubmission, and in the same pass tidyKeywordLists (tidy.hpp), and
// the brand's and the campaign's members recorded in `kept`. Nothing else
// may change the document's objects while `kept` is read.
void prepareSubmission(nlohmann::json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors,
                       std::vector<Finding>& unknownKeys, KeptMembers& kept);

// Translates raw schema errors. FIELD_UNKNOWN is left to prepareSubmission.
void translateSchemaErrors(const std::vector<schema::RawError>& raw, const nlohmann::json& document,
                           const FieldCatalogue& catalogue, std::vector<Finding>& errors);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_SCHEMA_FINDINGS_HPP
