// Fuzzes schema loading plus one instance: the input is a schema, a line
// holding only "---", and an instance. Every pattern goes to RE2, so neither
// part may crash, hang or blow the stack.
#include <cstdint>
#include <string>
#include <string_view>

#include "input/bounded_json.hpp"
#include "schema/compiled_schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::size_t cut = all.find("\n---\n");
  std::string_view schemaText = all.substr(0, cut);
  std::string_view instanceText = cut == std::string_view::npos ? std::string_view("{}") : all.substr(cut + 5);
  smsreg::Limits limits;
  nlohmann::json schemaDoc, instance;
  smsreg::input::ParseError error;
  if (!smsreg::input::parseBounded(schemaText, limits, schemaDoc, error, /*requireObject=*/false)) return 0;
  std::string why;
  auto schema = smsreg::schema::CompiledSchema::compile(schemaDoc, why);
  if (!schema) return 0;
  if (!smsreg::input::parseBounded(instanceText, limits, instance, error, false)) return 0;
  std::vector<smsreg::schema::RawError> errors;
  schema->validate(instance, &errors);
  schema->validate(instance, nullptr);
  return 0;
}
