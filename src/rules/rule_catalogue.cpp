#include "rules/rule_catalogue.hpp"

#include <algorithm>

#include "input/bounded_json.hpp"
#include "rules/content_data.hpp"
#include "rules/rule_file_checks.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {

namespace {

using json = nlohmann::json;

bool parseEmbedded(const char* path, json& out, std::string& error) {
  std::string_view text = embedded::find(path);
  input::ParseError why;
  Limits generous{16u << 20, 64, 1u << 20};
  if (!input::parseBounded(text, generous, out, why)) {
    error = std::string("built-in ") + path + ": " + why.message;
    return false;
  }
  return true;
}

std::string str(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& o, const char* key) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it != o.end() && it->is_array()) {
    for (const json& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

Rule metadata(const json& entry, Rule::Kind kind) {
  Rule r;
  r.code = str(entry, "code");
  r.severity = str(entry, "severity") == "warning" ? Severity::kWarning : Severity::kError;
  r.fields = strings(entry, "fields");
  r.description = str(entry, "description");
  r.source = str(entry, "source");
  r.evidence = str(entry, "evidence");
  r.kind = kind;
  return r;
}

// Checks a user's rule file against schemas/rules-file.schema.json with
// smsreg's own schema engine, so a bad file is named precisely.
bool checkRuleFileShape(const json& file, std::string& error) {
  json schemaDoc;
  if (!parseEmbedded("rules-file.schema.json", schemaDoc, error)) return false;
  auto schema = schema::CompiledSchema::compile(schemaDoc, error);
  if (!schema) return false;
  std::vector<schema::RawError> raw;
  if (schema->validate(file, &raw)) return true;
  for (const schema::RawError& e : raw) {
    if (e.detail.rfind("Failed to validate against", 0) == 0) continue;
    std::string what = e.spec != nullptr ? e.spec->keywordLocation : e.detail;
    error = "rule file: " + (e.instanceLocation.empty() ? std::string("(document)") : e.instanceLocation) +
            " does not fit schemas/rules-file.schema.json (" + what + ")";
    return false;
  }
  error = "rule file does not fit schemas/rules-file.schema.json";
  return false;
}

std::string profileNames() {
  std::string out;
  for (const std::string& name : providerProfiles()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

bool RuleCatalogue::addFile(const json& file, bool builtIn, std::string& error) {
  auto rules = file.find("rules");
  if (rules == file.end() || !rules->is_array()) {
    error = "rule file has no \"rules\" array";
    return false;
  }
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const json& entry = (*rules)[i];
    const std::string code = str(entry, "code");
    const std::string where =
        std::string(builtIn ? "built-in patterns" : "rule file") + ": /rules/" + std::to_string(i);
    auto existing = index_.find(code);
    if (!entry.contains("pattern")) {
      // An override of a built-in rule's metadata.
      if (existing == index_.end()) {
        error = where + ": rule " + code + " has no pattern and overrides no built-in rule";
        return false;
      }
      Rule& r = rules_[existing->second];
      if (entry.contains("severity"))
        r.severity = str(entry, "severity") == "warning" ? Severity::kWarning : Severity::kError;
      if (entry.contains("description")) r.description = str(entry, "description");
      if (entry.contains("source")) r.source = str(entry, "source");
      if (entry.contains("evidence")) r.evidence = str(entry, "evidence");
      continue;
    }
    Rule r = metadata(entry, Rule::Kind::kPattern);
    r.mustMatch = str(entry, "expect") != "absent";
    r.message = str(entry, "message");
    if (auto when = entry.find("when"); when != entry.end() && when->is_object()) {
      for (auto it = when->begin(); it != when->end(); ++it) r.when[it.key()] = strings(*when, it.key().c_str());
    }
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!entry.value("caseInsensitive", false));
    auto re = std::make_shared<const RE2>(str(entry, "pattern"), options);
    if (!re->ok()) {
      error = where + "/pattern: RE2 cannot compile it: " + re->error();
      return false;
    }
    r.pattern = std::move(re);
    if (const ContentData* content = options.case_sensitive() ? nullptr : contentData()) {
      r.phrase = content->rulePhrase(str(entry, "pattern"));
    }
    if (existing != index_.end()) {
      if (rules_[existing->second].kind != Rule::Kind::kPattern) {
        error = where + ": " + code + " is a built-in code rule; only its severity, description or source can change";
        return false;
      }
      rules_[existing->second] = std::move(r);
    } else {
      index_[code] = rules_.size();
      rules_.push_back(std::move(r));
    }
  }
  return true;
}

bool RuleCatalogue::load(const ValidatorOptions& options, std::string& error) {
  codes_ = schema::NameTable();  // find() asks index_ until the end
  codeRules_.clear();
  json catalogue, patterns;
  if (!parseEmbedded("rules/catalogue.json", catalogue, error)) return false;
  if (!parseEmbedded("rules/patterns.json", patterns, error)) return false;
  version_ = str(catalogue, "version");
  const std::pair<const char*, Rule::Kind> groups[] = {
      {"generic", Rule::Kind::kGeneric}, {"input", Rule::Kind::kInput}, {"rules", Rule::Kind::kCode}};
  for (const auto& [key, kind] : groups) {
    for (const json& entry : catalogue.at(key)) {
      index_[str(entry, "code")] = rules_.size();
      rules_.push_back(metadata(entry, kind));
    }
  }
  if (!addFile(patterns, true, error)) return false;
  if (!options.profile.empty()) {
    const std::string path = "profiles/" + options.profile + ".json";
    json file;
    if (options.profile.find('/') != std::string::npos || embedded::find(path.c_str()).empty()) {
      error = "unknown profile \"" + options.profile + "\"; shipped profiles: " + profileNames();
      return false;
    }
    if (!parseEmbedded(path.c_str(), file, error) || !checkRuleFileShape(file, error) || !addFile(file, false, error)) {
      error = "profile " + options.profile + ": " + error;
      return false;
    }
  }
  if (!options.extraRulesJson.empty()) {
    json file;
    input::ParseError why;
    if (!input::parseBounded(options.extraRulesJson, options.limits, file, why)) {
      error = "rule file: " + why.message;
      return false;
    }
    const input::TreeGuard release(file);
    if (!checkRuleFileShape(file, error)) return false;
    if (!checkRuleFileEntries(file, *this, error)) return false;
    if (!addFile(file, false, error)) return false;
  }
  for (const std::string& code : options.disabledRules) {
    auto it = index_.find(code);
    if (it == index_.end()) {
      error = "unknown rule code to disable: " + code;
      return false;
    }
    rules_[it->second].enabled = false;
  }
  std::vector<Rule> sorted = rules_;
  std::sort(sorted.begin(), sorted.end(), [](const Rule& a, const Rule& b) { return a.code < b.code; });
  rules_ = std::move(sorted);
  index_.clear();
  for (std::size_t i = 0; i < rules_.size(); ++i) index_[rules_[i].code] = i;
  std::vector<std::string> codes;
  codeRules_.clear();
  for (const auto& [code, i] : index_) {
    codes.push_back(code);
    codeRules_.push_back(i);
  }
  codes_ = schema::NameTable(codes);
  return true;
}

const Rule* RuleCatalogue::find(const std::string& code) const {
  if (codes_.size() != 0) {
    const std::uint32_t at = codes_.find(code);
    return at == schema::NameTable::kMissing ? nullptr : &rules_[codeRules_[at]];
  }
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &rules_[it->second];
}

std::vector<RuleInfo> describe(const RuleCatalogue& catalogue) {
  std::vector<RuleInfo> out;
  for (const Rule& r : catalogue.all()) {
    out.push_back(RuleInfo{r.code, r.severity == Severity::kWarning ? "warning" : "error", r.fields, r.description,
                           r.source, r.enabled, r.evidence});
  }
  return out;
}

}  // namespace smsreg::rules

namespace smsreg {

std::vector<std::string> providerProfiles() {
  std::vector<std::string> names;
  constexpr std::string_view kDir = "profiles/", kExt = ".json";
  for (const embedded::File& f : embedded::files()) {
    if (f.path.size() > kDir.size() + kExt.size() && f.path.substr(0, kDir.size()) == kDir &&
        f.path.substr(f.path.size() - kExt.size()) == kExt) {
      names.emplace_back(f.path.substr(kDir.size(), f.path.size() - kDir.size() - kExt.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace smsreg
