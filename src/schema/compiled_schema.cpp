#include "schema/compiled_schema.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>
#include <valijson/validator.hpp>

#include "input/bounded_json.hpp"
#include "input/json_pointer.hpp"
#include "schema/canonical_json.hpp"
#include "schema/keyword_rewrite.hpp"

namespace smsreg::schema {

namespace {

using json = nlohmann::json;
using valijson::adapters::Adapter;

constexpr char kOwnMark = '\x1e';
constexpr char kDetailMark = '\x1f';

// Verdicts of anyOf/oneOf branches already evaluated during the current
// validate() call on this thread, by (branch schema, instance location). A
// branch's verdict depends on nothing else, so each pair is evaluated once.
using BranchMemo = std::unordered_map<std::string, bool>;
thread_local BranchMemo* tBranchMemo = nullptr;

// Installs a fresh memo for one validate() call (and restores the outer one).
class MemoScope {
 public:
  MemoScope() : outer_(tBranchMemo) { tBranchMemo = &memo_; }
  ~MemoScope() { tBranchMemo = outer_; }
  MemoScope(const MemoScope&) = delete;
  MemoScope& operator=(const MemoScope&) = delete;

 private:
  BranchMemo memo_;
  BranchMemo* outer_;
};

// Evaluates the keywords smsreg took from one subschema (indices into the table).
class OwnKeywordsConstraint : public valijson::constraints::PolyConstraint {
 public:
  OwnKeywordsConstraint(const std::vector<KeywordSpec>* table, std::vector<std::size_t> ids)
      : table_(table), ids_(std::move(ids)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    bool ok = true;
    for (std::size_t id : ids_) {
      if (!check((*table_)[id], id, target, context, results)) {
        ok = false;
        if (results == nullptr) return false;
      }
    }
    return ok;
  }

 private:
  static void report(valijson::ValidationResults* results, const std::vector<std::string>& context, std::size_t id,
                     const std::string& detail) {
    if (results != nullptr) {
      results->pushError(context, std::string(1, kOwnMark) + std::to_string(id) + kDetailMark + detail);
    }
  }

  bool check(const KeywordSpec& spec, std::size_t id, const Adapter& target, const std::vector<std::string>& context,
             valijson::ValidationResults* results) const {
    using Kind = KeywordSpec::Kind;
    switch (spec.kind) {
      case Kind::kPattern:
      case Kind::kFormat:
      case Kind::kMinLength:
      case Kind::kMaxLength: {
        if (!target.isString()) return true;
        const std::string s = target.getString();
        bool ok;
        if (spec.kind == Kind::kPattern) {
          ok = RE2::PartialMatch(s, *spec.regex);
        } else if (spec.kind == Kind::kFormat) {
          ok = checkFormat(spec.text, s);
        } else {
          std::size_t n = codePointCount(s);
          ok = spec.kind == Kind::kMinLength ? n >= spec.limit : n <= spec.limit;
          if (!ok) {
            report(results, context, id, std::to_string(n));
            return false;
          }
        }
        if (!ok) report(results, context, id, "");
        return ok;
      }
      case Kind::kUniqueItems: {
        if (!target.isArray()) return true;
        std::unordered_map<std::string, std::size_t> seen;
        std::size_t index = 0;
        bool ok = true;
        target.applyToArray([&](const Adapter& item) {
          auto inserted = seen.emplace(canonicalJson(item), index);
          if (!inserted.second) {
            ok = false;
            report(results, context, id, std::to_string(index));
          }
          ++index;
          return results != nullptr || ok;
        });
        return ok;
      }
      case Kind::kForbidden: {
        if (!target.isObject()) return true;
        bool ok = true;
        target.applyToObject([&](const std::string& name, const Adapter&) {
          for (const std::string& forbidden : spec.names) {
            if (name == forbidden) {
              ok = false;
              report(results, context, id, name);
            }
          }
          return true;
        });
        return ok;
      }
      case Kind::kInteger: {
        if (!target.isNumber() || target.isInteger()) return true;
        const double d = target.asDouble();
        if (std::isfinite(d) && d == std::floor(d)) return true;
        report(results, context, id, "");
        return false;
      }
      case Kind::kMultipleOf: {
        if (!target.isNumber()) return true;
        if (!isMultiple(target, spec.divisor)) {
          report(results, context, id, "");
          return false;
        }
        return true;
      }
      case Kind::kAnyOf:
      case Kind::kOneOf: {
        // Verdicts only: the branches' own errors are not reported (each
        // failing level would double them), the keyword's failure is.
        std::size_t passed = 0;
        for (std::size_t i = 0; i < spec.constants.size(); ++i) {
          if (branch(spec, i, target, context)) ++passed;
          if (spec.kind == Kind::kAnyOf ? passed > 0 : passed > 1) break;
        }
        const bool ok = spec.kind == Kind::kAnyOf ? passed > 0 : passed == 1;
        if (!ok) report(results, context, id, passed == 0 ? "none" : "several");
        return ok;
      }
      case Kind::kPatternProperties:
      case Kind::kAdditionalProperties: {
        if (!target.isObject()) return true;
        bool ok = true;
        target.applyToObject([&](const std::string& name, const Adapter& value) {
          if (spec.kind == Kind::kPatternProperties) {
            for (std::size_t i = 0; i < spec.regexes.size(); ++i) {
              if (RE2::PartialMatch(name, *spec.regexes[i]) && !member(spec, i, name, value, context, results)) {
                ok = false;
                report(results, context, id, name);
              }
            }
          } else if (std::find(spec.names.begin(), spec.names.end(), name) == spec.names.end() &&
                     std::none_of(spec.regexes.begin(), spec.regexes.end(),
                                  [&](const auto& r) { return RE2::PartialMatch(name, *r); }) &&
                     !member(spec, 0, name, value, context, results)) {
            ok = false;
            report(results, context, id, name);
          }
          return results != nullptr || ok;
        });
        return ok;
      }
    }
    return true;
  }

  // x is a multiple of d when x / d is an integer, up to double rounding
  // (0.0075 / 0.0001 = 75.00000000000001); exact for integers.
  static bool isMultiple(const Adapter& target, double d) {
    if (target.isInteger() && d == std::floor(d) && std::abs(d) < 9e18) {
      const auto divisor = static_cast<std::int64_t>(d);
      return target.asInteger() % divisor == 0;
    }
    const double q = target.asDouble() / d;
    if (!std::isfinite(q)) return false;
    return std::abs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::abs(q));
  }

  // One member against subschema `index` of a patternProperties or
  // additionalProperties spec, reporting into `results` under its own name.
  static bool member(const KeywordSpec& spec, std::size_t index, const std::string& name, const Adapter& value,
                     const std::vector<std::string>& context, valijson::ValidationResults* results) {
    if (spec.constants[index] >= 0) return spec.constants[index] == 1;
    const auto* concrete = dynamic_cast<const valijson::adapters::NlohmannJsonAdapter*>(&value);
    const valijson::Schema* schema = spec.subschemas[index].get();
    if (concrete == nullptr || schema == nullptr) throw std::logic_error("patternProperties subschema unavailable");
    std::vector<std::string> memberContext = context;
    memberContext.push_back("[" + name + "]");
    std::unordered_map<std::string, std::regex> unusedRegexCache;  // no pattern ever reaches valijson
    valijson::ValidationVisitor<valijson::adapters::NlohmannJsonAdapter> visitor(*concrete, memberContext, true,
                                                                                 results, unusedRegexCache);
    return visitor.validateSchema(*schema);
  }

  // The verdict of branch `index` of an anyOf/oneOf spec for `target`,
  // from the memo when this (branch, location) was already evaluated.
  static bool branch(const KeywordSpec& spec, std::size_t index, const Adapter& target,
                     const std::vector<std::string>& context) {
    if (spec.constants[index] >= 0) return spec.constants[index] == 1;
    const auto* concrete = dynamic_cast<const valijson::adapters::NlohmannJsonAdapter*>(&target);
    const valijson::Schema* schema = spec.subschemas[index].get();
    if (concrete == nullptr || schema == nullptr) throw std::logic_error("anyOf/oneOf subschema unavailable");
    std::string key(reinterpret_cast<const char*>(&schema), sizeof schema);
    for (const std::string& c : context) {
      key += '\0';
      key += c;
    }
    if (tBranchMemo != nullptr) {
      auto seen = tBranchMemo->find(key);
      if (seen != tBranchMemo->end()) return seen->second;
    }
    std::unordered_map<std::string, std::regex> unusedRegexCache;  // no pattern ever reaches valijson
    valijson::ValidationVisitor<valijson::adapters::NlohmannJsonAdapter> visitor(*concrete, context, true, nullptr,
                                                                                 unusedRegexCache);
    const bool ok = visitor.validateSchema(*schema);
    if (tBranchMemo != nullptr) tBranchMemo->emplace(std::move(key), ok);
    return ok;
  }

  valijson::constraints::Constraint* cloneInto(void* where) const override {
    return new (where) OwnKeywordsConstraint(*this);
  }
  size_t sizeOf() const override { return sizeof(OwnKeywordsConstraint); }

  const std::vector<KeywordSpec>* table_;
  std::vector<std::size_t> ids_;
};

class OwnKeywordsBuilder : public valijson::ConstraintBuilder {
 public:
  explicit OwnKeywordsBuilder(const std::vector<KeywordSpec>* table) : table_(table) {}
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    std::vector<std::size_t> ids;
    value.applyToArray([&](const Adapter& item) {
      ids.push_back(static_cast<std::size_t>(item.getInteger()));
      return true;
    });
    return new OwnKeywordsConstraint(table_, std::move(ids));
  }

 private:
  const std::vector<KeywordSpec>* table_;
};

// "<root>", "[brand]", "[0]" → "/brand/0".
std::string contextToPointer(const std::vector<std::string>& context) {
  std::string p;
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string& c = context[i];
    std::string token = c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c;
    p += "/" + input::escapePointerToken(token);
  }
  return p;
}

// valijson 1.0 recurses without limit on a schema that reaches itself again
// without descending into the instance: a chain of $refs ({"$ref": "#"}), or
// an in-place applicator that leads back (allOf: [{"$ref": "#"}]). Such a
// cycle would overflow the stack while parsing or validating, so it is
// refused at load. Edges are the keywords that apply a schema to the same
// instance; properties, items and the like descend, so recursion through
// them (a tree schema) is fine. Iterative, so a long chain cannot overflow.
bool findRefCycle(const json& document, std::string& error) {
  // Resolves a reference's pointer the way valijson 1.0 does, which is not
  // quite RFC 6901: empty tokens are skipped ("#/" is the root), "~1" is
  // replaced before "~0", and %XX is decoded in each token.
  auto resolve = [&document](const std::string& pointer) -> const json* {
    const json* node = &document;
    std::size_t i = 0;
    while (node != nullptr && i < pointer.size()) {
      if (pointer[i] != '/') return nullptr;
      std::size_t end = pointer.find('/', i + 1);
      if (end == std::string::npos) end = pointer.size();
      std::string token = pointer.substr(i + 1, end - i - 1);
      i = end;
      for (auto [from, to] : {std::pair<const char*, const char*>{"~1", "/"}, {"~0", "~"}}) {
        for (std::size_t at = token.find(from); at != std::string::npos; at = token.find(from, at + 1)) {
          token.replace(at, 2, to);
        }
      }
      for (std::size_t at = token.find('%'); at != std::string::npos; at = token.find('%', at + 1)) {
        if (at + 2 >= token.size() || !std::isxdigit(static_cast<unsigned char>(token[at + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(token[at + 2]))) {
          return nullptr;  // valijson throws: a load error, not a loop
        }
        token.replace(at, 3, 1, static_cast<char>(std::stoi(token.substr(at + 1, 2), nullptr, 16)));
      }
      if (token.empty()) continue;
      if (node->is_object()) {
        auto it = node->find(token);
        node = it == node->end() ? nullptr : &*it;
      } else if (node->is_array()) {
        // std::stoul, as valijson: "1then" and " +1" are index 1.
        unsigned long index = 0;
        try {
          index = std::stoul(token);
        } catch (...) {
          return nullptr;
        }
        node = index < node->size() ? &(*node)[index] : nullptr;
      } else {
        return nullptr;
      }
    }
    return node;
  };
  // The schemas `node` applies to its own instance.
  auto inPlace = [&](const json& node, std::vector<const json*>& out) {
    out.clear();
    if (!node.is_object()) return;
    auto ref = node.find("$ref");
    if (ref != node.end() && ref->is_string()) {  // draft-07: $ref's siblings are ignored
      const std::string s = ref->get<std::string>();
      const std::size_t hash = s.find('#');
      if (s.substr(0, hash).find(':') != std::string::npos) return;  // another document
      const json* target = resolve(hash == std::string::npos ? std::string() : s.substr(hash + 1));
      if (target != nullptr) out.push_back(target);
      return;
    }
    for (const char* key : {"allOf", "anyOf", "oneOf", "x-smsreg-anyOf", "x-smsreg-oneOf"}) {
      auto it = node.find(key);
      if (it != node.end() && it->is_array()) {
        for (const json& sub : *it) out.push_back(&sub);
      }
    }
    for (const char* key : {"not", "if", "then", "else"}) {
      auto it = node.find(key);
      if (it != node.end()) out.push_back(&*it);
    }
    auto deps = node.find("dependencies");
    if (deps != node.end() && deps->is_object()) {
      for (const json& sub : *deps) {
        if (sub.is_object()) out.push_back(&sub);
      }
    }
  };
  enum State : char { kOnPath = 1, kDone = 2 };
  std::unordered_map<const json*, char> state;
  struct Frame {
    const json* node;
    std::vector<const json*> edges;  // computed once per node: allOf may be long
    std::size_t next = 0;
  };
  // Every object of the document is a possible start; data under enum and
  // const is never parsed as a schema.
  std::vector<std::pair<const json*, std::string>> walk{{&document, ""}};
  while (!walk.empty()) {
    auto [start, at] = walk.back();
    walk.pop_back();
    if (start->is_object()) {
      for (auto it = start->begin(); it != start->end(); ++it) {
        if (it.key() != "enum" && it.key() != "const") {
          walk.push_back({&it.value(), at + "/" + input::escapePointerToken(it.key())});
        }
      }
    } else if (start->is_array()) {
      for (std::size_t i = 0; i < start->size(); ++i) walk.push_back({&(*start)[i], at + "/" + std::to_string(i)});
    }
    if (!start->is_object() || state.count(start) != 0) continue;
    // Depth-first along in-place edges.
    std::vector<Frame> path(1);
    path[0].node = start;
    inPlace(*start, path[0].edges);
    state[start] = kOnPath;
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next >= top.edges.size()) {
        state[top.node] = kDone;
        path.pop_back();
        continue;
      }
      const json* child = top.edges[top.next++];
      auto seen = state.find(child);
      if (seen != state.end() && seen->second == kOnPath) {
        error = (at.empty() ? std::string("#") : at) +
                ": the schema reaches itself again through $ref/allOf/anyOf/oneOf/not/if without "
                "descending into the instance (circular $ref), which would recurse forever";
        return true;
      }
      if (seen == state.end() && child->is_object()) {
        state[child] = kOnPath;
        Frame frame;
        frame.node = child;
        inPlace(*child, frame.edges);
        path.push_back(std::move(frame));
      }
    }
  }
  return false;
}

// The URI under which the document itself is served back to valijson, so a
// subschema can be parsed as its own Schema with $refs resolved against the
// whole document.
constexpr const char* kSelfUri = "http://smsreg.invalid/compiled-document";

// "%" is the one character valijson 1.0 decodes in a pointer beyond ~0 and ~1.
std::string pointerForValijson(const std::string& pointer) {
  std::string out;
  for (char c : pointer) out += c == '%' ? std::string("%25") : std::string(1, c);
  return out;
}

}  // namespace

struct CompiledSchema::Impl {
  std::vector<KeywordSpec> table;
  json document;  // rewritten; valijson's adapters point into it
  std::vector<std::unique_ptr<json>> remotes;
  std::map<std::string, const json*> fetched;  // remotes by URI
  valijson::Schema schema;

  // Parses the main Schema, then one Schema for every subschema smsreg
  // applies itself (patternProperties), all against `document`.
  void parse(const RemoteLoader& loader, std::string& error) {
    auto fetch = [this, &loader, &error](const std::string& uri) -> const json* {
      if (uri == kSelfUri) return &document;
      auto seen = fetched.find(uri);
      if (seen != fetched.end()) return seen->second;  // rewritten once, so the table stays put
      if (!loader) return nullptr;
      auto doc = std::make_unique<json>();
      if (!loader(uri, *doc)) return nullptr;
      std::string why;
      if (!rewriteKeywords(*doc, table, why, uri + "#", uri + "#")) {
        error = why;
        return nullptr;
      }
      if (findRefCycle(*doc, why)) {
        error = uri + "#" + why;
        return nullptr;
      }
      remotes.push_back(std::move(doc));
      fetched[uri] = remotes.back().get();
      return remotes.back().get();
    };
    auto release = [](const json*) {};  // owned by this Impl
    {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      parser.addConstraintBuilder(kOwnKeyword, new OwnKeywordsBuilder(&table));
      valijson::adapters::NlohmannJsonAdapter adapter(document);
      parser.populateSchema(adapter, schema, fetch, release);
    }
    // Index loop: a remote fetched while parsing appends to the table.
    for (std::size_t i = 0; i < table.size(); ++i) {
      table[i].subschemas.resize(table[i].subschemaPointers.size());
      for (std::size_t k = 0; k < table[i].subschemaPointers.size(); ++k) {
        if (table[i].constants[k] >= 0) continue;
        auto root = std::make_unique<json>();
        // "#/pointer" is in `document`; "URI#/pointer" in a fetched remote.
        const std::string& at = table[i].subschemaPointers[k];
        const std::size_t hash = at.find('#');
        (*root)["$ref"] =
            (hash == 0 ? std::string(kSelfUri) : at.substr(0, hash)) + "#" + pointerForValijson(at.substr(hash + 1));
        auto sub = std::make_shared<valijson::Schema>();
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.addConstraintBuilder(kOwnKeyword, new OwnKeywordsBuilder(&table));
        valijson::adapters::NlohmannJsonAdapter adapter(*root);
        remotes.push_back(std::move(root));
        parser.populateSchema(adapter, *sub, fetch, release);
        table[i].subschemas[k] = std::move(sub);  // by index: parsing may have grown the table
      }
    }
  }
};

CompiledSchema::CompiledSchema() : impl_(std::make_unique<Impl>()) {}
CompiledSchema::~CompiledSchema() = default;

const std::vector<KeywordSpec>& CompiledSchema::keywords() const { return impl_->table; }

std::unique_ptr<CompiledSchema> CompiledSchema::compile(const json& document, std::string& error,
                                                        const RemoteLoader& remotes) {
  std::unique_ptr<CompiledSchema> out(new CompiledSchema());
  Impl& impl = *out->impl_;
  try {
    impl.document = document;
    if (!rewriteKeywords(impl.document, impl.table, error, "", "#")) return nullptr;
    if (findRefCycle(impl.document, error)) return nullptr;
    impl.parse(remotes, error);
  } catch (const std::exception& e) {
    if (error.empty()) error = std::string("the schema cannot be loaded: ") + e.what();
    return nullptr;
  }
  return out;
}

std::unique_ptr<CompiledSchema> CompiledSchema::compileDocuments(std::vector<SchemaDocument> documents,
                                                                 std::string& error) {
  std::unique_ptr<CompiledSchema> out(new CompiledSchema());
  Impl& impl = *out->impl_;
  try {
    if (documents.empty()) {
      error = "no schema document";
      return nullptr;
    }
    json all = json::array();
    std::vector<std::string> bases;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      bases.push_back(documents[i].base);
      const std::string placement = std::string("#/") + kDocumentsKey + "/" + std::to_string(i);
      if (!rewriteKeywords(documents[i].document, impl.table, error, documents[i].base, placement)) return nullptr;
      all.push_back(std::move(documents[i].document));
    }
    impl.document = json::object();
    impl.document["$ref"] = std::string("#/") + kDocumentsKey + "/0";
    impl.document[kDocumentsKey] = std::move(all);
    if (findRefCycle(impl.document, error)) {
      // "/x-smsreg-documents/<i>/rest" → the document's own keywordLocation.
      const std::string prefix = std::string("/") + kDocumentsKey + "/";
      if (error.rfind(prefix, 0) == 0) {
        const std::size_t end = error.find_first_not_of("0123456789", prefix.size());
        const std::size_t index = std::stoul(error.substr(prefix.size(), end - prefix.size()));
        if (index < bases.size()) error = bases[index] + error.substr(end);
      }
      return nullptr;
    }
    impl.parse(nullptr, error);
  } catch (const std::exception& e) {
    if (error.empty()) error = std::string("the schema cannot be loaded: ") + e.what();
    return nullptr;
  }
  return out;
}

bool CompiledSchema::validate(const json& instance, std::vector<RawError>* errors) const noexcept {
  try {
    // A fresh valijson::Validator per call: smsreg gives it no pattern, so it
    // has nothing to cache, and sharing one across threads would race.
    valijson::Validator validator;
    valijson::adapters::NlohmannJsonAdapter target(instance);
    const MemoScope memo;
    if (errors == nullptr) return validator.validate(impl_->schema, target, nullptr);
    valijson::ValidationResults results;
    bool ok = validator.validate(impl_->schema, target, &results);
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
      RawError raw;
      raw.instanceLocation = contextToPointer(e.context);
      if (!e.description.empty() && e.description[0] == kOwnMark) {
        auto mark = e.description.find(kDetailMark);
        std::size_t id = std::stoul(e.description.substr(1, mark - 1));
        const KeywordSpec& spec = impl_->table[id];
        raw.keywordLocation = spec.keywordLocation;
        if (spec.kind == KeywordSpec::Kind::kInteger) {
          raw.detail = "Value type not permitted by 'type' constraint.";  // as valijson words it
        } else if (spec.kind == KeywordSpec::Kind::kMultipleOf) {
          raw.detail = "Value should be a multiple of " + json(spec.divisor).dump();
        } else {
          raw.spec = &spec;
          raw.detail = e.description.substr(mark + 1);
        }
      } else {
        raw.detail = e.description;
      }
      errors->push_back(std::move(raw));
    }
    // A false subschema (e.g. propertyNames: false) fails without a word;
    // a failure must still say something.
    if (!ok && errors->empty()) errors->push_back(RawError{"", nullptr, "The value fails the schema.", ""});
    return ok;
  } catch (...) {
    if (errors != nullptr) errors->push_back(RawError{"", nullptr, "the schema could not be evaluated", ""});
    return false;
  }
}

}  // namespace smsreg::schema
