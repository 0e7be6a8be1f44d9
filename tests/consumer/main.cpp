// The README's library example, compiled against the installed package.
#include <iostream>
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
  return report.verified() || report.errors.empty() ? 1 : 0;
}
