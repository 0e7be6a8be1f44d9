// The README's library example, compiled against the installed package.
#include <iostream>
#include <smsreg/enablement.hpp>
#include <smsreg/validator.hpp>

int main() {
  smsreg::Validator validator;  // schemas and regexes compiled once, embedded: no files needed
  if (!validator.ok()) {
    std::cerr << validator.error() << "\n";
    return 1;
  }
  smsreg::Report report = validator.validate(R"({"brand": {"entityType": "PRIVATE_PROFIT"}, "campaign": {}})");
  for (const smsreg::Finding& f : report.errors) std::cout << f.instanceLocation << " " << f.code << "\n";
  // The brand misses required fields, so it cannot be VERIFIED.
  if (report.verified() || report.errors.empty()) return 1;

  // The enablement diagnosis reads numbers with libphonenumber, which a static
  // libsmsreg.a leaves for the package config to link: the national form here
  // and the E.164 one are the same number, so SMS stays on.
  const smsreg::EnablementResult r = smsreg::EnablementDiagnoser().diagnose(
      R"({"asOf": "2026-11-26T12:00:00Z", "account": {"country": "US", "campaign": {"status": "VERIFIED"}},
          "user": {"id": "u-1", "phoneNumber": "(415) 321-8765", "license": "x4",
                   "sms": {"state": "ENABLED", "number": "+14153218765", "license": "X Series X4"}}})");
  std::cout << r.toJson() << "\n";
  return r.ok() && r.allCanSend() ? 0 : 1;
}
