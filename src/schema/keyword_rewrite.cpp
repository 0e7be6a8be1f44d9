#include "schema/keyword_rewrite.hpp"

#include <cmath>

#include "input/bounded_json.hpp"

namespace smsreg::schema {

namespace {

using json = nlohmann::json;

// Keywords whose value is one schema, an array of schemas, or a map of schemas.
bool isSchemaKeyword(const std::string& k) {
  return k == "additionalItems" || k == "additionalProperties" || k == "contains" || k == "propertyNames" ||
         k == "not" || k == "if" || k == "then" || k == "else" || k == "items" || k == "allOf" ||
         k == "anyOf" || k == "oneOf";
}
bool isSchemaMapKeyword(const std::string& k) {
  return k == "properties" || k == "patternProperties" || k == "definitions" || k == "dependencies";
}
bool isDataKeyword(const std::string& k) {
  return k == "enum" || k == "const" || k == "default" || k == "examples";
}

// A non-negative integer, also written as 2.0 (draft-07 allows that).
bool readCount(const json& v, std::uint64_t& out) {
  if (v.is_number_unsigned()) {
    out = v.get<std::uint64_t>();
    return true;
  }
  if (v.is_number_integer()) {
    if (v.get<std::int64_t>() < 0) return false;
    out = static_cast<std::uint64_t>(v.get<std::int64_t>());
    return true;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (d < 0 || d != std::floor(d) || d > 9e18) return false;
    out = static_cast<std::uint64_t>(d);
    return true;
  }
  return false;
}

class Rewriter {
 public:
  Rewriter(std::vector<KeywordSpec>& table, std::string& error) : table_(table), error_(error) {}

  bool schema(json& node, const std::string& at) {
    if (!node.is_object()) return true;  // booleans and anything else: valijson decides
    std::vector<std::size_t> own;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string& key = it.key();
      const std::string here = at + "/" + input::escapePointerToken(key);
      json& value = it.value();
      if (key == "$ref" && value.is_string()) {
        if (!checkRef(value.get<std::string>(), here)) return false;
      } else if (isSchemaKeyword(key)) {
        if (value.is_array()) {
          for (std::size_t i = 0; i < value.size(); ++i) {
            if (!schema(value[i], here + "/" + std::to_string(i))) return false;
          }
        } else if (!schema(value, here)) {
          return false;
        }
      } else if (isSchemaMapKeyword(key)) {
        if (value.is_object()) {
          for (auto m = value.begin(); m != value.end(); ++m) {
            if (!schema(m.value(), here + "/" + input::escapePointerToken(m.key()))) return false;
          }
        }
      } else if (!isDataKeyword(key)) {
        // Unknown keyword: not a schema by the draft, but a $ref may point
        // into it, so its keywords are made safe all the same.
        if (value.is_object() && !schema(value, here)) return false;
        if (value.is_array()) {
          for (std::size_t i = 0; i < value.size(); ++i) {
            if (!schema(value[i], here + "/" + std::to_string(i))) return false;
          }
        }
      }
    }
    if (!take(node, "pattern", at, own) || !take(node, "format", at, own) || !take(node, "minLength", at, own) ||
        !take(node, "maxLength", at, own) || !take(node, "uniqueItems", at, own) ||
        !take(node, "x-smsreg-forbidden", at, own)) {
      return false;
    }
    if (node.contains("patternProperties")) {
      error_ = at + "/patternProperties: patternProperties is not supported in this schema position";
      return false;
    }
    if (!own.empty()) node[kOwnKeyword] = own;
    return true;
  }

 private:
  // Moves one keyword out of `node` into the table.
  bool take(json& node, const char* key, const std::string& at, std::vector<std::size_t>& own) {
    auto it = node.find(key);
    if (it == node.end()) return true;
    KeywordSpec spec;
    spec.keywordLocation = at + "/" + key;
    const json& v = *it;
    const std::string k = key;
    if (k == "pattern") {
      if (!v.is_string()) return fail(spec.keywordLocation, "pattern must be a string");
      spec.kind = KeywordSpec::Kind::kPattern;
      spec.text = v.get<std::string>();
      std::string why;
      spec.regex = compileSchemaPattern(spec.text, why);
      if (!spec.regex) return fail(spec.keywordLocation, "pattern \"" + spec.text + "\" cannot be used: " + why);
    } else if (k == "format") {
      if (!v.is_string()) return fail(spec.keywordLocation, "format must be a string");
      spec.kind = KeywordSpec::Kind::kFormat;
      spec.text = v.get<std::string>();
    } else if (k == "minLength" || k == "maxLength") {
      if (!readCount(v, spec.limit)) return fail(spec.keywordLocation, k + " must be a non-negative integer");
      spec.kind = k == "minLength" ? KeywordSpec::Kind::kMinLength : KeywordSpec::Kind::kMaxLength;
    } else if (k == "uniqueItems") {
      if (!v.is_boolean()) return fail(spec.keywordLocation, "uniqueItems must be a boolean");
      const bool unique = v.get<bool>();
      node.erase(it);  // `v` dangles from here on
      if (!unique) return true;
      spec.kind = KeywordSpec::Kind::kUniqueItems;
      own.push_back(table_.size());
      table_.push_back(std::move(spec));
      return true;
    } else {  // x-smsreg-forbidden: property names that must be absent
      if (!v.is_array()) return fail(spec.keywordLocation, "x-smsreg-forbidden must be an array of names");
      for (const json& name : v) {
        if (!name.is_string()) return fail(spec.keywordLocation, "x-smsreg-forbidden must be an array of names");
        spec.names.push_back(name.get<std::string>());
      }
      spec.kind = KeywordSpec::Kind::kForbidden;
    }
    node.erase(it);
    own.push_back(table_.size());
    table_.push_back(std::move(spec));
    return true;
  }

  // A $ref into data (enum, const, default, examples) would make valijson
  // parse data as a schema, outside the rewrite: refuse it.
  bool checkRef(const std::string& ref, const std::string& at) {
    auto hash = ref.find('#');
    if (hash == std::string::npos) return true;
    std::string fragment = ref.substr(hash + 1);
    std::size_t i = 0;
    bool nameNext = false;  // after properties/definitions the token is a name
    while (i < fragment.size()) {
      std::size_t end = fragment.find('/', i + 1);
      if (end == std::string::npos) end = fragment.size();
      std::string token = fragment.substr(i + 1, end - i - 1);
      if (!nameNext && isDataKeyword(token)) {
        return fail(at, "$ref \"" + ref + "\" points into data, not a schema");
      }
      nameNext = !nameNext && isSchemaMapKeyword(token);
      i = end;
    }
    return true;
  }

  bool fail(const std::string& at, const std::string& why) {
    error_ = at + ": " + why;
    return false;
  }

  std::vector<KeywordSpec>& table_;
  std::string& error_;
};

}  // namespace

bool rewriteKeywords(nlohmann::json& document, std::vector<KeywordSpec>& table, std::string& error,
                     const std::string& base) {
  Rewriter rewriter(table, error);
  return rewriter.schema(document, base);
}

}  // namespace smsreg::schema
