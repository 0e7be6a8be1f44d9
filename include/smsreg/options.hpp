// Options of the smsreg library: input limits and validation switches.
#ifndef SMSREG_OPTIONS_HPP
#define SMSREG_OPTIONS_HPP

#include <cstddef>
#include <string>
#include <vector>

namespace smsreg {

// Bounds on untrusted input, enforced while parsing, before any document is
// built or validated. A breach is reported as one INPUT_* error.
struct Limits {
  std::size_t maxBytes = 1u << 20;    // whole document, bytes (1 MiB)
  std::size_t maxDepth = 64;          // nesting; the root object is level 1
  std::size_t maxString = 64u << 10;  // any string or key, bytes of UTF-8 (64 KiB)
};

// Which parts of a submission are validated. Checks that need an absent
// part are skipped, not failed.
enum class Part { kBoth, kBrand, kCampaign };

struct ValidatorOptions {
  Limits limits;
  Part part = Part::kBoth;
  // Rule codes turned off; an unknown code makes the validator fail to build.
  std::vector<std::string> disabledRules;
  // Text of a rule file (schemas/rules-file.schema.json) that adds or
  // overrides rules; empty for none.
  std::string extraRulesJson;
  // A shipped provider profile (schemas/profiles/NAME.json, a rule file
  // applied before extraRulesJson), e.g. "twilio-2026"; empty for the
  // provider-neutral default. An unknown name makes the validator fail to build.
  std::string profile;
};

// The names of the shipped provider profiles, sorted.
std::vector<std::string> providerProfiles();

}  // namespace smsreg

#endif  // SMSREG_OPTIONS_HPP
