// The schema stage of registration validation: absent values normalized,
// unknown keys found, and valijson's (and smsreg's own keywords') failures
// turned into findings with fixed codes, the field's pointer and a message
// that says how to fix it.
#ifndef SMSREG_REGISTRATION_SCHEMA_FINDINGS_HPP
#define SMSREG_REGISTRATION_SCHEMA_FINDINGS_HPP

#include <nlohmann/json.hpp>
#include <vector>

#include "registration/field_catalogue.hpp"
#include "schema/compiled_schema.hpp"
#include "smsreg/report.hpp"

namespace smsreg::registration {

// "null means absent", and HTML forms send "" for an empty input: null
// members, and blank strings where the schema expects a string, are removed
// so that a required one is reported FIELD_REQUIRED at its own pointer.
void normalizeAbsent(nlohmann::json& document, const FieldCatalogue& catalogue);

// Lists longer than their maxItems are reported FIELD_TOO_LONG here and cut
// to maxItems, so that a 1 MiB list of a million bad items costs a bounded
// number of findings instead of one each (memory and output stay small).
void truncateLongLists(nlohmann::json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors);

// Unknown members reported one by one per object; past this many, one
// summary FIELD_UNKNOWN at the object counts the rest (params.omitted).
inline constexpr std::size_t kMaxUnknownPerObject = 100;

// Every member of a closed object the schema does not name (valijson 1.0
// reports only the first), with the closest known name as suggestion, up to
// kMaxUnknownPerObject per object.
void findUnknownKeys(const nlohmann::json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors);

// Translates raw schema errors. FIELD_UNKNOWN is left to findUnknownKeys.
void translateSchemaErrors(const std::vector<schema::RawError>& raw, const nlohmann::json& document,
                           const FieldCatalogue& catalogue, std::vector<Finding>& errors);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_SCHEMA_FINDINGS_HPP
