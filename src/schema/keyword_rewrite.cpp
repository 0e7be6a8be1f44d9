#include "schema/keyword_rewrite.hpp"

#include <algorithm>
#include <cmath>

#include "input/bounded_json.hpp"
#include "input/json_pointer.hpp"

namespace smsreg::schema {

namespace {

using json = nlohmann::json;

// Keywords whose value is one schema, an array of schemas, or a map of schemas.
bool isSchemaKeyword(const std::string& k) {
  return k == "additionalItems" || k == "additionalProperties" || k == "contains" || k == "propertyNames" ||
         k == "not" || k == "if" || k == "then" || k == "else" || k == "items" || k == "allOf" || k == "anyOf" ||
         k == "oneOf";
}
bool isSchemaMapKeyword(const std::string& k) {
  return k == "properties" || k == "patternProperties" || k == "definitions" || k == "dependencies";
}
bool isDataKeyword(const std::string& k) { return k == "enum" || k == "const" || k == "default" || k == "examples"; }

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
  Rewriter(std::vector<KeywordSpec>& table, std::string& error, std::string base, std::string placement)
      : table_(table), error_(error), base_(std::move(base)), placement_(std::move(placement)) {}

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
    if (!takeType(node, at, own) || !takeMultipleOf(node, at, own) || !takePatternProperties(node, at, own) ||
        !takeApplicator(node, at, "anyOf", KeywordSpec::Kind::kAnyOf, own) ||
        !takeApplicator(node, at, "oneOf", KeywordSpec::Kind::kOneOf, own)) {
      return false;
    }
    normaliseCounts(node);
    // valijson 1.0 takes a draft-4 "id" as a resolution scope (and tests it
    // with std::regex); in draft 7 it is no keyword at all.
    auto id = node.find("id");
    if (id != node.end() && id->is_string()) {
      node["x-smsreg-id"] = *id;
      node.erase("id");
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

  // "type" naming "integer" but not "number": valijson 1.0 rejects 1.0, which
  // draft 7 calls an integer, so valijson checks "number" and smsreg integrality.
  bool takeType(json& node, const std::string& at, std::vector<std::size_t>& own) {
    auto it = node.find("type");
    if (it == node.end()) return true;
    json& type = *it;
    auto names = [&](const char* name) {
      if (type.is_string()) return type.get<std::string>() == name;
      return type.is_array() && std::find(type.begin(), type.end(), json(name)) != type.end();
    };
    if (!names("integer")) return true;
    if (type.is_string()) {
      type = "number";
    } else {
      json replaced = json::array();
      bool hasNumber = names("number");
      for (const json& t : type) {
        if (t == "integer") {
          if (!hasNumber) replaced.push_back("number");
        } else {
          replaced.push_back(t);
        }
      }
      type = std::move(replaced);
      if (hasNumber) return true;  // any number passes: nothing left to check
    }
    KeywordSpec spec;
    spec.kind = KeywordSpec::Kind::kInteger;
    spec.keywordLocation = at + "/type";
    own.push_back(table_.size());
    table_.push_back(std::move(spec));
    return true;
  }

  // valijson 1.0 rejects 12391239123 as a multiple of 1e-8 (fmod rounding).
  bool takeMultipleOf(json& node, const std::string& at, std::vector<std::size_t>& own) {
    auto it = node.find("multipleOf");
    if (it == node.end()) return true;
    KeywordSpec spec;
    spec.keywordLocation = at + "/multipleOf";
    if (!it->is_number() || !(it->get<double>() > 0))
      return fail(spec.keywordLocation, "multipleOf must be a number above 0");
    spec.kind = KeywordSpec::Kind::kMultipleOf;
    spec.divisor = it->get<double>();
    node.erase(it);
    own.push_back(table_.size());
    table_.push_back(std::move(spec));
    return true;
  }

  // draft 7 allows 2.0 where a count is due; valijson 1.0 refuses the schema.
  static void normaliseCounts(json& node) {
    for (const char* key : {"maxItems", "minItems", "maxProperties", "minProperties"}) {
      auto it = node.find(key);
      std::uint64_t n = 0;
      if (it != node.end() && it->is_number_float() && readCount(*it, n)) *it = n;
    }
  }

  // Where valijson will find a subschema of this node: the node's pointer in
  // the document valijson parses (placement_), not its keywordLocation.
  std::string placed(const std::string& at, const std::string& rest) const {
    return placement_ + at.substr(std::min(base_.size(), at.size())) + rest;
  }

  // patternProperties (and the additionalProperties beside it) are taken
  // from valijson, which would run std::regex, and renamed so the subschemas
  // stay in the document, where their own $refs and keywords were rewritten.
  bool takePatternProperties(json& node, const std::string& at, std::vector<std::size_t>& own) {
    auto it = node.find("patternProperties");
    if (it == node.end()) return true;
    KeywordSpec patterns;
    patterns.kind = KeywordSpec::Kind::kPatternProperties;
    patterns.keywordLocation = at + "/patternProperties";
    if (!it->is_object()) return fail(patterns.keywordLocation, "patternProperties must be an object");
    for (auto m = it->begin(); m != it->end(); ++m) {
      const std::string token = input::escapePointerToken(m.key());
      const std::string where = patterns.keywordLocation + "/" + token;
      std::string why;
      auto regex = compileSchemaPattern(m.key(), why);
      if (!regex) return fail(where, "pattern \"" + m.key() + "\" cannot be used: " + why);
      patterns.patterns.push_back(m.key());
      patterns.regexes.push_back(std::move(regex));
      if (!addSubschema(patterns, m.value(), placed(at, "/x-smsreg-patternProperties/" + token), where)) return false;
    }
    node["x-smsreg-patternProperties"] = std::move(*it);
    node.erase("patternProperties");
    auto additional = node.find("additionalProperties");
    if (additional != node.end()) {
      KeywordSpec rest;
      rest.kind = KeywordSpec::Kind::kAdditionalProperties;
      rest.keywordLocation = at + "/additionalProperties";
      rest.regexes = patterns.regexes;
      auto properties = node.find("properties");
      if (properties != node.end() && properties->is_object()) {
        for (auto m = properties->begin(); m != properties->end(); ++m) rest.names.push_back(m.key());
      }
      if (!addSubschema(rest, *additional, placed(at, "/x-smsreg-additionalProperties"), rest.keywordLocation)) {
        return false;
      }
      node["x-smsreg-additionalProperties"] = std::move(*additional);
      node.erase("additionalProperties");
      if (rest.constants[0] != 1) {
        own.push_back(table_.size());
        table_.push_back(std::move(rest));
      }
    }
    own.push_back(table_.size());
    table_.push_back(std::move(patterns));
    return true;
  }

  // anyOf and oneOf are evaluated by smsreg: valijson 1.0 evaluates every
  // branch afresh, so a tower of levels whose branches $ref the same level
  // below takes 2^levels steps. smsreg remembers each branch's verdict per
  // instance location during one validation, which makes it linear. The
  // branches stay in the document (renamed) for their $refs and keywords.
  bool takeApplicator(json& node, const std::string& at, const char* key, KeywordSpec::Kind kind,
                      std::vector<std::size_t>& own) {
    auto it = node.find(key);
    if (it == node.end()) return true;
    KeywordSpec spec;
    spec.kind = kind;
    spec.keywordLocation = at + "/" + key;
    if (!it->is_array() || it->empty())
      return fail(spec.keywordLocation, std::string(key) + " must be a non-empty array");
    const std::string renamed = std::string("x-smsreg-") + key;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string index = std::to_string(i);
      if (!addSubschema(spec, (*it)[i], placed(at, "/" + renamed + "/" + index), spec.keywordLocation + "/" + index)) {
        return false;
      }
    }
    node[renamed] = std::move(*it);
    node.erase(key);
    own.push_back(table_.size());
    table_.push_back(std::move(spec));
    return true;
  }

  bool addSubschema(KeywordSpec& spec, const json& subschema, const std::string& pointer, const std::string& where) {
    if (subschema.is_boolean()) {
      spec.constants.push_back(subschema.get<bool>() ? 1 : 0);
      spec.subschemaPointers.emplace_back();
    } else if (subschema.is_object()) {
      spec.constants.push_back(-1);
      spec.subschemaPointers.push_back(pointer);
    } else {
      return fail(where, "a schema must be an object or a boolean");
    }
    return true;
  }

  // A $ref into data (enum, const, default, examples) would make valijson
  // parse data as a schema, outside the rewrite: refuse it.
  bool checkRef(const std::string& ref, const std::string& at) {
    auto hash = ref.find('#');
    // valijson 1.0 tests a URI without "://" with std::regex (isUrn) and then
    // reads it as a pointer into this document (which can loop forever): only
    // local and absolute references reach it. check/ref_resolver.cpp turns
    // relative ones into local pointers before compiling a user's schema.
    const std::string uri = ref.substr(0, hash);
    if (!uri.empty() && uri.find("://") == std::string::npos) {
      return fail(at, "$ref \"" + ref.substr(0, 200) + "\" is neither local (#...) nor an absolute URI");
    }
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
  const std::string base_;       // prefix of every keywordLocation
  const std::string placement_;  // the document's pointer inside what valijson parses
};

}  // namespace

namespace {

// A subschema pointer is written while its ancestors still carry their
// keyword names; an ancestor renamed afterwards (an anyOf inside an anyOf
// branch, a patternProperties inside another) is respelled here by walking
// the rewritten document.
std::string respell(const json& document, const std::string& placement, const std::string& pointer) {
  if (pointer.compare(0, placement.size(), placement) != 0) return pointer;
  std::vector<std::string> tokens;
  if (!input::splitPointer(pointer.substr(placement.size()), tokens)) return pointer;
  std::string out = placement;
  const json* node = &document;
  for (const std::string& token : tokens) {
    std::string spelled = token;
    if (node != nullptr && node->is_object()) {
      auto it = node->find(token);
      if (it == node->end()) {
        it = node->find("x-smsreg-" + token);
        if (it != node->end()) spelled = "x-smsreg-" + token;
      }
      node = it == node->end() ? nullptr : &*it;
    } else if (node != nullptr && node->is_array() && !token.empty() &&
               token.find_first_not_of("0123456789") == std::string::npos && token.size() < 10 &&
               std::stoul(token) < node->size()) {
      node = &(*node)[std::stoul(token)];
    } else {
      node = nullptr;
    }
    out += "/" + input::escapePointerToken(spelled);
  }
  return out;
}

}  // namespace

bool rewriteKeywords(nlohmann::json& document, std::vector<KeywordSpec>& table, std::string& error,
                     const std::string& base, const std::string& placement) {
  const std::size_t first = table.size();
  Rewriter rewriter(table, error, base, placement);
  if (!rewriter.schema(document, base)) return false;
  for (std::size_t i = first; i < table.size(); ++i) {
    for (std::string& pointer : table[i].subschemaPointers) {
      if (!pointer.empty()) pointer = respell(document, placement, pointer);
    }
  }
  return true;
}

}  // namespace smsreg::schema
