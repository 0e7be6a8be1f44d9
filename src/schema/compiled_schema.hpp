// A draft-07 JSON Schema compiled once for valijson, with every keyword that
// would reach std::regex (or valijson 1.0's other traps) evaluated by smsreg.
#ifndef SMSREG_SCHEMA_COMPILED_SCHEMA_HPP
#define SMSREG_SCHEMA_COMPILED_SCHEMA_HPP

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/keyword_table.hpp"

namespace smsreg::schema {

// One failure as the schema stage sees it, before it becomes a finding.
struct RawError {
  std::string instanceLocation;       // JSON Pointer into the instance
  const KeywordSpec* spec = nullptr;  // set when smsreg's own keyword failed
  std::string detail;                 // spec: extra value (a property name); valijson: its description
  // JSON Pointer of the failing keyword when smsreg evaluated it ("" when
  // valijson did). Also set for "type" (integer) and "multipleOf", which
  // smsreg evaluates but reports with valijson's description and no spec.
  std::string keywordLocation;
};

// Returns the document for a remote $ref URI (without fragment), or false.
using RemoteLoader = std::function<bool(const std::string& uri, nlohmann::json& document)>;

// One document of a schema that spans several (the root first, then every
// document its $refs reach), with every $ref already rewritten to
// "#/x-smsreg-documents/<index>/<pointer>" (see compileDocuments).
struct SchemaDocument {
  nlohmann::json document;
  std::string base;  // prefix of its keywordLocations: "" for the root, "URI#" for the others
};

// Where compileDocuments places the documents inside the one valijson parses.
inline constexpr const char* kDocumentsKey = "x-smsreg-documents";

class CompiledSchema {
 public:
  // Compiles `document`. On failure returns null and says why in `error`,
  // naming the schema location. Never throws.
  static std::unique_ptr<CompiledSchema> compile(const nlohmann::json& document, std::string& error,
                                                 const RemoteLoader& remotes = nullptr);
  // Compiles a schema whose $refs were resolved by the caller into one
  // document valijson parses: {"$ref": "#/x-smsreg-documents/0",
  // "x-smsreg-documents": [documents…]}. valijson 1.0 then never resolves a
  // URI or fetches anything. Never throws.
  static std::unique_ptr<CompiledSchema> compileDocuments(std::vector<SchemaDocument> documents, std::string& error);
  ~CompiledSchema();

  // Validates `instance` (depth already bounded by the parser). With `errors`
  // null it stops at the first failure. Thread-safe: const, no shared state.
  bool validate(const nlohmann::json& instance, std::vector<RawError>* errors) const noexcept;

  const std::vector<KeywordSpec>& keywords() const;

 private:
  CompiledSchema();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_COMPILED_SCHEMA_HPP
