#include "registration/schema_findings.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "input/bounded_json.hpp"
#include "input/json_pointer.hpp"
#include "registration/suggest.hpp"
#include "registration/tidy.hpp"
#include "report/finding_builder.hpp"
#include "rules/domain_checks.hpp"

namespace smsreg::registration {

namespace {

using json = nlohmann::json;
using report::makeFinding;
using report::withList;
using report::withNumber;
using report::withText;

// Inline, stopping at the first other character (most often the first):
// every string member of every submission is asked.
bool isBlank(const std::string& s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

std::string titleOf(const FieldCatalogue& catalogue, const std::string& pointer) {
  const FieldInfo* info = catalogue.find(pointer);
  if (info != nullptr && !info->title.empty()) return info->title;
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string("The document") : pointer.substr(slash + 1);
}

const json* at(const json& document, const std::string& pointer) { return input::findPointer(document, pointer); }

std::string stringAt(const json& document, const std::string& pointer) {
  const json* v = at(document, pointer);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

std::string parentOf(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string lastToken(const std::string& pointer) {
  auto slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

// Why a conditionally required field is required, for the message.
std::string requiredBecause(const json& document, const std::string& pointer) {
  const std::string field = lastToken(pointer);
  if (pointer.rfind("/brand/", 0) == 0) {
    const std::string type = stringAt(document, "/brand/entityType");
    static const std::set<std::string> always = {"entityType", "displayName", "phone",
                                                 "country",    "email",       "brandRelationship"};
    if (!type.empty() && always.count(field) == 0) return " for a " + type + " brand";
    return " for every brand";
  }
  if (pointer.rfind("/campaign/", 0) == 0) {
    if (field == "optinMessage") return " because people opt in with a keyword (optinKeywords)";
    if (field.rfind("optin", 0) == 0) return " because subscriberOptin is true";
    if (field.rfind("optout", 0) == 0) return " because subscriberOptout is true";
    if (field.rfind("help", 0) == 0) return " because subscriberHelp is true";
    return " for every campaign";
  }
  return "";
}

std::string typeWord(const std::string& type) {
  if (type == "string") return "text";
  if (type == "boolean") return "true or false";
  if (type == "array") return "a list";
  if (type == "object") return "an object";
  if (type == "integer") return "a whole number";
  if (type == "number") return "a number";
  return "a different kind of value";
}

// "a whole number or text", for the field's accepted types.
std::string expectedWords(const FieldInfo* info) {
  if (info == nullptr || info->types.empty()) return typeWord("");
  std::vector<std::string> words;
  for (const std::string& t : info->types) words.push_back(typeWord(t));
  return report::joinWords(words, " or ");
}

// A mechanical fix for a value that does not match its pattern, if any.
std::string formatSuggestion(const std::string& pointer, const std::string& value) {
  const std::string field = lastToken(parentOf(pointer)) == "phoneNumbers" ? "phoneNumbers" : lastToken(pointer);
  if (field == "phone" || field == "mobilePhone" || field == "phoneNumbers") return rules::toE164(value);
  if (field == "website" || field == "privacyPolicyLink" || field == "termsAndConditionsLink") {
    if (value.find("://") == std::string::npos && value.find('.') != std::string::npos &&
        value.find(' ') == std::string::npos) {
      return "https://" + value;
    }
  }
  if (field.size() > 8 && field.compare(field.size() - 8, 8, "Keywords") == 0) {
    std::string out;
    bool ok = true;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string word = value.substr(start, comma - start);
      auto b = word.find_first_not_of(' ');
      auto e = word.find_last_not_of(' ');
      word = b == std::string::npos ? "" : word.substr(b, e - b + 1);
      if (!word.empty()) {
        for (char c : word) {
          bool allowed =
              (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-';
          if (!allowed) ok = false;
        }
        if (word.size() > 30) ok = false;
        out += (out.empty() ? "" : ",") + word;
      }
      start = comma + 1;
    }
    return ok && !out.empty() && out != value ? out : "";
  }
  if (field == "einIssuingCountry" && value.size() == 2) {
    std::string up = value;
    for (char& c : up) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return up != value ? up : "";
  }
  return "";
}

Finding translateOwn(const schema::RawError& e, const json& document, const FieldCatalogue& catalogue) {
  using Kind = schema::KeywordSpec::Kind;
  const std::string& p = e.instanceLocation;
  const std::string title = titleOf(catalogue, p);
  const FieldInfo* info = catalogue.find(p);
  switch (e.spec->kind) {
    case Kind::kMinLength:
    case Kind::kMaxLength: {
      const bool tooShort = e.spec->kind == Kind::kMinLength;
      Finding f = makeFinding(p, tooShort ? "FIELD_TOO_SHORT" : "FIELD_TOO_LONG",
                              title + " is " + e.detail + " characters; " +
                                  (tooShort ? "write at least " : "shorten it to at most ") +
                                  std::to_string(e.spec->limit) + ".");
      withNumber(f, "limit", static_cast<long long>(e.spec->limit));
      withNumber(f, "actual", std::stoll(e.detail));
      return f;
    }
    case Kind::kUniqueItems: {
      const std::string item = p + "/" + e.detail;
      Finding f = makeFinding(
          item, "ITEM_DUPLICATE",
          titleOf(catalogue, item) + " \"" + stringAt(document, item) + "\" is listed twice; remove the repeat.");
      withText(f, "value", stringAt(document, item));
      return f;
    }
    case Kind::kForbidden: {
      const std::string field = p + "/" + input::escapePointerToken(e.detail);
      const std::string type = stringAt(document, p + "/entityType");
      std::string message = titleOf(catalogue, field) + " must not be given";
      message += type.empty() ? "" : " for a " + type + " brand";
      message += "; remove it";
      if (type == "SOLE_PROPRIETOR" && e.detail == "ein") {
        message += " (a business with an EIN registers as PRIVATE_PROFIT, PUBLIC_PROFIT or NON_PROFIT)";
      }
      Finding f = makeFinding(field, "FIELD_FORBIDDEN", message + ".");
      if (!type.empty()) withText(f, "entityType", type);
      return f;
    }
    case Kind::kInteger: {
      Finding f = makeFinding(p, "FIELD_TYPE", title + " must be a whole number; remove the fraction.");
      withText(f, "expected", "integer");
      withText(f, "actual", "number");
      return f;
    }
    default:  // pattern, format: how the value is written
      break;
  }
  const std::string value = stringAt(document, p);
  std::string hint = info != nullptr && !info->hint.empty() ? info->hint : "Check how " + title + " is written.";
  Finding f =
      makeFinding(p, "FIELD_FORMAT", title + " \"" + value.substr(0, 80) + "\" is not written correctly. " + hint);
  std::string suggestion = formatSuggestion(p, value);
  if (!suggestion.empty()) withText(f, "suggestion", suggestion);
  return f;
}

// The objects whose members are fields: the submission itself, and the brand
// and campaign when they are objects, each with its pointer and its part of
// the catalogue. Deeper values are lists a user wrote.
struct SubmissionObject {
  json* object;
  const std::string* base;
  FieldCatalogue::Part part;
};

struct SubmissionObjects {
  std::array<SubmissionObject, 3> items{};
  std::size_t count = 0;
  auto begin() const { return items.begin(); }
  auto end() const { return items.begin() + static_cast<std::ptrdiff_t>(count); }
};

SubmissionObjects submissionObjects(json& document) {
  static const std::string kRoot;
  static const std::string kParts[][2] = {{"brand", "/brand"}, {"campaign", "/campaign"}};
  static const FieldCatalogue::Part kCatalogueParts[] = {FieldCatalogue::kBrand, FieldCatalogue::kCampaign};
  SubmissionObjects objects;
  if (!document.is_object()) return objects;
  objects.items[objects.count++] = {&document, &kRoot, FieldCatalogue::kSubmission};
  for (std::size_t i = 0; i < 2; ++i) {
    auto it = document.find(kParts[i][0]);
    if (it != document.end() && it->is_object()) {
      objects.items[objects.count++] = {&*it, &kParts[i][1], kCatalogueParts[i]};
    }
  }
  return objects;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// A list longer than its maxItems: FIELD_TOO_LONG, and cut to maxItems.
// `info` is the list's field, when the caller has it (known), as find()
// gives it.
void truncateLongList(const std::string& base, const std::string& key, json& list, const FieldCatalogue& catalogue,
                      std::vector<Finding>& errors, bool known = false, const FieldInfo* info = nullptr) {
  if (known && (info == nullptr || info->maxItems < 0 || list.size() <= static_cast<std::size_t>(info->maxItems))) {
    return;
  }
  const std::string pointer = base + "/" + input::escapePointerToken(key);
  if (!known) info = catalogue.find(pointer);
  if (info == nullptr || info->maxItems < 0 || list.size() <= static_cast<std::size_t>(info->maxItems)) return;
  const long long actual = static_cast<long long>(list.size());
  Finding f = makeFinding(pointer, "FIELD_TOO_LONG",
                          titleOf(catalogue, pointer) + " has " + std::to_string(actual) + " entries; keep at most " +
                              std::to_string(info->maxItems) + " (only the first ones were checked).");
  withNumber(f, "limit", info->maxItems);
  withNumber(f, "actual", actual);
  errors.push_back(std::move(f));
  list.erase(list.begin() + info->maxItems, list.end());
}

// FIELD_UNKNOWN for `key`, a member of the closed object at `base`.
Finding unknownKey(const std::string& base, const std::string& key, const FieldInfo& object) {
  const std::string pointer = base + "/" + input::escapePointerToken(key);
  std::string where = base.empty() ? "a submission" : "the " + base.substr(1);
  std::string suggestion = closest(key, object.properties, object.foldedProperties);
  std::string message = "\"" + key.substr(0, 80) + "\" is not a field of " + where + "; ";
  message += suggestion.empty() ? "remove it or check its spelling against the TCR field names."
                                : "did you mean \"" + suggestion + "\"? Rename it.";
  Finding f = makeFinding(pointer, "FIELD_UNKNOWN", message);
  if (!suggestion.empty()) withText(f, "suggestion", suggestion);
  return f;
}

}  // namespace

namespace {

// One of /campaign/{help,optin,optout}Keywords, which tidyKeywordLists
// tidies: by length and then the bytes, as every campaign member is asked.
bool keywordList(const std::string& key) {
  switch (key.size()) {
    case 12:
      return key == "helpKeywords";
    case 13:
      return key == "optinKeywords";
    case 14:
      return key == "optoutKeywords";
    default:
      return false;
  }
}

void preparePass(json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors,
                 std::vector<Finding>& unknownKeys, KeptMembers* kept) {
  for (const auto& [object, basePointer, part] : submissionObjects(document)) {
    const std::string& base = *basePointer;
    const FieldInfo* objectInfo = catalogue.part(part);
    const bool closed = objectInfo != nullptr && objectInfo->closed;
    // The brand (0) and the campaign (1) are recorded in `kept`.
    std::size_t keptPart = 2;
    if (kept != nullptr && part != FieldCatalogue::kSubmission && objectInfo != nullptr &&
        objectInfo->properties.size() <= KeptMembers::kMaxNames) {
      keptPart = part == FieldCatalogue::kBrand ? 0 : 1;
      kept->names[keptPart] = &objectInfo->propertyIndex;
      kept->objects[keptPart] = object;
      kept->count[keptPart] = 0;
      std::fill_n(kept->byId[keptPart].begin(), objectInfo->properties.size(), nullptr);
    }
    const bool tidy = kept != nullptr && part == FieldCatalogue::kCampaign;
    std::size_t unknown = 0;
    // The std::map itself: nlohmann's iterator asks the type at every step.
    auto& members = object->get_ref<json::object_t&>();
    for (auto it = members.begin(); it != members.end();) {
      const std::string& key = it->first;
      json& value = it->second;
      // tidyKeywordLists, before the list is asked whether it is blank, as
      // when it was a pass of its own.
      if (tidy && value.is_string() && keywordList(key) && tidyKeywordListInPlace(value.get_ref<std::string&>())) {
        kept->wroteNonPlain = true;
      }
      // The member's index among the object's properties, when it is one
      // (its FieldInfo then without building its pointer).
      const std::uint32_t id =
          objectInfo != nullptr ? objectInfo->propertyIndex.find(key) : schema::NameTable::kMissing;
      const bool knownInfo = id != schema::NameTable::kMissing && id < objectInfo->propertyInfo.size();
      // Absent: null, or a blank string where the schema expects a string.
      // The field's type is looked up only for a blank string: building the
      // pointer of every member cost more than the rest of this pass.
      bool absent = value.is_null();
      if (!absent && value.is_string() && isBlank(value.get_ref<const std::string&>())) {
        const FieldInfo* info =
            knownInfo ? objectInfo->propertyInfo[id] : catalogue.find(base + "/" + input::escapePointerToken(key));
        absent = info != nullptr && info->type == "string";
      }
      if (absent) {
        it = members.erase(it);
        continue;
      }
      if (value.is_array()) {
        truncateLongList(base, key, value, catalogue, errors, knownInfo,
                         knownInfo ? objectInfo->propertyInfo[id] : nullptr);
      }
      if (closed || keptPart < 2) {
        if (id == schema::NameTable::kMissing) {
          // A capped number per object, then one summary at the object: a
          // megabyte of junk keys must not become 100,000 findings (docs/limits.md).
          if (closed && ++unknown <= kMaxUnknownPerObject) unknownKeys.push_back(unknownKey(base, key, *objectInfo));
        } else if (keptPart < 2) {
          kept->byId[keptPart][id] = &value;
        }
      }
      if (keptPart < 2) {
        std::size_t& count = kept->count[keptPart];
        if (count < KeptMembers::kMaxMembers) kept->members[keptPart][count] = {&key, &value, id};
        if (count <= KeptMembers::kMaxMembers) ++count;
      }
      ++it;
    }
    if (unknown > kMaxUnknownPerObject) {
      const std::size_t more = unknown - kMaxUnknownPerObject;
      Finding f = makeFinding(base, "FIELD_UNKNOWN",
                              std::to_string(more) + " more fields of " +
                                  (base.empty() ? "a submission" : "the " + base.substr(1)) +
                                  " are unknown beyond the " + std::to_string(kMaxUnknownPerObject) +
                                  " listed; remove every field that is not a TCR field name.");
      withNumber(f, "omitted", static_cast<long long>(more));
      unknownKeys.push_back(std::move(f));
    }
  }
}

}  // namespace

void prepareSubmission(json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors,
                       std::vector<Finding>& unknownKeys) {
  preparePass(document, catalogue, errors, unknownKeys, nullptr);
}

void prepareSubmission(json& document, const FieldCatalogue& catalogue, std::vector<Finding>& errors,
                       std::vector<Finding>& unknownKeys, KeptMembers& kept) {
  preparePass(document, catalogue, errors, unknownKeys, &kept);
}

void translateSchemaErrors(const std::vector<schema::RawError>& raw, const json& document,
                           const FieldCatalogue& catalogue, std::vector<Finding>& errors) {
  for (const schema::RawError& e : raw) {
    if (e.spec != nullptr) {
      errors.push_back(translateOwn(e, document, catalogue));
      continue;
    }
    const std::string& d = e.detail;
    const std::string& p = e.instanceLocation;
    if (startsWith(d, "Missing required property '")) {
      std::string name = d.substr(27, d.size() - 27 - 2);
      std::string field = p + "/" + input::escapePointerToken(name);
      std::string title = titleOf(catalogue, field);
      Finding f = makeFinding(field, "FIELD_REQUIRED",
                              "Fill in " + title + ": it is required" + requiredBecause(document, field) + ".");
      errors.push_back(std::move(f));
    } else if (startsWith(d, "Value type not permitted")) {
      const FieldInfo* info = catalogue.find(p);
      std::string expected = info != nullptr ? report::joinWords(info->types, ", ") : std::string();
      const json* v = at(document, p);
      std::string actual = v != nullptr ? v->type_name() : "null";
      std::string title = p.empty() ? "The submission" : titleOf(catalogue, p);
      Finding f =
          makeFinding(p, "FIELD_TYPE",
                      title + " must be " + expectedWords(info) + ", not " + (actual == "string" ? "text" : actual) +
                          (expected == "boolean" && actual == "string" ? "; send true or false without quotes."
                                                                       : "; send the right kind of value."));
      if (!expected.empty()) withText(f, "expected", expected);
      withText(f, "actual", actual);
      errors.push_back(std::move(f));
    } else if (startsWith(d, "Failed to match against any enum values") ||
               startsWith(d, "Failed to match expected value set by 'const'")) {
      // Accepted values are text: a value that is not text already has its
      // FIELD_TYPE, and one problem gets one finding.
      const json* actual = at(document, p);
      if (actual != nullptr && !actual->is_string()) continue;
      const FieldInfo* info = catalogue.find(p);
      std::vector<std::string> allowed = info != nullptr ? info->allowed : std::vector<std::string>();
      std::string value = stringAt(document, p);
      std::string title = titleOf(catalogue, p);
      std::string suggestion = info != nullptr ? closest(value, allowed, info->foldedAllowed) : std::string();
      std::string message = title + " \"" + value.substr(0, 80) + "\" is not one of the accepted values";
      message += suggestion.empty() ? "; choose one of: " + report::joinWords(allowed, ", ") + "."
                                    : "; use " + suggestion + ".";
      Finding f = makeFinding(p, "FIELD_ENUM", message);
      withList(f, "allowed", allowed);
      if (!suggestion.empty()) withText(f, "suggestion", suggestion);
      errors.push_back(std::move(f));
    } else if (startsWith(d, "Array should contain no more than ") ||
               startsWith(d, "Array should contain no fewer than ")) {
      bool tooMany = startsWith(d, "Array should contain no more than ");
      std::size_t from = tooMany ? 34 : 35;
      long long limit = std::atoll(d.c_str() + from);
      const json* v = at(document, p);
      long long actual = v != nullptr && v->is_array() ? static_cast<long long>(v->size()) : 0;
      std::string title = titleOf(catalogue, p);
      Finding f = makeFinding(p, tooMany ? "FIELD_TOO_LONG" : "FIELD_TOO_SHORT",
                              title + " has " + std::to_string(actual) + (actual == 1 ? " entry" : " entries") +
                                  (tooMany ? "; keep at most " : "; give at least ") + std::to_string(limit) + ".");
      withNumber(f, "limit", limit);
      withNumber(f, "actual", actual);
      errors.push_back(std::move(f));
    } else if (startsWith(d, "Object contains a property") || startsWith(d, "Failed to validate")) {
      // Unknown keys come from prepareSubmission; the rest only wrap a child's error.
    } else {
      errors.push_back(makeFinding(p, "FIELD_FORMAT", "Check the value of " + titleOf(catalogue, p) + "."));
    }
  }
}

}  // namespace smsreg::registration
