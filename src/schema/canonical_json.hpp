// A canonical text of a JSON value seen through valijson's adapter, equal for
// values JSON Schema calls equal (1 and 1.0; objects in any key order), so
// uniqueItems is one hash lookup per item instead of a pairwise comparison.
#ifndef SMSREG_SCHEMA_CANONICAL_JSON_HPP
#define SMSREG_SCHEMA_CANONICAL_JSON_HPP

#include <string>
#include <valijson/internal/adapter.hpp>

namespace smsreg::schema {

std::string canonicalJson(const valijson::adapters::Adapter& value);

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_CANONICAL_JSON_HPP
