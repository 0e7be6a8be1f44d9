// Fuzzes the enablement diagnosis, with a registration validator attached so
// account.registration is exercised too.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "smsreg/enablement.hpp"
#include "smsreg/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const smsreg::Validator validator;
  static const smsreg::EnablementDiagnoser diagnoser(smsreg::EnablementOptions{}, &validator);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  smsreg::EnablementResult result = diagnoser.diagnose(text);
  (void)result.toJson();
  (void)result.toText("fuzz");
  return 0;
}
