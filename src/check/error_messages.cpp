#include "check/error_messages.hpp"

namespace smsreg::check {

namespace {

using json = nlohmann::json;

// The text between the first pair of single quotes: valijson quotes names so.
std::string quotedName(const std::string& description) {
  auto open = description.find('\'');
  auto close = open == std::string::npos ? std::string::npos : description.find('\'', open + 1);
  return close == std::string::npos ? std::string() : description.substr(open + 1, close - open - 1);
}

constexpr std::size_t kBrief = 80;

// Serialises `v` until `out` holds more than kBrief bytes, then stops: a
// message quotes a schema value, and dumping all of a 20,000-name
// `required` for each of 20,000 errors would be quadratic.
void briefInto(const json& v, std::string& out) {
  if (out.size() > kBrief) return;
  if (v.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < v.size() && out.size() <= kBrief; ++i) {
      if (i > 0) out += ',';
      briefInto(v[i], out);
    }
    out += ']';
  } else if (v.is_object()) {
    out += '{';
    bool first = true;
    for (auto it = v.begin(); it != v.end() && out.size() <= kBrief; ++it) {
      if (!first) out += ',';
      first = false;
      out += json(it.key()).dump(-1, ' ', false, json::error_handler_t::replace) + ':';
      briefInto(it.value(), out);
    }
    out += '}';
  } else if (v.is_string() && v.get_ref<const std::string&>().size() > kBrief) {
    out += json(v.get_ref<const std::string&>().substr(0, kBrief)).dump(-1, ' ', false, json::error_handler_t::replace);
  } else {
    out += v.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

std::string brief(const json* v) {
  if (v == nullptr) return "";
  std::string text;
  briefInto(*v, text);
  if (text.size() <= kBrief) return text;
  std::size_t cut = kBrief - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  return text.substr(0, cut) + "...";
}

std::string typeName(const json* v) {
  if (v == nullptr) return "a value";
  if (v->is_number_integer() || v->is_number_unsigned()) return "an integer";
  if (v->is_number()) return "a number";
  if (v->is_string()) return "a string";
  if (v->is_boolean()) return "a boolean";
  if (v->is_null()) return "null";
  if (v->is_array()) return "an array";
  return "an object";
}

}  // namespace

std::string messageFor(const std::string& keyword, const std::string& description, const json* schemaValue,
                       const json* instanceValue) {
  const std::string limit = brief(schemaValue);
  if (keyword == "type") {
    return "The value is " + typeName(instanceValue) + "; the schema allows " +
           (limit.empty() ? "another type" : limit) + ".";
  }
  if (keyword == "required") return "The required property \"" + quotedName(description) + "\" is missing.";
  if (keyword == "enum") return "The value " + brief(instanceValue) + " is not one of " + limit + ".";
  if (keyword == "const") return "The value must equal " + limit + ".";
  if (keyword == "minimum") return "The value must be at least " + limit + ".";
  if (keyword == "maximum") return "The value must be at most " + limit + ".";
  if (keyword == "exclusiveMinimum") return "The value must be greater than " + limit + ".";
  if (keyword == "exclusiveMaximum") return "The value must be less than " + limit + ".";
  if (keyword == "minItems") return "The array must have at least " + limit + " items.";
  if (keyword == "maxItems") return "The array must have at most " + limit + " items.";
  if (keyword == "minProperties") return "The object must have at least " + limit + " properties.";
  if (keyword == "maxProperties") return "The object must have at most " + limit + " properties.";
  if (keyword == "multipleOf") return "The value must be a multiple of " + limit + ".";
  if (keyword == "additionalProperties") {
    std::string name = quotedName(description);
    return name.empty() ? "A property is not allowed by additionalProperties."
                        : "The property \"" + name + "\" is not allowed.";
  }
  if (keyword == "additionalItems") return "The array has more items than the schema allows.";
  if (keyword == "dependencies") {
    std::string name = quotedName(description);
    return name.empty() ? "A dependency of a present property fails."
                        : "The property \"" + name + "\" is required by a present property.";
  }
  if (keyword == "not") return "The value must not match the schema under \"not\".";
  if (keyword == "anyOf") return "The value matches none of the schemas under \"anyOf\".";
  if (keyword == "oneOf") return "The value must match exactly one of the schemas under \"oneOf\".";
  if (keyword == "allOf") return "The value fails a schema under \"allOf\".";
  if (keyword == "if") return "The value fails the \"then\" or \"else\" schema its \"if\" selects.";
  if (keyword == "contains") return "No item of the array matches the schema under \"contains\".";
  if (keyword == "properties") return "The property \"" + quotedName(description) + "\" fails its schema.";
  if (keyword == "patternProperties") return "A property fails the schema of a pattern it matches.";
  if (keyword == "items") return "An item of the array fails its schema.";
  if (keyword == "uniqueItems") return "The array has repeated items.";
  if (keyword == "format") return "The value is not a valid " + limit + ".";
  return "The value fails the schema.";
}

}  // namespace smsreg::check
