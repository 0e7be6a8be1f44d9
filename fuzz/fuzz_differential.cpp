// Fuzzes the schema stage two ways (issue 12): the compiled evaluator
// (src/schema/schema_evaluator.hpp) against valijson, the reference, under
// the default options and each part alone. Aborts on any difference in the
// raw schema errors or the report.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

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
  for (const smsreg::Validator* v : {&both, &brand, &campaign}) {
    const std::string difference = smsreg::registration::compareSchemaPaths(*v, text);
    if (!difference.empty()) {
      std::fprintf(stderr, "schema paths differ: %s\n", difference.c_str());
      std::abort();
    }
  }
  return 0;
}
