// Fuzzes a user's schema plus one instance through smsreg::SchemaChecker, the
// entry point `smsreg check` uses: the input is a schema, a line holding only
// "---", and an instance. References are resolved by smsreg, every pattern
// goes to RE2, so neither part may crash, hang or blow the stack.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "input/bounded_json.hpp"
#include "schema/compiled_schema.hpp"
#include "smsreg/schema_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::size_t cut = all.find("\n---\n");
  std::string_view schemaText = all.substr(0, cut);
  std::string_view instanceText = cut == std::string_view::npos ? std::string_view("{}") : all.substr(cut + 5);

  smsreg::SchemaChecker checker(schemaText);
  if (checker.ok()) {
    smsreg::SchemaCheckResult result = checker.check(instanceText);
    if (result.valid != result.errors.empty()) std::abort();
    (void)result.toJson();
  } else if (checker.error().empty()) {
    std::abort();  // a refused schema must say why
  }

  // The engine underneath, as the registration validator and rule files use it.
  nlohmann::json schemaDoc, instance;
  smsreg::input::ParseError error;
  if (!smsreg::input::parseBounded(schemaText, smsreg::Limits{}, schemaDoc, error, false)) return 0;
  std::string why;
  auto schema = smsreg::schema::CompiledSchema::compile(schemaDoc, why);
  if (!schema || !smsreg::input::parseBounded(instanceText, smsreg::Limits{}, instance, error, false)) return 0;
  std::vector<smsreg::schema::RawError> errors;
  schema->validate(instance, &errors);
  return 0;
}
