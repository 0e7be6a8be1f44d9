// Fuzzes Validator::validate with arbitrary bytes. Beyond "no crash", it
// checks the report's own invariants, which hold for every input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "smsreg/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const smsreg::Validator validator;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  smsreg::Report report = validator.validate(text);
  if (report.verified() != report.errors.empty()) std::abort();
  for (std::size_t i = 1; i < report.errors.size(); ++i) {
    if (smsreg::findingLess(report.errors[i], report.errors[i - 1])) std::abort();  // order is part of the contract
  }
  for (const smsreg::Finding& f : report.errors) {
    if (f.code.empty() || f.message.empty()) std::abort();
  }
  (void)report.toJson();
  return 0;
}
