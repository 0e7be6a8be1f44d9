// Fuzzes the fast paths of validate against their references (issue 12):
// parseBounded's simdjson path against nlohmann's SAX parser alone (same tree
// or same error), also when it reads into the tree the previous input left
// (parseFastReusing, as the validator's RecycledTree reads), and the schema
// stage's compiled evaluator (src/schema/schema_evaluator.hpp) against
// valijson under the default options and each part alone (same raw errors,
// same report). Aborts on any difference.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "input/bounded_json.hpp"
#include "input/fast_json.hpp"
#include "parser_outcome.hpp"  // tests/differential/
#include "registration/schema_stage_probe.hpp"
#include "smsreg/validator.hpp"

namespace {

smsreg::ValidatorOptions part(smsreg::Part p) {
  smsreg::ValidatorOptions options;
  options.part = p;
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const smsreg::Validator both;
  static const smsreg::Validator brand(part(smsreg::Part::kBrand));
  static const smsreg::Validator campaign(part(smsreg::Part::kCampaign));
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const bool requireObject : {true, false}) {
    json fast, reference;
    smsreg::input::ParseError fastError, referenceError;
    const bool fastOk = smsreg::input::parseBounded(text, smsreg::Limits{}, fast, fastError, requireObject);
    const bool referenceOk =
        smsreg::input::parseBoundedReference(text, smsreg::Limits{}, reference, referenceError, requireObject);
    if (outcome(fastOk, fast, fastError) != outcome(referenceOk, reference, referenceError)) {
      std::fprintf(stderr, "parsers differ (requireObject %d)\n", requireObject ? 1 : 0);
      std::abort();
    }
    static json kept[2];  // the tree of the last input, one for each requireObject
    json& into = kept[requireObject ? 1 : 0];
    smsreg::input::ParseError keptError;
    const bool keptOk = smsreg::input::parseFastReusing(text, smsreg::Limits{}, into, requireObject) ||
                        smsreg::input::parseBoundedReference(text, smsreg::Limits{}, into, keptError, requireObject);
    if (outcome(keptOk, into, keptError) != outcome(referenceOk, reference, referenceError)) {
      std::fprintf(stderr, "parsers differ into the last tree (requireObject %d)\n", requireObject ? 1 : 0);
      std::abort();
    }
  }
  for (const smsreg::Validator* v : {&both, &brand, &campaign}) {
    const std::string difference = smsreg::registration::compareSchemaPaths(*v, text);
    if (!difference.empty()) {
      std::fprintf(stderr, "schema paths differ: %s\n", difference.c_str());
      std::abort();
    }
  }
  return 0;
}
