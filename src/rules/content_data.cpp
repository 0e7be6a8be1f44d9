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
LazyRegex wordsRegex(const json& words) {
  std::string alternatives;
  for (const json& w : words) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += RE2::QuoteMeta(w.get<std::string>());
  }
  return LazyRegex("(?:^|[^A-Za-z0-9_])(" + alternatives + ")(?:[^A-Za-z0-9_]|$)", quietCaseless());
}

// Calls visit(i) for each character of `pattern` that is syntax, not text:
// not escaped and not inside a character class; visit returns false to stop.
template <typename Visit>
void forEachSyntaxChar(const std::string& pattern, Visit visit) {
  bool inClass = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char ch = pattern[i];
    if (ch == '\\') {
      ++i;
    } else if (inClass) {
      inClass = ch != ']';
    } else if (ch == '[') {
      inClass = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]": the first ] is a member
    } else if (!visit(i)) {
      return;
    }
  }
}

// `pattern` with each counted repeat {0,N} (lazy or not) written as *: every
// text the pattern matches, the wider one matches too. RE2 compiles N copies
// of the repeated item, and the phrase set cost twice as much to build with
// the consent patterns' {0,80} (docs/benchmarks.md).
std::string widenCountedRepeats(const std::string& pattern) {
  std::string out;
  std::size_t copied = 0;
  forEachSyntaxChar(pattern, [&](std::size_t i) {
    if (pattern[i] != '{' || pattern.compare(i, 3, "{0,") != 0) return true;
    std::size_t j = i + 3;
    while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') ++j;
    if (j > i + 3 && j < pattern.size() && pattern[j] == '}') {
      out.append(pattern, copied, i - copied);
      out += '*';
      copied = j + 1;
    }
    return true;
  });
  return out.append(pattern, copied, std::string::npos);
}

// True when every match of `pattern` holds the literal `c`: the pattern has
// no top-level "|", and `c` stands at the top level (outside groups and
// classes), unescaped and not followed by a quantifier that may drop it.
bool requiresLiteral(const std::string& pattern, char c) {
  int depth = 0;
  bool found = false, alternation = false;
  forEachSyntaxChar(pattern, [&](std::size_t i) {
    const char ch = pattern[i];
    if (ch == '(') {
      ++depth;
    } else if (ch == ')') {
      --depth;
    } else if (ch == '|' && depth == 0) {
      alternation = true;
      return false;
    } else if (ch == c && depth == 0) {
      const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
      found = found || (next != '?' && next != '*' && next != '{');
    }
    return true;
  });
  return found && !alternation;
}

// The phrase patterns of data/content.json, by key.
constexpr std::pair<const char*, LazyRegex ContentData::*> kPhrases[] = {
    {"optOut", &ContentData::optOut},
    {"help", &ContentData::help},
    {"frequency", &ContentData::frequency},
    {"rates", &ContentData::rates},
    {"privacy", &ContentData::privacy},
    {"smsWord", &ContentData::smsWord},
    {"optInMethod", &ContentData::optInMethod},
    {"consentAsCondition", &ContentData::consentAsCondition},
    {"optOutConfirmation", &ContentData::optOutConfirmation},
    {"link", &ContentData::link},
    {"phone", &ContentData::phone},
    {"email", &ContentData::email},
    {"linkPlaceholder", &ContentData::linkPlaceholder},
    {"phonePlaceholder", &ContentData::phonePlaceholder},
    {"brandPlaceholder", &ContentData::brandPlaceholder},
    {"messageKind", &ContentData::messageKind},
    {"directLendingWords", &ContentData::directLendingWords},
    {"stopWord", &ContentData::stopWord},
    {"senderNamed", &ContentData::senderNamed},
    {"consentImplied", &ContentData::consentImplied},
    {"consentAtSignIn", &ContentData::consentAtSignIn},
    {"consentExplicitAct", &ContentData::consentExplicitAct},
    {"consentBundled", &ContentData::consentBundled},
    {"coldContact", &ContentData::coldContact},
    {"optInWhere", &ContentData::optInWhere},
    {"verbalConsent", &ContentData::verbalConsent},
    {"writtenConsent", &ContentData::writtenConsent},
};

// The link pattern whose every alternative was read to need "://" (the
// scheme), "www." followed by a label, or a "." before the top-level domain's
// first letter: ContentData::linkNeedsDot. Another pattern gets no shortcut.
constexpr std::string_view kCheckedLinkPattern =
    R"(\b[hH][tT][tT][pP][sS]?://[^\s<>"']+|\b[wW][wW][wW]\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+[^\s<>"']*|)"
    R"(\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([a-z]{2,24}|xn--[a-z0-9-]+)\b(/[^\s<>"']*)?)";

// The email pattern whose matches start with their local part, a run of
// [A-Za-z0-9._%+-] ending at the first "@": ContentData::emailLocalPartFirst.
constexpr std::string_view kCheckedEmailPattern = R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)";

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

// At the end as a hint: the lists are mostly sorted (tlds.json's 1,490 names
// are), and a sorted list then inserts without a search a name.
void insertStrings(const json& list, std::set<std::string>& out) {
  for (const json& v : list) out.insert(out.end(), v.get<std::string>());
}

// data/usecases.json: the sample classes and which use cases cover them.
bool buildUsecases(ContentData& d, std::string& error) {
  json usecases;
  if (!parseData("data/usecases.json", usecases, error)) return false;
  for (const json& c : usecases.at("classes")) {
    SampleClass k;
    k.name = c.at("name").get<std::string>();
    k.regex = LazyRegex(c.at("pattern").get<std::string>(), quietCaseless());
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
  d.purpose = LazyRegex(usecases.at("purpose").get<std::string>(), quietCaseless());
  return true;
}

// One set of every phrase pattern, so each text is scanned once, not once a
// set. Against three sets (one a group), measured: 24k fewer instructions a
// document, and about 8 M more on a process's first document while the one
// DFA builds its states (docs/benchmarks.md). The set leaves out `phone`,
// which hasPhoneNumber runs over the text with its links and emails blanked
// out (a text no set pass reads), `email`, which hasEmail runs on its own
// from the first "@", and `privacy`, which no rule reads: in the set they
// only cost its build.
//
// The set answers exactly what RE2::PartialMatch answers for each pattern
// (same pattern, same options), or, for a pattern it holds in a wider form,
// whether it may match; a pattern the set refuses, or a set that does not
// compile, leaves its patterns to be run one by one.
void buildPhraseSet(ContentData& d) {
  std::vector<LazyRegex*> members;
  for (const auto& entry : kPhrases) {
    LazyRegex* re = &(d.*entry.second);
    if (re != &d.phone && re != &d.privacy && re != &d.email) members.push_back(re);
  }
  members.push_back(&d.purpose);
  for (auto& c : d.classes) members.push_back(&c.regex);
  for (auto* r : {&d.anyProhibited, &d.anyDisallowed, &d.lending, &d.ageGated}) members.push_back(r);
  for (auto& r : d.rulePhrases) members.push_back(&r);
  auto set = std::make_unique<RE2::Set>(quietCaseless(), RE2::UNANCHORED);
  struct Added {
    LazyRegex* re;
    int member;  // Add's index, so the next free one (RE2 numbers what it accepts in order)
    bool exact;  // false: the set holds a wider form, so a hit is only a maybe
  };
  std::vector<Added> added;
  for (LazyRegex* re : members) {
    if (re->options().case_sensitive()) continue;
    const std::string wide = widenCountedRepeats(re->pattern());
    const int i = set->Add(wide, nullptr);
    if (i >= 0) added.push_back({re, i, wide == re->pattern()});
  }
  if (added.empty() || !set->Compile()) return;
  d.phraseSet = std::move(set);
  for (const Added& a : added) {
    a.re->setPhraseMember(a.member, a.exact);
    d.phrasePatterns.push_back(a.re);
  }
}

// Everything but the phrase set, from the data files, whose parsed trees
// (about 400 KB) are freed when this returns.
bool readData(ContentData& d, std::string& error) {
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
  d.emailNeedsAt = requiresLiteral(doc.at("email").get<std::string>(), '@');
  d.emailLocalPartFirst = doc.at("email").get<std::string>() == kCheckedEmailPattern;
  d.linkNeedsDot = doc.at("link").get<std::string>() == kCheckedLinkPattern;
  d.phoneNeedsDigits = doc.at("phone").get<std::string>() == kCheckedPhonePattern;
  std::set<std::string> caseSensitive;
  if (auto it = doc.find("caseSensitive"); it != doc.end()) {
    for (const json& k : *it) caseSensitive.insert(k.get<std::string>());
  }
  for (const auto& [key, member] : kPhrases) {
    RE2::Options options = quietCaseless();
    options.set_case_sensitive(caseSensitive.count(key) != 0);
    d.*member = LazyRegex(doc.at(key).get<std::string>(), options);
  }
  for (const auto& [key, target] :
       {std::pair<const char*, std::set<std::string>*>{"nonEnglishWords", &d.nonEnglishWords},
        {"englishWords", &d.englishWords},
        {"genericNameWords", &d.genericNameWords},
        {"kindStopWords", &d.kindStopWords},
        {"serviceDomains", &d.serviceDomains}}) {
    insertStrings(doc.at(key), *target);
  }
  indexLanguageWords(d);
  json tlds;
  if (!parseData("data/tlds.json", tlds, error)) return false;
  // Not insertStrings: the set compares with std::less<> (found by string_view).
  for (const json& v : tlds.at("tlds")) d.tlds.insert(d.tlds.end(), v.get<std::string>());
  if (!buildUsecases(d, error)) return false;
  json patterns;
  if (!parseData("rules/patterns.json", patterns, error)) return false;
  for (const json& rule : patterns.at("rules")) {
    if (rule.value("caseInsensitive", false) && rule.contains("pattern")) {
      d.rulePhrases.emplace_back(rule.at("pattern").get<std::string>(), quietCaseless());
    }
  }
  return true;
}

// The set is compiled once the data files' trees are freed: RE2's compile
// needs about 1 MB for a moment, and the first Validator of a process
// touched 32 fewer new pages (0.7 ms here, where a first touch costs about
// 10 us: docs/benchmarks.md).
bool build(ContentData& d, std::string& error) {
  if (!readData(d, error)) return false;
  buildPhraseSet(d);
  return true;
}

}  // namespace

void indexLanguageWords(ContentData& d) {
  d.languageWords.clear();
  d.languageWordMaxLength = 0;
  for (const std::string& w : d.englishWords) d.languageWords[w] |= ContentData::kEnglishWord;
  for (const std::string& w : d.nonEnglishWords) d.languageWords[w] |= ContentData::kNonEnglishWord;
  std::vector<std::pair<std::uint64_t, int>> packable;
  for (const auto& [w, kind] : d.languageWords) {
    d.languageWordMaxLength = std::max(d.languageWordMaxLength, w.size());
    // A word with anything but a-z matches no word of a text (letters,
    // lowered), and would not pack into a key of its own.
    const bool letters = std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (w.empty() || w.size() > 8 || !letters) continue;
    std::uint64_t key = 0;
    for (char ch : w) key = packWordLetter(key, ch);
    packable.emplace_back(key, kind);
  }
  // Slots for four times the words or more: few probes a miss.
  d.packedWordShift = 63;
  while ((std::size_t{1} << (64 - d.packedWordShift)) < 4 * packable.size()) --d.packedWordShift;
  d.packedWords.assign(std::size_t{1} << (64 - d.packedWordShift), {0, 0});
  for (const auto& [key, kind] : packable) {
    std::size_t i = d.packedWordSlot(key);
    while (d.packedWords[i].first != 0) i = (i + 1) & (d.packedWords.size() - 1);
    d.packedWords[i] = {key, kind};
  }
}

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

std::string compileAll(const ContentData& d) {
  std::vector<std::pair<std::string, const LazyRegex*>> all = {{"anyProhibited", &d.anyProhibited},
                                                               {"anyDisallowed", &d.anyDisallowed},
                                                               {"lending", &d.lending},
                                                               {"ageGated", &d.ageGated},
                                                               {"data/usecases.json purpose", &d.purpose}};
  for (const auto& c : d.prohibited) all.emplace_back(c.name, &c.regex);
  for (const auto& c : d.disallowed) all.emplace_back(c.name, &c.regex);
  for (const auto& c : d.classes) all.emplace_back("data/usecases.json " + c.name, &c.regex);
  for (const auto& [key, member] : kPhrases) all.emplace_back(key, &(d.*member));
  for (const auto& [name, re] : all) {
    if (!re->get().ok()) return name + ": " + re->get().error();
  }
  return "";
}

std::string findWord(const RE2& re, const std::string& text) {
  re2::StringPiece word;
  if (RE2::PartialMatch(text, re, &word)) return std::string(word);
  return "";
}

}  // namespace smsreg::rules
