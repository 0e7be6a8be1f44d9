#include "rules/content_data.hpp"

#include "input/bounded_json.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {

namespace {

using json = nlohmann::json;

RE2::Options quietCaseless() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);
  return o;
}

// Whole words without \b, which would miss "21+": a word starts and ends at
// the text's ends or next to a character that is not a letter or digit.
std::unique_ptr<RE2> wordsRegex(const json& words) {
  std::string alternatives;
  for (const json& w : words) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += RE2::QuoteMeta(w.get<std::string>());
  }
  return std::make_unique<RE2>("(?:^|[^A-Za-z0-9_])(" + alternatives + ")(?:[^A-Za-z0-9_]|$)", quietCaseless());
}

bool build(ContentData& d, std::string& error) {
  json doc;
  input::ParseError why;
  if (!input::parseBounded(embedded::find("data/content.json"), Limits{16u << 20, 64, 1u << 20}, doc, why)) {
    error = "data/content.json: " + why.message;
    return false;
  }
  for (const char* group : {"prohibited", "disallowed"}) {
    const bool prohibited = std::string(group) == "prohibited";
    auto& target = prohibited ? d.prohibited : d.disallowed;
    json all = json::array();
    for (auto it = doc.at(group).begin(); it != doc.at(group).end(); ++it) {
      target.push_back(WordCategory{it.key(), wordsRegex(it.value())});
      for (const json& w : it.value()) all.push_back(w);
    }
    (prohibited ? d.anyProhibited : d.anyDisallowed) = wordsRegex(all);
  }
  d.lending = wordsRegex(doc.at("lending"));
  d.ageGated = wordsRegex(doc.at("ageGated"));
  const std::pair<const char*, std::unique_ptr<RE2>*> phrases[] = {{"optOut", &d.optOut},
                                                                   {"help", &d.help},
                                                                   {"frequency", &d.frequency},
                                                                   {"rates", &d.rates},
                                                                   {"privacy", &d.privacy},
                                                                   {"smsWord", &d.smsWord},
                                                                   {"optInMethod", &d.optInMethod},
                                                                   {"consentAsCondition", &d.consentAsCondition},
                                                                   {"optOutConfirmation", &d.optOutConfirmation},
                                                                   {"link", &d.link},
                                                                   {"phone", &d.phone},
                                                                   {"email", &d.email},
                                                                   {"linkPlaceholder", &d.linkPlaceholder},
                                                                   {"phonePlaceholder", &d.phonePlaceholder},
                                                                   {"brandPlaceholder", &d.brandPlaceholder},
                                                                   {"messageKind", &d.messageKind},
                                                                   {"directLendingWords", &d.directLendingWords},
                                                                   {"stopWord", &d.stopWord},
                                                                   {"senderNamed", &d.senderNamed},
                                                                   {"consentImplied", &d.consentImplied},
                                                                   {"consentAtSignIn", &d.consentAtSignIn},
                                                                   {"consentExplicitAct", &d.consentExplicitAct},
                                                                   {"consentBundled", &d.consentBundled},
                                                                   {"coldContact", &d.coldContact},
                                                                   {"optInWhere", &d.optInWhere},
                                                                   {"verbalConsent", &d.verbalConsent},
                                                                   {"writtenConsent", &d.writtenConsent}};
  std::set<std::string> caseSensitive;
  if (auto it = doc.find("caseSensitive"); it != doc.end()) {
    for (const json& k : *it) caseSensitive.insert(k.get<std::string>());
  }
  for (const auto& [key, slot] : phrases) {
    RE2::Options options = quietCaseless();
    options.set_case_sensitive(caseSensitive.count(key) != 0);
    *slot = std::make_unique<RE2>(doc.at(key).get<std::string>(), options);
  }
  for (const json& w : doc.at("nonEnglishWords")) d.nonEnglishWords.insert(w.get<std::string>());
  for (const json& w : doc.at("englishWords")) d.englishWords.insert(w.get<std::string>());
  for (const json& w : doc.at("genericNameWords")) d.genericNameWords.insert(w.get<std::string>());
  for (const json& w : doc.at("kindStopWords")) d.kindStopWords.insert(w.get<std::string>());
  for (const json& w : doc.at("serviceDomains")) d.serviceDomains.insert(w.get<std::string>());
  json tlds;
  if (!input::parseBounded(embedded::find("data/tlds.json"), Limits{16u << 20, 64, 1u << 20}, tlds, why)) {
    error = "data/tlds.json: " + why.message;
    return false;
  }
  for (const json& t : tlds.at("tlds")) d.tlds.insert(t.get<std::string>());
  json usecases;
  if (!input::parseBounded(embedded::find("data/usecases.json"), Limits{16u << 20, 64, 1u << 20}, usecases, why)) {
    error = "data/usecases.json: " + why.message;
    return false;
  }
  for (const json& c : usecases.at("classes")) {
    SampleClass k;
    k.name = c.at("name").get<std::string>();
    k.regex = std::make_unique<RE2>(c.at("pattern").get<std::string>(), quietCaseless());
    for (const json& u : c.at("covered")) k.covered.insert(u.get<std::string>());
    for (const json& u : c.at("mismatch")) k.mismatch.insert(u.get<std::string>());
    d.classes.push_back(std::move(k));
  }
  for (const json& u : usecases.at("checked")) d.checkedUsecases.insert(u.get<std::string>());
  for (const json& u : usecases.at("bySubUsecases")) d.bySubUsecases.insert(u.get<std::string>());
  for (auto it = usecases.at("signature").begin(); it != usecases.at("signature").end(); ++it) {
    for (const SampleClass& k : d.classes) {
      if (k.name == it.value().get<std::string>()) d.signatures[it.key()] = &k;
    }
    if (d.signatures.count(it.key()) == 0) error = "data/usecases.json signature " + it.key() + ": no such class";
  }
  d.purpose = std::make_unique<RE2>(usecases.at("purpose").get<std::string>(), quietCaseless());
  auto check = [&](const RE2* re, const std::string& name) {
    if (re != nullptr && !re->ok()) error = "data/content.json " + name + ": " + re->error();
  };
  for (const auto& [key, slot] : phrases) check(slot->get(), key);
  for (const auto& c : d.prohibited) check(c.regex.get(), c.name);
  for (const auto& c : d.disallowed) check(c.regex.get(), c.name);
  for (const auto& c : d.classes) check(c.regex.get(), "data/usecases.json " + c.name);
  check(d.purpose.get(), "data/usecases.json purpose");
  check(d.anyProhibited.get(), "prohibited");
  check(d.anyDisallowed.get(), "disallowed");
  check(d.lending.get(), "lending");
  check(d.ageGated.get(), "ageGated");
  return error.empty();
}

}  // namespace

const ContentData* contentData(std::string* error) {
  static std::string buildError;
  static const ContentData* data = [] {
    auto* d = new ContentData();
    try {
      if (build(*d, buildError)) return static_cast<const ContentData*>(d);
    } catch (const std::exception& e) {
      buildError = std::string("data/content.json: ") + e.what();
    }
    delete d;
    return static_cast<const ContentData*>(nullptr);
  }();
  if (error != nullptr) *error = buildError;
  return data;
}

std::string findWord(const RE2& re, const std::string& text) {
  re2::StringPiece word;
  if (RE2::PartialMatch(text, re, &word)) return std::string(word);
  return "";
}

}  // namespace smsreg::rules
