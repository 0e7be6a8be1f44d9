// The registration schema compiled once into a tree of small checks over the
// nlohmann document, as ajv compiles a schema to code, instead of running it
// through valijson's generic adapter and visitors (issue 12).
//
// It implements only the keywords the registration schema uses, and gives
// exactly the RawErrors CompiledSchema::validate gives (valijson's order,
// pointers and wording, smsreg's own keywords with the same KeywordSpec), so
// everything after the schema stage is unchanged. A schema using anything
// else is declined at compile time and the caller keeps valijson.
// CompiledSchema stays the reference: tests/differential/schema_differential
// and fuzz/fuzz_differential compare the two.
#ifndef SMSREG_SCHEMA_SCHEMA_EVALUATOR_HPP
#define SMSREG_SCHEMA_SCHEMA_EVALUATOR_HPP

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/compiled_schema.hpp"
#include "schema/name_table.hpp"

namespace smsreg::schema {

// A member of an object the caller has walked already: its name, value and
// `name`, the index of its name in the caller's own name table (kMissing
// when that table does not hold it).
struct WalkedMember {
  const std::string* key;
  const nlohmann::json* value;
  std::uint32_t name;
};

// An object of the instance the caller has walked (prepareSubmission walks
// the brand and the campaign anyway): every member, in the object's order,
// and the lookup id here of each of the caller's names (lookupIds()). The
// evaluation reads these instead of walking and hashing the members again.
struct WalkedObject {
  const nlohmann::json* object = nullptr;
  const WalkedMember* members = nullptr;
  std::size_t count = 0;
  const std::uint32_t* ids = nullptr;
};

class SchemaEvaluator {
 public:
  // Compiles `document`, the same document `reference` was compiled from
  // (CompiledSchema::compile, local $refs only); smsreg's own keywords are
  // taken from reference.keywords(), so RawError::spec points into that table
  // and `reference` must outlive the evaluator. Returns null and says why in
  // `why` when the schema uses a keyword or form this evaluator does not
  // implement. Never throws.
  static std::unique_ptr<SchemaEvaluator> compile(const nlohmann::json& document, const CompiledSchema& reference,
                                                  std::string& why);
  ~SchemaEvaluator();
  SchemaEvaluator(const SchemaEvaluator&) = delete;
  SchemaEvaluator& operator=(const SchemaEvaluator&) = delete;

  // As CompiledSchema::validate. With `wrappers` false, the errors that only
  // say that a child failed ("Failed to validate …") and valijson's first
  // unknown member ("Object contains a property …") are left out: the schema
  // findings ignore both, and building them costs. Thread-safe: const, all
  // state per call.
  bool validate(const nlohmann::json& instance, std::vector<RawError>* errors, bool wrappers) const noexcept;
  // As above, with `walked[0..walkedCount)` describing objects of `instance`
  // exactly as they are now.
  bool validate(const nlohmann::json& instance, std::vector<RawError>* errors, bool wrappers,
                const WalkedObject* walked, std::size_t walkedCount) const noexcept;
  // The lookup id of each of `names`, for WalkedObject::ids.
  std::vector<std::uint32_t> lookupIds(const std::vector<std::string>& names) const;

  struct Node;  // one compiled subschema (schema_evaluator.cpp)

 private:
  SchemaEvaluator();
  std::vector<Node> nodes_;  // nodes_[0] is the root
  NameTable lookedUp_;       // the names `required` and open `properties` look up, by lookup id
};

// True for the errors a SchemaEvaluator leaves out without `wrappers`.
bool isWrapperError(const RawError& e);

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_SCHEMA_EVALUATOR_HPP
