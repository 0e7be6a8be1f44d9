// Fuzzes rule-file loading (--rules): the bytes are a user's rule file. A file
// that loads is then used on a valid submission, so user patterns run too.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "smsreg/validator.hpp"

namespace {
const char kSubmission[] =
    R"({"brand":{"entityType":"PRIVATE_PROFIT","displayName":"Acme","companyName":"Acme Inc.","ein":"36-4821907",)"
    R"("phone":"+13125478810","country":"US","email":"help@acme.com","vertical":"RETAIL","postalCode":"60612",)"
    R"("brandRelationship":"BASIC_ACCOUNT"},"campaign":{"usecase":"2FA","description":"Acme sends one-time )"
    R"(passcodes to customers who sign in.","messageFlow":"Customers opt in on the sign-in page at acme.com.",)"
    R"("sample1":"Acme: your code is [code]. Reply STOP to opt out.","sample2":"Acme: use [code] to sign in."}})";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;  // rule files are small; big ones only slow the fuzzer
  smsreg::ValidatorOptions options;
  options.extraRulesJson.assign(reinterpret_cast<const char*>(data), size);
  smsreg::Validator validator(options);
  if (validator.ok()) {
    smsreg::Report report = validator.validate(kSubmission);
    if (report.verified() != report.errors.empty()) std::abort();
  } else if (validator.error().empty()) {
    std::abort();  // a refused rule file must say why
  }
  return 0;
}
