// $id and $ref resolution for `smsreg check`, done before valijson sees the
// schema: valijson 1.0 ignores draft-07 "$id", keys its schema cache on
// pointers alone (two documents with the same pointer collide) and tests
// URIs with std::regex. Every document a schema reaches is loaded here,
// every $ref rewritten to "#/x-smsreg-documents/<index>/<pointer>", so
// valijson resolves nothing but local pointers into one document.
#ifndef SMSREG_CHECK_REF_RESOLVER_HPP
#define SMSREG_CHECK_REF_RESOLVER_HPP

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/compiled_schema.hpp"

namespace smsreg::check {

// Loads the document at an absolute URI (without fragment); false when there
// is none. `error` may say why (too large, not JSON).
using DocumentLoader = std::function<bool(const std::string& uri, nlohmann::json& document, std::string& error)>;

// The base URI of a root schema without "$id".
inline constexpr const char* kDefaultBaseUri = "http://smsreg.invalid/schema.json";

// Resolves `root` and everything it references into `documents` (the root
// first), ready for CompiledSchema::compileDocuments. False with `error`
// naming the $ref's location when a reference cannot be resolved.
bool resolveReferences(nlohmann::json root, const DocumentLoader& loader,
                       std::vector<schema::SchemaDocument>& documents, std::string& error);

}  // namespace smsreg::check

#endif  // SMSREG_CHECK_REF_RESOLVER_HPP
