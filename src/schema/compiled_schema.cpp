#include "schema/compiled_schema.hpp"

#include <set>
#include <unordered_map>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "input/bounded_json.hpp"
#include "schema/canonical_json.hpp"
#include "schema/keyword_rewrite.hpp"

namespace smsreg::schema {

namespace {

using json = nlohmann::json;
using valijson::adapters::Adapter;

constexpr char kOwnMark = '\x1e';
constexpr char kDetailMark = '\x1f';

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
  static void report(valijson::ValidationResults* results, const std::vector<std::string>& context,
                     std::size_t id, const std::string& detail) {
    if (results != nullptr) {
      results->pushError(context, std::string(1, kOwnMark) + std::to_string(id) + kDetailMark + detail);
    }
  }

  bool check(const KeywordSpec& spec, std::size_t id, const Adapter& target,
             const std::vector<std::string>& context, valijson::ValidationResults* results) const {
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
      case Kind::kPatternProperties:
        return true;
    }
    return true;
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

// Follows chains of local $refs; a chain that comes back to where it started
// makes valijson 1.0 recurse until the stack overflows, so it is refused.
bool findRefCycle(const json& document, std::string& error) {
  std::vector<std::pair<const json*, std::string>> stack{{&document, ""}};
  while (!stack.empty()) {
    auto [node, at] = stack.back();
    stack.pop_back();
    if (node->is_object()) {
      auto ref = node->find("$ref");
      if (ref != node->end() && ref->is_string()) {
        std::set<const json*> visited{node};
        const json* cur = node;
        while (true) {
          auto r = cur->find("$ref");
          if (r == cur->end() || !r->is_string()) break;
          // As valijson 1.0 resolves it: an absolute URI is another document;
          // anything else (even "a/b" with no "#") is a pointer into this one.
          const std::string s = r->get<std::string>();
          const std::size_t hash = s.find('#');
          const std::string uri = s.substr(0, hash);
          if (uri.find(':') != std::string::npos) break;
          const std::string pointer = hash == std::string::npos ? std::string() : s.substr(hash + 1);
          const json* target = nullptr;
          try {
            target = &document.at(json::json_pointer(pointer));
          } catch (...) {
            break;  // unresolvable: valijson reports it
          }
          if (!target->is_object()) break;
          if (!visited.insert(target).second) {
            error = at + "/$ref: circular $ref \"" + ref->get<std::string>() + "\" never reaches a schema";
            return true;
          }
          cur = target;
        }
      }
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (it.key() == "enum" || it.key() == "const") continue;
        stack.push_back({&it.value(), at + "/" + input::escapePointerToken(it.key())});
      }
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i) stack.push_back({&(*node)[i], at + "/" + std::to_string(i)});
    }
  }
  return false;
}

}  // namespace

struct CompiledSchema::Impl {
  std::vector<KeywordSpec> table;
  json document;                       // rewritten; valijson's adapters point into it
  std::vector<std::unique_ptr<json>> remotes;
  valijson::Schema schema;
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
    if (!rewriteKeywords(impl.document, impl.table, error)) return nullptr;
    if (findRefCycle(impl.document, error)) return nullptr;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.addConstraintBuilder(kOwnKeyword, new OwnKeywordsBuilder(&impl.table));
    valijson::adapters::NlohmannJsonAdapter adapter(impl.document);
    if (remotes) {
      auto fetch = [&impl, &remotes, &error](const std::string& uri) -> const json* {
        auto doc = std::make_unique<json>();
        if (!remotes(uri, *doc)) return nullptr;
        std::string why;
        if (!rewriteKeywords(*doc, impl.table, why, uri + "#")) {
          error = why;
          return nullptr;
        }
        if (findRefCycle(*doc, why)) {
          error = uri + "#" + why;
          return nullptr;
        }
        impl.remotes.push_back(std::move(doc));
        return impl.remotes.back().get();
      };
      auto release = [](const json*) {};  // owned by impl.remotes
      parser.populateSchema(adapter, impl.schema, fetch, release);
    } else {
      parser.populateSchema(adapter, impl.schema);
    }
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
        raw.spec = &impl_->table[id];
        raw.detail = e.description.substr(mark + 1);
      } else {
        raw.detail = e.description;
      }
      errors->push_back(std::move(raw));
    }
    return ok;
  } catch (...) {
    if (errors != nullptr) errors->push_back(RawError{"", nullptr, "the schema could not be evaluated"});
    return false;
  }
}

}  // namespace smsreg::schema
