// General draft-07 JSON Schema checking: a user schema compiled once, any
// number of instances checked against it (`smsreg check`, INTERFACE section 4).
#ifndef SMSREG_SCHEMA_CHECK_HPP
#define SMSREG_SCHEMA_CHECK_HPP

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smsreg/export.h"
#include "smsreg/options.hpp"

namespace smsreg {

struct SchemaCheckOptions {
  // Bounds on every instance (and on the schema and remote documents).
  Limits limits;
  // Folder serving remote $refs: the path of an http(s) URI is looked up
  // under it, so http://localhost:1234/folder/x.json → remotesDir/folder/x.json.
  // Nothing is ever fetched over the network.
  std::string remotesDir;
  // Remote documents by URI (without fragment) → JSON text; consulted before
  // remotesDir.
  std::map<std::string, std::string> remotes;
};

// One reason an instance fails. `code` is SCHEMA_<KEYWORD> (SCHEMA_TYPE,
// SCHEMA_PATTERN, SCHEMA_ADDITIONAL_PROPERTIES, …) for a schema keyword, or an
// INPUT_* code when the instance itself could not be read.
struct SchemaError {
  std::string instanceLocation;  // JSON Pointer into the instance
  std::string keywordLocation;   // JSON Pointer into the schema ("" for INPUT_*)
  std::string code;
  std::string message;
};

struct SchemaCheckResult {
  bool valid = false;
  std::vector<SchemaError> errors;

  // {"source"?, "valid", "errors": [{instanceLocation, keywordLocation, code,
  // message}]} on one line; "source" only when not empty.
  SMSREG_API std::string toJson(const std::string& source = "") const;
  // "SOURCE: valid" or "SOURCE: invalid (N errors)" and one line an error.
  SMSREG_API std::string toText(const std::string& source) const;
};

// Compiles a draft-07 schema once. Building can fail (malformed JSON, a
// pattern RE2 cannot run, an unresolvable $ref): check ok() and error(),
// which names the schema location.
//
// Thread safety: check() is const and may be called from any number of
// threads at once on one SchemaChecker. It never throws and never crashes:
// malformed or oversized input gives an invalid result with one INPUT_* error.
class SMSREG_API SchemaChecker {
 public:
  explicit SchemaChecker(std::string_view schemaJson, const SchemaCheckOptions& options = {});
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  bool ok() const;
  const std::string& error() const;  // why building failed; "" when ok()

  SchemaCheckResult check(std::string_view instanceJson) const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace smsreg

#endif  // SMSREG_SCHEMA_CHECK_HPP
