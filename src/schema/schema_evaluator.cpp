#include "schema/schema_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>

#include "input/bounded_json.hpp"
#include "schema/canonical_json.hpp"
#include "schema/name_table.hpp"
#include "schema/pattern_shortcut.hpp"

namespace smsreg::schema {

namespace {

using json = nlohmann::json;

// A value of enum or const: the kinds the evaluator compares (strictly, as
// valijson's strict equalTo does).
struct Constant {
  enum class Kind { kNull, kBool, kString } kind = Kind::kNull;
  bool boolean = false;
  std::string text;

  bool equals(const json& v) const {
    switch (kind) {
      case Kind::kNull:
        return v.is_null();
      case Kind::kBool:
        return v.is_boolean() && v.get<bool>() == boolean;
      case Kind::kString:
        return v.is_string() && *v.get_ptr<const std::string*>() == text;
    }
    return false;
  }
};

// Named types as valijson checks them with strict types. "integer" never
// appears: the rewrite turned it into "number" plus smsreg's own check.
enum TypeBit : unsigned {
  kNull = 1,
  kBoolean = 2,
  kNumber = 4,
  kString = 8,
  kArray = 16,
  kObject = 32,
};

// The TypeBit of each json::value_t (null, object, array, string, boolean,
// three numbers, binary, discarded): one load instead of a switch.
constexpr unsigned kTypeBit[] = {kNull, kObject, kArray, kString, kBoolean, kNumber, kNumber, kNumber, 0, 0};

bool typeMatches(unsigned mask, const json& v) {
  const auto type = static_cast<std::size_t>(v.type());
  return type < sizeof kTypeBit / sizeof kTypeBit[0] && (mask & kTypeBit[type]) != 0;
}

constexpr std::uint32_t kNone = 0xffffffffu;

}  // namespace

// One subschema, its checks in the order valijson 1.0's SchemaParser adds
// constraints (allOf, const, enum, items, if, maxItems, minItems, properties,
// required, type), then smsreg's own keywords in the rewrite's order.
struct SchemaEvaluator::Node {
  bool alwaysInvalid = false;  // the boolean schema false
  std::vector<std::uint32_t> allOf;
  bool hasConst = false;
  Constant constant;
  bool hasEnum = false;
  // The enum's values by kind: a string is looked up by one hash, not
  // compared with every value (the verticals and use cases are lists of
  // twenty and more).
  NameTable enumStrings;
  bool enumNull = false, enumTrue = false, enumFalse = false;
  std::uint32_t items = kNone;
  bool hasIf = false;
  std::uint32_t ifNode = kNone, thenNode = kNone, elseNode = kNone;
  bool hasMaxItems = false, hasMinItems = false;
  std::uint64_t maxItems = 0, minItems = 0;
  std::string maxItemsText, minItemsText;  // valijson's decimal, ready for the message
  bool hasProperties = false;
  std::vector<std::pair<std::string, std::uint32_t>> properties;  // sorted as std::map sorts
  bool closed = false;                                            // additionalProperties: false
  std::uint32_t additional = kNone;                               // additionalProperties: a schema
  std::vector<std::string> required;                              // sorted, unique (valijson's std::set)
  // Lookup ids (SchemaEvaluator::lookedUp_) of required[i] and properties[i].
  std::vector<std::uint32_t> requiredIds, propertyIds;
  // A walked node's (closed, or with additionalProperties) subschema for the
  // member of each lookup id, or kNone: a member's one lookup in the object's
  // MemberCache frame serves `required`, `if` and this walk alike.
  std::vector<std::uint32_t> childById;
  bool hasType = false;
  unsigned types = 0;
  struct Own {
    const KeywordSpec* spec;
    PatternShortcut shortcut;  // kPattern: a plain-code accept tried before RE2, or null
    FormatCheck format;        // kFormat: checkFormat for spec->text, or null
  };
  std::vector<Own> own;  // smsreg's own keywords, in the order the rewrite listed them
  // Only enum, type and own keywords (most members' schemas): a value that
  // passes them all has nothing to report, so a caller settles it with
  // Evaluation::passes and never enters node().
  bool leaf = false;
};

namespace {

// Compiles the subset of draft 07 the registration schema uses.
class Compiler {
 public:
  Compiler(const json& document, const std::vector<KeywordSpec>& table, std::vector<SchemaEvaluator::Node>& nodes,
           std::string& why)
      : document_(document), nodes_(nodes), why_(why) {
    for (const KeywordSpec& spec : table) specs_.emplace(spec.keywordLocation, &spec);
  }

  bool run() {
    refs_.emplace("", 0);
    return compile(document_, "") != kNone;
  }

 private:
  std::uint32_t compile(const json& s, const std::string& at) {
    const std::uint32_t id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    SchemaEvaluator::Node n;
    if (s.is_boolean()) {
      n.alwaysInvalid = !s.get<bool>();
      nodes_[id] = std::move(n);
      return id;
    }
    if (!s.is_object()) return decline(at, "a schema that is neither an object nor a boolean");
    auto ref = s.find("$ref");
    if (ref != s.end()) {
      nodes_.pop_back();  // the $ref's target stands for this node
      if (s.size() != 1) return decline(at, "$ref beside other keywords");
      return compileRef(*ref, at);
    }
    for (auto it = s.begin(); it != s.end(); ++it) {
      const std::string& key = it.key();
      const json& v = it.value();
      const std::string here = at + "/" + input::escapePointerToken(key);
      if (key == "allOf") {
        if (!v.is_array() || v.empty()) return decline(here, "allOf that is not a non-empty array");
        for (std::size_t i = 0; i < v.size(); ++i) {
          const std::uint32_t child = compile(v[i], here + "/" + std::to_string(i));
          if (child == kNone) return kNone;
          n.allOf.push_back(child);
        }
      } else if (key == "const") {
        n.hasConst = true;
        if (!constant(v, n.constant)) return decline(here, "a const that is not a string, boolean or null");
      } else if (key == "enum") {
        n.hasEnum = true;
        if (!v.is_array()) return decline(here, "enum that is not an array");
        std::vector<std::string> strings;
        for (const json& value : v) {
          Constant c;
          if (!constant(value, c)) return decline(here, "an enum value that is not a string, boolean or null");
          if (c.kind == Constant::Kind::kString) strings.push_back(c.text);
          n.enumNull |= c.kind == Constant::Kind::kNull;
          n.enumTrue |= c.kind == Constant::Kind::kBool && c.boolean;
          n.enumFalse |= c.kind == Constant::Kind::kBool && !c.boolean;
        }
        n.enumStrings = NameTable(strings);
      } else if (key == "items") {
        if (v.is_array()) return decline(here, "items as an array");
        if ((n.items = compile(v, here)) == kNone) return kNone;
      } else if (key == "if") {
        n.hasIf = true;
        if ((n.ifNode = compile(v, here)) == kNone) return kNone;
      } else if (key == "then" || key == "else") {
        if (s.find("if") == s.end()) continue;  // valijson ignores them without "if"
        std::uint32_t& target = key == "then" ? n.thenNode : n.elseNode;
        if ((target = compile(v, here)) == kNone) return kNone;
      } else if (key == "maxItems" || key == "minItems") {
        if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
          return decline(here, "a count that is not a non-negative integer");
        }
        const std::uint64_t count = v.get<std::uint64_t>();
        if (key == "maxItems") {
          n.hasMaxItems = true;
          n.maxItems = count;
          n.maxItemsText = std::to_string(count);
        } else {
          n.hasMinItems = true;
          n.minItems = count;
          n.minItemsText = std::to_string(count);
        }
      } else if (key == "properties") {
        n.hasProperties = true;
        if (!v.is_object()) return decline(here, "properties that is not an object");
        for (auto m = v.begin(); m != v.end(); ++m) {  // std::map: sorted as valijson's map
          const std::uint32_t child = compile(m.value(), here + "/" + input::escapePointerToken(m.key()));
          if (child == kNone) return kNone;
          n.properties.emplace_back(m.key(), child);
        }
      } else if (key == "additionalProperties") {
        n.hasProperties = true;
        if (v.is_boolean()) {
          n.closed = !v.get<bool>();
        } else if ((n.additional = compile(v, here)) == kNone) {
          return kNone;
        }
      } else if (key == "required") {
        if (!v.is_array()) return decline(here, "required that is not an array");
        for (const json& name : v) {
          if (!name.is_string()) return decline(here, "a required name that is not a string");
          n.required.push_back(name.get<std::string>());
        }
        std::sort(n.required.begin(), n.required.end());
        n.required.erase(std::unique(n.required.begin(), n.required.end()), n.required.end());
      } else if (key == "type") {
        n.hasType = true;
        if (!types(v, n.types)) return decline(here, "a type this evaluator does not know");
      } else if (key == "pattern" || key == "format" || key == "minLength" || key == "maxLength" ||
                 key == "uniqueItems" || key == "x-smsreg-forbidden" || key == "definitions" || key == "$schema" ||
                 key == "$id" || key == "$comment" || key == "title" || key == "description" || key == "default" ||
                 key == "examples" || key == "x-smsreg-hint") {
        continue;  // own keywords are read below, in the rewrite's order; the rest are annotations
      } else {
        return decline(here, "the keyword \"" + key + "\"");
      }
    }
    // smsreg's own keywords (keyword_rewrite.cpp), in the order it lists them.
    for (const char* key : {"pattern", "format", "minLength", "maxLength", "uniqueItems", "x-smsreg-forbidden"}) {
      auto it = s.find(key);
      if (it == s.end()) continue;
      if (std::string_view(key) == "uniqueItems" && it->is_boolean() && !it->get<bool>()) continue;
      if (!own(n, at + "/" + key)) return kNone;
    }
    auto type = s.find("type");
    if (type != s.end() && names(*type, "integer") && !names(*type, "number") && !own(n, at + "/type")) return kNone;
    n.leaf = !n.alwaysInvalid && n.allOf.empty() && !n.hasConst && n.items == kNone && !n.hasIf && !n.hasMaxItems &&
             !n.hasMinItems && !n.hasProperties && n.required.empty();
    nodes_[id] = std::move(n);
    return id;
  }

  // "#/definitions/brand" and the like: plain tokens only.
  std::uint32_t compileRef(const json& ref, const std::string& at) {
    if (!ref.is_string()) return decline(at, "$ref that is not a string");
    const std::string& text = ref.get_ref<const std::string&>();
    if (text.empty() || text[0] != '#') return decline(at, "a $ref that is not local");
    const std::string pointer = text.substr(1);
    auto seen = refs_.find(pointer);
    if (seen != refs_.end()) return seen->second;
    const json* target = &document_;
    std::size_t i = 0;
    while (i < pointer.size()) {
      std::size_t end = pointer.find('/', i + 1);
      if (end == std::string::npos) end = pointer.size();
      const std::string token = pointer.substr(i + 1, end - i - 1);
      const bool plain = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      });
      if (pointer[i] != '/' || !plain || !target->is_object()) return decline(at, "the $ref \"" + text + "\"");
      auto it = target->find(token);
      if (it == target->end()) return decline(at, "the $ref \"" + text + "\"");
      target = &*it;
      i = end;
    }
    // Registered before compiling, so a schema reaching itself through
    // properties or items (a tree) compiles to a loop, not forever.
    refs_.emplace(pointer, static_cast<std::uint32_t>(nodes_.size()));
    return compile(*target, pointer);
  }

  bool own(SchemaEvaluator::Node& n, const std::string& location) {
    auto it = specs_.find(location);
    if (it == specs_.end()) return decline(location, "a keyword smsreg's table does not hold") != kNone;
    const KeywordSpec::Kind kind = it->second->kind;
    using Kind = KeywordSpec::Kind;
    if (kind != Kind::kPattern && kind != Kind::kFormat && kind != Kind::kMinLength && kind != Kind::kMaxLength &&
        kind != Kind::kUniqueItems && kind != Kind::kForbidden && kind != Kind::kInteger) {
      return decline(location, "an own keyword of another kind") != kNone;
    }
    n.own.push_back({it->second, kind == Kind::kPattern ? patternShortcut(it->second->text) : nullptr,
                     kind == Kind::kFormat ? formatCheck(it->second->text) : nullptr});
    return true;
  }

  static bool constant(const json& v, Constant& out) {
    if (v.is_null()) {
      out.kind = Constant::Kind::kNull;
    } else if (v.is_boolean()) {
      out.kind = Constant::Kind::kBool;
      out.boolean = v.get<bool>();
    } else if (v.is_string()) {
      out.kind = Constant::Kind::kString;
      out.text = v.get<std::string>();
    } else {
      return false;
    }
    return true;
  }

  static bool names(const json& type, const char* name) {
    if (type.is_string()) return type.get_ref<const std::string&>() == name;
    return type.is_array() && std::find(type.begin(), type.end(), json(name)) != type.end();
  }

  static bool types(const json& v, unsigned& mask) {
    auto one = [&mask](const json& t) {
      if (!t.is_string()) return false;
      const std::string& name = t.get_ref<const std::string&>();
      if (name == "null") {
        mask |= kNull;
      } else if (name == "boolean") {
        mask |= kBoolean;
      } else if (name == "number" || name == "integer") {
        mask |= kNumber;  // integrality is smsreg's own check (keyword_rewrite.cpp)
      } else if (name == "string") {
        mask |= kString;
      } else if (name == "array") {
        mask |= kArray;
      } else if (name == "object") {
        mask |= kObject;
      } else {
        return false;
      }
      return true;
    };
    if (v.is_string()) return one(v);
    if (!v.is_array() || v.empty()) return false;
    return std::all_of(v.begin(), v.end(), one);
  }

  std::uint32_t decline(const std::string& at, const std::string& what) {
    why_ = (at.empty() ? std::string("#") : at) + ": " + what + " is not compiled; valijson evaluates the schema";
    return kNone;
  }

  const json& document_;
  std::vector<SchemaEvaluator::Node>& nodes_;
  std::string& why_;
  std::unordered_map<std::string, const KeywordSpec*> specs_;
  std::map<std::string, std::uint32_t> refs_;
};

// One object's members, each with its lookup id (SchemaEvaluator::lookedUp_),
// found with one walk of the object and one hash a member: `required`, the
// `if`s and their branches, open `properties` and the walk of a closed node
// all ask about the same object one after the other, and then read these
// instead of walking the std::map again.
struct MemberFrame {
  struct Entry {
    const std::string* key;
    const nlohmann::json* value;
    std::uint32_t id;  // NameTable::kMissing when no node names the member
  };
  const nlohmann::json* object = nullptr;
  std::vector<Entry> entries;               // in the object's order
  std::vector<const nlohmann::json*> byId;  // the member of each lookup id, or null
};

// One frame an instance depth (the root object 0, its members' objects 1, …):
// an object's frame stays while its members, one level down, fill theirs.
// Adding a deeper frame may move the frames, but never a frame's entries
// (a moved vector keeps its buffer), which the walk of a closed node holds.
// Kept per thread and reused, so a document allocates nothing for it.
struct MemberCache {
  std::vector<MemberFrame> frames;
  std::size_t names = 0;  // lookedUp_.size() of the evaluator the frames are sized for
};

// Larger objects (a megabyte of junk members) are searched name by name: a
// walk would cost more than the few names asked for.
constexpr std::size_t kCachedObjectSize = 64;

// One validation: the instance location as it descends, and where errors go.
class Evaluation {
 public:
  Evaluation(const std::vector<SchemaEvaluator::Node>& nodes, const NameTable& lookedUp, MemberCache& cache,
             std::vector<RawError>* errors, bool wrappers, std::size_t depth, const WalkedObject* walked = nullptr,
             std::size_t walkedCount = 0)
      : nodes_(nodes),
        lookedUp_(lookedUp),
        cache_(cache),
        errors_(errors),
        wrappers_(wrappers),
        depth_(depth),
        walked_(walked),
        walkedCount_(walkedCount) {}

  // Errors a wrapper-less run left out; a failure with none at all still
  // needs one (CompiledSchema::validate says "The value fails the schema.").
  std::size_t leftOut() const { return leftOut_; }

  // Collects every error when errors_ is set; else stops at the first failure.
  bool node(std::uint32_t id, const json& v) {
    const SchemaEvaluator::Node& n = nodes_[id];
    if (n.alwaysInvalid) return false;
    const bool collect = errors_ != nullptr;
    bool ok = true;
    for (std::size_t i = 0; i < n.allOf.size(); ++i) {
      if (!node(n.allOf[i], v)) {
        if (!collect) return false;
        if (wrappers_) {
          error("Failed to validate against child schema #" + std::to_string(i) + ".");
        } else {
          ++leftOut_;
        }
        ok = false;
        break;  // valijson's allOf stops at the first failing child
      }
    }
    if (n.hasConst && !n.constant.equals(v)) {
      if (!collect) return false;
      error("Failed to match expected value set by 'const' constraint.");
      ok = false;
    }
    if (n.hasEnum && !inEnum(n, v)) {
      if (!collect) return false;
      error("Failed to match against any enum values.");
      ok = false;
    }
    if (n.items != kNone && v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!child(n.items, v[i], nullptr, i)) {
          if (!collect) return false;
          wrapper([i] { return "Failed to validate item #" + std::to_string(i) + " in array."; });
          ok = false;
        }
      }
    }
    if (n.hasIf) {
      Evaluation verdict(nodes_, lookedUp_, cache_, nullptr, false, depth_, walked_, walkedCount_);
      const std::uint32_t branch = verdict.node(n.ifNode, v) ? n.thenNode : n.elseNode;
      if (branch != kNone && !node(branch, v)) {
        if (!collect) return false;
        wrapper([] {
          return std::string("Failed to validate against a conditional schema set by if-then-else constraints.");
        });
        ok = false;
      }
    }
    if (n.hasMaxItems && v.is_array() && v.size() > n.maxItems) {
      if (!collect) return false;
      error("Array should contain no more than " + n.maxItemsText + " elements.");
      ok = false;
    }
    if (n.hasMinItems && v.is_array() && v.size() < n.minItems) {
      if (!collect) return false;
      error("Array should contain no fewer than " + n.minItemsText + " elements.");
      ok = false;
    }
    if (n.hasProperties && v.is_object() && !properties(n, v)) {
      if (!collect) return false;
      ok = false;
    }
    if (!n.required.empty() && v.is_object()) {
      for (std::size_t i = 0; i < n.required.size(); ++i) {
        const std::string& name = n.required[i];
        if (member(v, n.requiredIds[i], name) != nullptr) continue;
        if (!collect) return false;
        error("Missing required property '" + name + "'.");
        ok = false;
      }
    }
    if (n.hasType && !typeMatches(n.types, v)) {
      if (!collect) return false;
      error("Value type not permitted by 'type' constraint.");
      ok = false;
    }
    for (const SchemaEvaluator::Node::Own& check : n.own) {
      if (!own(check, v)) {
        if (!collect) return false;
        ok = false;
      }
    }
    return ok;
  }

 private:
  // An object's std::map itself: walked without nlohmann's iterator, which
  // asks the value's type at every step.
  static const json::object_t& members(const json& object) { return *object.get_ptr<const json::object_t*>(); }

  // The frame of `object`, the value at the current depth, filled if it
  // holds another object.
  const MemberFrame& frame(const json& object) {
    while (cache_.frames.size() <= depth_) {
      cache_.frames.emplace_back();
      cache_.frames.back().byId.assign(cache_.names, nullptr);
    }
    MemberFrame& f = cache_.frames[depth_];
    if (f.object == &object) return f;
    f.object = nullptr;
    for (const MemberFrame::Entry& e : f.entries) {
      if (e.id != NameTable::kMissing) f.byId[e.id] = nullptr;
    }
    f.entries.clear();
    for (std::size_t w = 0; w < walkedCount_; ++w) {
      if (walked_[w].object != &object) continue;
      // Walked by the caller: its names' ids are mapped, not hashed.
      const WalkedObject& known = walked_[w];
      for (std::size_t i = 0; i < known.count; ++i) {
        const WalkedMember& m = known.members[i];
        const std::uint32_t found = m.name != NameTable::kMissing ? known.ids[m.name] : lookedUp_.find(*m.key);
        f.entries.push_back({m.key, m.value, found});
        if (found != NameTable::kMissing) f.byId[found] = m.value;
      }
      f.object = &object;
      return f;
    }
    for (const auto& [key, value] : members(object)) {
      const std::uint32_t found = lookedUp_.find(key);
      f.entries.push_back({&key, &value, found});  // listed before byId is set: a reset finds every one
      if (found != NameTable::kMissing) f.byId[found] = &value;
    }
    f.object = &object;
    return f;
  }

  // The member `name` (lookup id `id`) of `object`, or null.
  const json* member(const json& object, std::uint32_t id, const std::string& name) {
    if (object.size() > kCachedObjectSize) {
      auto it = object.find(name);
      return it == object.end() ? nullptr : &*it;
    }
    return frame(object).byId[id];
  }

  // The subschema a walked node gives the member whose lookup id is `id`, or kNone.
  static std::uint32_t named(const SchemaEvaluator::Node& n, std::uint32_t id) {
    return id == NameTable::kMissing ? kNone : n.childById[id];
  }

  // valijson's enum: some value strictly equal to `v`.
  static bool inEnum(const SchemaEvaluator::Node& n, const json& v) {
    switch (v.type()) {
      case json::value_t::string:
        return n.enumStrings.find(*v.get_ptr<const std::string*>()) != NameTable::kMissing;
      case json::value_t::null:
        return n.enumNull;
      case json::value_t::boolean:
        return *v.get_ptr<const bool*>() ? n.enumTrue : n.enumFalse;
      default:
        return false;
    }
  }

  // True only when `v` passes leaf node `n` with nothing to report. False
  // says only "ask node()", which then finds the errors (or, for a value a
  // pattern's plain-code accept does not take, asks RE2).
  static bool passes(const SchemaEvaluator::Node& n, const json& v) {
    if (n.hasEnum && !inEnum(n, v)) return false;
    if (n.hasType && !typeMatches(n.types, v)) return false;
    for (const SchemaEvaluator::Node::Own& check : n.own) {
      if (!surelyPasses(check, v)) return false;
    }
    return true;
  }

  // An own keyword settled without RE2 and without reporting.
  static bool surelyPasses(const SchemaEvaluator::Node::Own& check, const json& v) {
    using Kind = KeywordSpec::Kind;
    const KeywordSpec& spec = *check.spec;
    switch (spec.kind) {
      case Kind::kPattern:
        return !v.is_string() || (check.shortcut != nullptr && check.shortcut(*v.get_ptr<const std::string*>()));
      case Kind::kFormat:
        return !v.is_string() || check.format(*v.get_ptr<const std::string*>());
      case Kind::kMinLength:
        return !v.is_string() || codePointCount(*v.get_ptr<const std::string*>(), spec.limit) >= spec.limit;
      case Kind::kMaxLength: {
        if (!v.is_string()) return true;
        const std::string& text = *v.get_ptr<const std::string*>();
        return text.size() <= spec.limit || codePointCount(text, spec.limit + 1) <= spec.limit;
      }
      case Kind::kInteger: {
        if (!v.is_number_float()) return true;
        const double d = v.get<double>();
        return std::isfinite(d) && d == std::floor(d);
      }
      default:
        return false;  // uniqueItems, x-smsreg-forbidden: node() decides
    }
  }

  // The value one step down (the member `key`, or item `index` when `key` is
  // null) against subschema `id`.
  bool child(std::uint32_t id, const json& v, const std::string* key, std::size_t index) {
    const SchemaEvaluator::Node& n = nodes_[id];
    return (n.leaf && passes(n, v)) || descend(id, v, key, index);
  }

  // child() past the leaf check, kept out of line: inlined, its registers
  // would be saved and restored on every member, most of which never get
  // here.
  [[gnu::noinline]] bool descend(std::uint32_t id, const json& v, const std::string* key, std::size_t index) {
    ++depth_;
    if (errors_ != nullptr) steps_.push_back(Step{key, index});
    const bool ok = node(id, v);
    if (errors_ != nullptr) steps_.pop_back();
    --depth_;
    return ok;
  }

  // valijson's PropertiesConstraint: members named by `properties` first (in
  // the order of its sorted map, which is the object's own order), then the
  // others against additionalProperties.
  bool properties(const SchemaEvaluator::Node& n, const json& v) {
    const bool collect = errors_ != nullptr;
    bool ok = true;
    if (!n.closed && n.additional == kNone) {
      // Open: only the named members matter (an `if`'s few names in a large
      // object), looked up as valijson does, in the same sorted order.
      for (std::size_t i = 0; i < n.properties.size(); ++i) {
        // Named, not a structured binding: clang 14 (the fuzz build) cannot
        // capture a binding in the lambda below.
        const std::string& name = n.properties[i].first;
        const json* value = member(v, n.propertyIds[i], name);
        if (value == nullptr) continue;
        if (!child(n.properties[i].second, *value, &name, 0)) {
          if (!collect) return false;
          wrapper(
              [&name] { return "Failed to validate against schema associated with property name '" + name + "'."; });
          ok = false;
        }
      }
      return ok;
    }
    std::size_t matched = 0;
    const std::string* firstUnmatched = nullptr;
    // One member of the walk; false: stop, the verdict is false.
    auto walk = [&](const std::string& key, const json& value, std::uint32_t id) {
      const std::uint32_t schema = named(n, id);
      if (schema == kNone) {
        if (firstUnmatched == nullptr) firstUnmatched = &key;
        return true;
      }
      ++matched;
      if (child(schema, value, &key, 0)) return true;
      if (!collect) return false;
      wrapper([&key] { return "Failed to validate against schema associated with property name '" + key + "'."; });
      ok = false;
      return true;
    };
    if (v.size() <= kCachedObjectSize) {
      // The entries, not the frame: a deeper frame may move the frame but
      // never refills it (see MemberCache).
      const std::vector<MemberFrame::Entry>& entries = frame(v).entries;
      const MemberFrame::Entry* const end = entries.data() + entries.size();
      for (const MemberFrame::Entry* e = entries.data(); e != end; ++e) {
        if (!walk(*e->key, *e->value, e->id)) return false;
      }
    } else {
      for (const auto& entry : members(v)) {
        if (!walk(entry.first, entry.second, lookedUp_.find(entry.first))) return false;
      }
    }
    if (matched == v.size()) return ok;
    if (n.closed) {
      if (collect) {
        wrapper([firstUnmatched] {
          return "Object contains a property that could not be validated using 'properties' or "
                 "'additionalProperties' constraints: '" +
                 *firstUnmatched + "'.";
        });
      }
      return false;
    }
    if (n.additional == kNone) return ok;
    for (const auto& entry : members(v)) {
      const std::string& key = entry.first;
      if (named(n, lookedUp_.find(key)) != kNone) continue;
      if (!child(n.additional, entry.second, &key, 0)) {
        if (!collect) return false;
        wrapper([] { return std::string("Failed to validate against additional properties schema"); });
        ok = false;
      }
    }
    return ok;
  }

  // OwnKeywordsConstraint::check (compiled_schema.cpp), over the json itself.
  bool own(const SchemaEvaluator::Node::Own& check, const json& v) {
    using Kind = KeywordSpec::Kind;
    const KeywordSpec& spec = *check.spec;
    switch (spec.kind) {
      case Kind::kPattern: {
        if (!v.is_string()) return true;
        const std::string& text = *v.get_ptr<const std::string*>();
        if ((check.shortcut != nullptr && check.shortcut(text)) || RE2::PartialMatch(text, *spec.regex)) return true;
        ownError(spec, "");
        return false;
      }
      case Kind::kFormat:
        if (!v.is_string() || check.format(*v.get_ptr<const std::string*>())) return true;
        ownError(spec, "");
        return false;
      case Kind::kMinLength:
      case Kind::kMaxLength: {
        if (!v.is_string()) return true;
        const std::string& text = *v.get_ptr<const std::string*>();
        // No more code points than bytes: a short enough text needs no count,
        // and a long one only the prefix that decides; the whole count is
        // taken only for the message of a failure.
        std::size_t count;
        if (spec.kind == Kind::kMinLength) {
          count = codePointCount(text, spec.limit);
          if (count >= spec.limit) return true;
        } else {
          if (text.size() <= spec.limit) return true;
          if (codePointCount(text, spec.limit + 1) <= spec.limit) return true;
          count = codePointCount(text);
        }
        ownError(spec, std::to_string(count));
        return false;
      }
      case Kind::kUniqueItems:
        return uniqueItems(spec, v);
      case Kind::kForbidden: {
        if (!v.is_object()) return true;
        bool ok = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
          for (const std::string& forbidden : spec.names) {
            if (it.key() != forbidden) continue;
            ok = false;
            ownError(spec, it.key());
          }
        }
        return ok;
      }
      case Kind::kInteger: {
        if (!v.is_number() || !v.is_number_float()) return true;
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d)) return true;
        if (errors_ != nullptr) {
          errors_->push_back(RawError{path(), nullptr, "Value type not permitted by 'type' constraint.",
                                      spec.keywordLocation});  // as valijson words it
        }
        return false;
      }
      default:
        return true;  // the compiler takes no other kind
    }
  }

  // Each item equal to an earlier one is reported by its index. Strings (the
  // usual items) are compared as they are; anything else by its canonical
  // text, as CompiledSchema does, which never equals a string's.
  bool uniqueItems(const KeywordSpec& spec, const json& v) {
    if (!v.is_array()) return true;
    bool ok = true;
    std::unordered_set<std::string_view> strings;
    std::unordered_set<std::string> others;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const json& item = v[i];
      const bool fresh = item.is_string()
                             ? strings.insert(item.get_ref<const std::string&>()).second
                             : others.insert(canonicalJson(valijson::adapters::NlohmannJsonAdapter(item))).second;
      if (fresh) continue;
      ok = false;
      if (errors_ == nullptr) return false;
      ownError(spec, std::to_string(i));
    }
    return ok;
  }

  void ownError(const KeywordSpec& spec, std::string detail) {
    if (errors_ != nullptr) errors_->push_back(RawError{path(), &spec, std::move(detail), spec.keywordLocation});
  }

  void error(std::string detail) {
    if (errors_ != nullptr) errors_->push_back(RawError{path(), nullptr, std::move(detail), ""});
  }

  template <typename Text>
  void wrapper(Text text) {
    if (errors_ == nullptr) return;
    if (wrappers_) {
      error(text());
    } else {
      ++leftOut_;
    }
  }

  std::string path() const {
    std::string out;
    for (const Step& step : steps_) {
      out += '/';
      if (step.key == nullptr) {
        out += std::to_string(step.index);
        continue;
      }
      const std::string& key = *step.key;
      const bool plain = std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; });
      out += plain ? key : input::escapePointerToken(key);
    }
    return out;
  }

  // One step down: a member's name (which outlives the evaluation: the
  // instance's or the schema's), or an array index when `key` is null.
  struct Step {
    const std::string* key;
    std::size_t index;
  };

  const std::vector<SchemaEvaluator::Node>& nodes_;
  const NameTable& lookedUp_;
  MemberCache& cache_;
  std::vector<RawError>* errors_;
  const bool wrappers_;
  std::size_t depth_;  // of the value being evaluated: its object's MemberCache frame
  const WalkedObject* walked_;
  std::size_t walkedCount_;
  std::size_t leftOut_ = 0;
  // The instance location, kept only while collecting (a verdict needs none),
  // as the steps down to the value; the pointer text is written only for an
  // error, which most members never have.
  std::vector<Step> steps_;
};

}  // namespace

SchemaEvaluator::SchemaEvaluator() = default;
SchemaEvaluator::~SchemaEvaluator() = default;

std::unique_ptr<SchemaEvaluator> SchemaEvaluator::compile(const json& document, const CompiledSchema& reference,
                                                          std::string& why) {
  try {
    std::unique_ptr<SchemaEvaluator> out(new SchemaEvaluator());
    Compiler compiler(document, reference.keywords(), out->nodes_, why);
    if (!compiler.run()) return nullptr;
    // Every name a node looks up gets one id, the same in every node.
    std::map<std::string, std::uint32_t> ids;
    std::vector<std::string> names;
    auto idOf = [&ids, &names](const std::string& name) {
      auto it = ids.emplace(name, static_cast<std::uint32_t>(names.size())).first;
      if (it->second == names.size()) names.push_back(name);
      return it->second;
    };
    for (Node& n : out->nodes_) {
      for (const std::string& name : n.required) n.requiredIds.push_back(idOf(name));
      for (const auto& property : n.properties) n.propertyIds.push_back(idOf(property.first));
    }
    for (Node& n : out->nodes_) {
      if (!n.closed && n.additional == kNone) continue;  // open: its names are looked up, not walked
      n.childById.assign(names.size(), kNone);
      for (std::size_t i = 0; i < n.properties.size(); ++i) n.childById[n.propertyIds[i]] = n.properties[i].second;
    }
    out->lookedUp_ = NameTable(names);
    return out;
  } catch (const std::exception& e) {
    why = std::string("the schema cannot be compiled: ") + e.what();
    return nullptr;
  }
}

bool SchemaEvaluator::validate(const json& instance, std::vector<RawError>* errors, bool wrappers) const noexcept {
  return validate(instance, errors, wrappers, nullptr, 0);
}

std::vector<std::uint32_t> SchemaEvaluator::lookupIds(const std::vector<std::string>& names) const {
  std::vector<std::uint32_t> ids;
  for (const std::string& name : names) ids.push_back(lookedUp_.find(name));
  return ids;
}

bool SchemaEvaluator::validate(const json& instance, std::vector<RawError>* errors, bool wrappers,
                               const WalkedObject* walked, std::size_t walkedCount) const noexcept {
  try {
    thread_local MemberCache cache;
    // Emptied for this call: no frame may claim an object of another instance
    // that happens to sit at the same address.
    for (MemberFrame& f : cache.frames) {
      f.object = nullptr;
      for (const MemberFrame::Entry& e : f.entries) {
        if (e.id != NameTable::kMissing) f.byId[e.id] = nullptr;
      }
      f.entries.clear();
      if (cache.names != lookedUp_.size()) f.byId.assign(lookedUp_.size(), nullptr);
    }
    cache.names = lookedUp_.size();
    Evaluation evaluation(nodes_, lookedUp_, cache, errors, wrappers, 0, walked, walkedCount);
    const bool ok = evaluation.node(0, instance);
    if (!ok && errors != nullptr && errors->empty() && evaluation.leftOut() == 0) {
      errors->push_back(RawError{"", nullptr, "The value fails the schema.", ""});
    }
    return ok;
  } catch (...) {
    if (errors != nullptr) errors->push_back(RawError{"", nullptr, "the schema could not be evaluated", ""});
    return false;
  }
}

bool isWrapperError(const RawError& e) {
  return e.spec == nullptr &&
         (e.detail.rfind("Failed to validate", 0) == 0 || e.detail.rfind("Object contains a property", 0) == 0);
}

}  // namespace smsreg::schema
