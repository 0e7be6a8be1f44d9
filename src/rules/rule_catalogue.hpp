// Every rule smsreg knows: metadata for all codes (schemas/rules/catalogue.json),
// the data-driven pattern rules (schemas/rules/patterns.json), and what a
// user's rule file adds or overrides. Built once; read-only afterwards.
#ifndef SMSREG_RULES_RULE_CATALOGUE_HPP
#define SMSREG_RULES_RULE_CATALOGUE_HPP

#include <re2/re2.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rules/lazy_regex.hpp"
#include "schema/name_table.hpp"
#include "smsreg/options.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::rules {

enum class Severity { kError, kWarning };

struct Rule {
  std::string code;
  Severity severity = Severity::kError;
  std::vector<std::string> fields;
  std::string description;
  std::string source;
  std::string evidence;
  enum class Kind { kGeneric, kInput, kCode, kPattern } kind = Kind::kCode;
  bool enabled = true;
  // Pattern rules only.
  std::map<std::string, std::vector<std::string>> when;
  std::shared_ptr<const RE2> pattern;
  // The same pattern with the same options in the phrase set
  // (ContentData::rulePhrases), or null: a text the set has read needs no
  // scan of its own when the set says it does not match.
  const LazyRegex* phrase = nullptr;
  bool mustMatch = true;  // expect: match; false for expect: absent
  std::string message;
};

class RuleCatalogue {
 public:
  // Loads the built-in catalogue, then the user's rule file text (may be
  // empty), then turns off `disabled`. False with `error` on any problem: a
  // rule file that breaks schemas/rules-file.schema.json, a pattern RE2
  // cannot compile, an unknown code to disable.
  bool load(const ValidatorOptions& options, std::string& error);

  const Rule* find(const std::string& code) const;
  const std::vector<Rule>& all() const { return rules_; }  // sorted by code
  const std::string& version() const { return version_; }

 private:
  bool addFile(const nlohmann::json& file, bool builtIn, std::string& error);
  std::vector<Rule> rules_;
  std::map<std::string, std::size_t> index_;
  // index_ once loaded, by one hash: route() asks for every finding's code.
  // Empty while loading, when find() asks index_.
  schema::NameTable codes_;
  std::vector<std::size_t> codeRules_;  // the index_ value of codes_'s i-th name
  std::string version_;
};

// RuleInfo for the public API.
std::vector<RuleInfo> describe(const RuleCatalogue& catalogue);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_RULE_CATALOGUE_HPP
