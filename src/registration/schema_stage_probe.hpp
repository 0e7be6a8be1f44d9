// Which path the schema stage of Validator::validate takes on this thread,
// and what it saw: for the differential test and fuzz target only (issue 12),
// which run the compiled evaluator and the valijson reference over the same
// documents and compare. Without a probe, validate() takes the evaluator
// (or valijson when the evaluator declined the schema) and records nothing.
#ifndef SMSREG_REGISTRATION_SCHEMA_STAGE_PROBE_HPP
#define SMSREG_REGISTRATION_SCHEMA_STAGE_PROBE_HPP

#include <string>
#include <vector>

#include "schema/compiled_schema.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::registration {

enum class SchemaPath { kEvaluator, kReference };

struct SchemaStageProbe {
  SchemaPath path = SchemaPath::kEvaluator;
  bool wrappers = false;                         // the evaluator's errors that only wrap a child's, too
  std::vector<schema::RawError>* raw = nullptr;  // receives the stage's raw errors when set
  bool usedEvaluator = false;                    // out: false when the evaluator declined (or was not asked)
  std::string declined;                          // out: why it declined
};

// Installs `probe` for validate() calls on this thread while in scope.
class SchemaStageProbeScope {
 public:
  explicit SchemaStageProbeScope(SchemaStageProbe& probe);
  ~SchemaStageProbeScope();
  SchemaStageProbeScope(const SchemaStageProbeScope&) = delete;
  SchemaStageProbeScope& operator=(const SchemaStageProbeScope&) = delete;

 private:
  SchemaStageProbe* outer_;
};

// The probe installed on this thread, or null.
SchemaStageProbe* currentSchemaStageProbe();

// Validates `text` three times with `validator`: through the valijson
// reference, through the evaluator with its wrapper errors, and as validate()
// runs by default. Returns "" when the raw errors are the same (the default
// run's equal to the reference's less the wrapper errors) and the reports are
// byte-identical; otherwise the first difference, in words. Also a
// difference: the evaluator declined the schema, so it did not run.
std::string compareSchemaPaths(const Validator& validator, std::string_view text);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_SCHEMA_STAGE_PROBE_HPP
