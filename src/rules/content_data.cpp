#include "rules/content_data.hpp"

#include <algorithm>

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

// True when every match of `pattern` holds the literal `c`: the pattern has
// no top-level "|", and `c` stands at the top level (outside groups and
// classes), unescaped and not followed by a quantifier that may drop it.
bool requiresLiteral(const std::string& pattern, char c) {
  int depth = 0;
  bool inClass = false, found = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char ch = pattern[i];
    if (ch == '\\') {
      ++i;
      continue;
    }
    if (inClass) {
      inClass = ch != ']';
    } else if (ch == '[') {
      inClass = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]": the first ] is a member
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')') {
      --depth;
    } else if (ch == '|' && depth == 0) {
      return false;
    } else if (ch == c && depth == 0) {
      const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
      found = found || (next != '?' && next != '*' && next != '{');
    }
  }
  return found;
}

// The link pattern whose every alternative was read to need "://" (the
// scheme), "www." followed by a label, or a "." before the top-level domain's
// first letter: ContentData::linkNeedsDot. Another pattern gets no shortcut.
constexpr std::string_view kCheckedLinkPattern =
    R"(\b[hH][tT][tT][pP][sS]?://[^\s<>"']+|\b[wW][wW][wW]\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+[^\s<>"']*|)"
    R"(\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([a-z]{2,24}|xn--[a-z0-9-]+)\b(/[^\s<>"']*)?)";

// The phone pattern whose every alternative was read to need at least three
// ASCII digits (ten, or a toll-free area code before a word such as
// 1-800-FLOWERS): ContentData::phoneNeedsDigits.
constexpr std::string_view kCheckedPhonePattern =
    R"(\+1[\s.-]?\(?[2-9][0-9]{2}\)?[\s.-]?[0-9]{3}[\s.-]?[0-9]{4}\b|\([2-9][0-9]{2}\)\s?[0-9]{3}[\s.-]?[0-9]{4}\b|)"
    R"(\b1?[\s.-]?[2-9][0-9]{2}[.-][0-9]{3}[.-][0-9]{4}\b|\b[2-9][0-9]{2} [0-9]{3} [0-9]{4}\b|\b1?[ .-]?(800|833|844|855|866|877|888)[ .-][A-Za-z]{3}[ .-]?[A-Za-z]{4}\b)";

bool parseData(const char* path, json& out, std::string& error) {
  input::ParseError why;
  if (input::parseBounded(embedded::find(path), Limits{16u << 20, 64, 1u << 20}, out, why)) return true;
  error = std::string(path) + ": " + why.message;
  return false;
}

void insertStrings(const json& list, std::set<std::string>& out) {
  for (const json& v : list) out.insert(v.get<std::string>());
}

// data/usecases.json: the sample classes and which use cases cover them.
bool buildUsecases(ContentData& d, std::string& error) {
  json usecases;
  if (!parseData("data/usecases.json", usecases, error)) return false;
  for (const json& c : usecases.at("classes")) {
    SampleClass k;
    k.name = c.at("name").get<std::string>();
    k.regex = std::make_unique<RE2>(c.at("pattern").get<std::string>(), quietCaseless());
    insertStrings(c.at("covered"), k.covered);
    insertStrings(c.at("mismatch"), k.mismatch);
    d.classes.push_back(std::move(k));
  }
  insertStrings(usecases.at("checked"), d.checkedUsecases);
  insertStrings(usecases.at("bySubUsecases"), d.bySubUsecases);
  for (auto it = usecases.at("signature").begin(); it != usecases.at("signature").end(); ++it) {
    for (const SampleClass& k : d.classes) {
      if (k.name == it.value().get<std::string>()) d.signatures[it.key()] = &k;
    }
    if (d.signatures.count(it.key()) == 0) {
      error = "data/usecases.json signature " + it.key() + ": no such class";
      return false;
    }
  }
  d.purpose = std::make_unique<RE2>(usecases.at("purpose").get<std::string>(), quietCaseless());
  return true;
}

// A set answers exactly what RE2::PartialMatch answers for each pattern
// (same pattern, same options); a pattern the set refuses, or a set that does
// not compile, leaves its patterns to be run one by one.
void addPhraseSet(ContentData& d, const std::vector<const RE2*>& members) {
  auto set = std::make_unique<RE2::Set>(quietCaseless(), RE2::UNANCHORED);
  std::vector<std::pair<const RE2*, int>> added;
  for (const RE2* re : members) {
    if (re->options().case_sensitive() || d.phraseIndex.count(re) != 0) continue;
    const int i = set->Add(re->pattern(), nullptr);
    if (i >= 0) added.emplace_back(re, i);
  }
  if (added.empty() || !set->Compile()) return;
  const int which = static_cast<int>(d.phraseSets.size());
  d.phraseSets.push_back(PhraseSet{std::move(set), added.size()});
  for (const auto& [re, i] : added) d.phraseIndex.emplace(re, PhraseSlot{which, i});
}

// Three small sets, not one: a set's DFA grows with every pattern it holds,
// and one set of all of them cost more than the scans it replaced.
template <typename Phrases>
void buildPhraseSets(ContentData& d, const Phrases& phrases) {
  std::vector<const RE2*> members;
  for (const auto& entry : phrases) members.push_back(entry.second->get());
  addPhraseSet(d, members);
  members = {d.purpose.get()};
  for (const auto& c : d.classes) members.push_back(c.regex.get());
  addPhraseSet(d, members);
  addPhraseSet(d, {d.anyProhibited.get(), d.anyDisallowed.get(), d.lending.get(), d.ageGated.get()});
}

bool build(ContentData& d, std::string& error) {
  json doc;
  if (!parseData("data/content.json", doc, error)) return false;
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
  d.wordsStayInLine = true;
  for (const char* group : {"lending", "ageGated"}) {
    for (const json& w : doc.at(group)) {
      const std::string& word = w.get_ref<const std::string&>();
      d.wordsStayInLine = d.wordsStayInLine && word.find_first_of("\n\r") == std::string::npos;
    }
  }
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
  d.emailNeedsAt = requiresLiteral(doc.at("email").get<std::string>(), '@');
  d.linkNeedsDot = doc.at("link").get<std::string>() == kCheckedLinkPattern;
  d.phoneNeedsDigits = doc.at("phone").get<std::string>() == kCheckedPhonePattern;
  std::set<std::string> caseSensitive;
  if (auto it = doc.find("caseSensitive"); it != doc.end()) {
    for (const json& k : *it) caseSensitive.insert(k.get<std::string>());
  }
  for (const auto& [key, slot] : phrases) {
    RE2::Options options = quietCaseless();
    options.set_case_sensitive(caseSensitive.count(key) != 0);
    *slot = std::make_unique<RE2>(doc.at(key).get<std::string>(), options);
  }
  for (const auto& [key, target] :
       {std::pair<const char*, std::set<std::string>*>{"nonEnglishWords", &d.nonEnglishWords},
        {"englishWords", &d.englishWords},
        {"genericNameWords", &d.genericNameWords},
        {"kindStopWords", &d.kindStopWords},
        {"serviceDomains", &d.serviceDomains}}) {
    insertStrings(doc.at(key), *target);
  }
  for (const std::string& w : d.englishWords) d.languageWords[w] |= ContentData::kEnglishWord;
  for (const std::string& w : d.nonEnglishWords) d.languageWords[w] |= ContentData::kNonEnglishWord;
  for (const auto& [w, kind] : d.languageWords) {
    d.languageWordMaxLength = std::max(d.languageWordMaxLength, w.size());
    const bool letter = !w.empty() && w[0] >= 'a' && w[0] <= 'z';
    d.languageWordFirstLetters |= letter ? std::uint32_t{1} << (w[0] - 'a') : ~std::uint32_t{0};
  }
  json tlds;
  if (!parseData("data/tlds.json", tlds, error)) return false;
  insertStrings(tlds.at("tlds"), d.tlds);
  if (!buildUsecases(d, error)) return false;
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
  if (!error.empty()) return false;
  buildPhraseSets(d, phrases);
  return true;
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
