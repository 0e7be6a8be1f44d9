#include "rules/text_match.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "rules/ascii.hpp"
#include "rules/domain_checks.hpp"
#include "rules/unicode_text.hpp"

namespace smsreg::rules {

// Comparisons with a literal as a view: inline, not std::string::compare
// and strlen a call.
using namespace std::string_view_literals;

namespace {

// What squash keeps of each byte: A-Z as a-z, a-z, 0-9 and bytes of
// non-ASCII characters as they are; 0 for a byte it drops. One table lookup
// a byte instead of three range tests (every text is squashed once or twice).
struct SquashTable {
  char out[256];
  bool needsFold[256];  // non-ASCII, or a control character foldText may change
  constexpr SquashTable() : out(), needsFold() {
    for (int c = 0; c < 256; ++c) {
      out[c] = c >= 'A' && c <= 'Z'                                            ? static_cast<char>(c - 'A' + 'a')
               : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 ? static_cast<char>(c)
                                                                               : '\0';
      needsFold[c] = c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    }
  }
};
constexpr SquashTable kSquash;

// squash's walk: appends to `out` what squash keeps of each byte of `s`,
// and returns how many bytes it read. With kStopAtFold it stops at the first
// byte foldText may change (a template, so squash's walk does not test for it
// a byte); eight bytes that are all printable ASCII, which none is, are then
// taken in one step without that test (the brand-name search squashes every
// sample, reply and the flow). Writes through a pointer of its own: a store
// through the string's operator[] may alias the string, which then is read
// again every byte.
template <bool kStopAtFold>
std::size_t appendSquashed(std::string_view s, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + s.size());
  char* const kept = &out[at];
  std::size_t n = 0, i = 0;
  const auto keep = [kept, &n](unsigned char c) {
    const char k = kSquash.out[c];
    kept[n] = k;
    n += k != '\0';
  };
  if constexpr (kStopAtFold) {
    constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      // A byte at or above 0x80 sets a high bit of the word; without one, a
      // byte below 0x20 is the only way to borrow into one of word - 0x20s.
      if (((word | (word - 0x20 * kOnes)) & kHigh) != 0) break;
      for (std::size_t k = i; k < i + 8; ++k) keep(static_cast<unsigned char>(s[k]));
    }
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if constexpr (kStopAtFold) {
      if (kSquash.needsFold[c]) break;
    }
    keep(c);
  }
  out.resize(at + n);
  return i;
}

// squash(s), as the comments below say, is what appendSquashed<false>
// appends of s: lowercase ASCII letters and digits only, so "Brightside
// Plumbing" and "brightside plumbing" compare equal; non-ASCII bytes are
// kept as they are.

// squash(foldText(s)) is squash(s[0, p - 1)) followed by
// squash(foldText(s[p - 1, end))) when `p` is the first byte foldText may
// change: folding lowers the plain ASCII before the character a combining
// mark may join, and treats what follows as it would in the whole text (text
// that is not UTF-8, left unfolded, squashes the same either way). With
// `out` ending in squash(s[0, p)), this takes the last character off again
// when squash kept it and returns where the part to fold starts.
std::size_t foldFrom(std::string_view s, std::size_t p, std::string& out) {
  if (p == 0) return 0;
  if (kSquash.out[static_cast<unsigned char>(s[p - 1])] != '\0') out.pop_back();
  return p - 1;
}

// Appends squash(foldText(rest)), folding into a buffer kept for the thread,
// so a text costs no allocation once the buffers have grown.
void appendSquashedFold(std::string_view rest, std::string& out) {
  thread_local std::string folded;
  foldTextInto(rest, folded);
  appendSquashed<false>(folded, out);
}

// Whether one of `names` ends at or after `from` in `haystack`: the part of
// the haystack just added, with what a name may have begun in before it (an
// empty name is in any text).
bool nameEndsAfter(const std::string& haystack, std::size_t from, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const std::size_t start = from + 1 > name.size() ? from + 1 - name.size() : 0;
    if (name.empty() || haystack.find(name, start) != std::string::npos) return true;
  }
  return false;
}

// The length of `name` without its legal suffixes ("Inc.", "LLC", commas),
// compared in place ignoring ASCII case from each suffix's last byte, where
// most are told apart: no lowered copy of the name (brandNames strips two
// names a document). Moving an end index keeps it linear however many
// suffixes (or commas) a name ends with.
std::string_view stripLegalSuffix(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {
      " incorporated", " corporation", " company", " limited", " inc.", " inc", " llc", " l.l.c.", " ltd.",
      " ltd",          " corp.",       " corp",    " co.",     " llp",  " lp",  " plc", " pllc",   ","};
  const auto endsWith = [&name](std::size_t end, std::string_view suffix) {
    if (end <= suffix.size()) return false;
    for (std::size_t k = suffix.size(); k-- > 0;) {
      if (toAsciiLower(name[end - suffix.size() + k]) != suffix[k]) return false;
    }
    return true;
  };
  // The bytes a suffix ends with: a name ending in another (most do) is done.
  static constexpr auto kLastBytes = [] {
    std::array<bool, 256> last{};
    for (std::string_view suffix : kSuffixes) last[static_cast<unsigned char>(suffix.back())] = true;
    return last;
  }();
  const auto mayEndOne = [](char c) { return kLastBytes[static_cast<unsigned char>(toAsciiLower(c))]; };
  std::size_t end = name.size();
  bool changed = true;
  while (changed && end > 0 && mayEndOne(name[end - 1])) {
    changed = false;
    for (std::string_view suffix : kSuffixes) {
      if (endsWith(end, suffix)) {
        end -= suffix.size();
        changed = true;
        break;
      }
    }
  }
  return name.substr(0, end);
}

// Every match of the email pattern holds an "@" (ContentData::emailNeedsAt),
// so a text without one needs no scan.
bool mayHoldEmail(const ContentData& content, const std::string& text) {
  return !content.emailNeedsAt || text.find('@') != std::string::npos;
}

bool isLabelChar(char c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == '-'; }

// Where the first match of the link pattern at or after `pos` can start at
// the earliest, or npos when there is none. Every match holds "://" or a "."
// followed by a letter, digit or "-" (ContentData::linkNeedsDot), and what
// comes before the first of them in a match is letters, digits and "-"
// ("https", "www", a host's labels), so no match starts before the first of
// them in the text and the run of such characters just before it. Blanking
// emails out only removes characters, so a text as written that can hold no
// link cannot once blanked either.
std::size_t linkScanStart(const ContentData& content, std::string_view text, std::size_t pos) {
  if (!content.linkNeedsDot) return pos;
  std::size_t first = std::string_view::npos;
  for (std::size_t i = text.find('.', pos); i != std::string_view::npos; i = text.find('.', i + 1)) {
    if (i + 1 < text.size() && isLabelChar(text[i + 1])) {
      first = i;
      break;
    }
  }
  // A "://" that starts before that "." ends before it too.
  const std::size_t scheme = text.substr(0, first).find("://", pos);
  if (scheme != std::string_view::npos) first = scheme;
  if (first == std::string_view::npos) return first;
  while (first > pos && isLabelChar(text[first - 1])) --first;
  return first;
}

// What submatch 2 of kCheckedLinkPattern (content_data.cpp) holds for its
// match `match`: the top-level domain of a bare host, or a null view when
// the match is a link with a scheme or "www.". RE2 picks the first of the
// three alternatives that matches where the match starts, so: a match that
// starts with http:// or https:// is the first (the others hold no ":"
// before a "/"); one that starts with "www.", a label, "." and a label
// character is the second, which would have matched there whatever the
// third could; anything else is a bare host, [label.]*label.tld then an
// optional path from its first "/", so the top-level domain runs from the
// host's last "." to the path.
std::string_view bareHostTld(std::string_view match) {
  std::size_t i = 0;
  while (i < 4 && i < match.size() && toAsciiLower(match[i]) == "http"[i]) ++i;
  if (i == 4) {
    if (i < match.size() && toAsciiLower(match[i]) == 's') ++i;
    if (match.substr(i, 3) == "://") return {};
  }
  if (match.size() > 4 && toAsciiLower(match[0]) == 'w' && toAsciiLower(match[1]) == 'w' &&
      toAsciiLower(match[2]) == 'w' && match[3] == '.') {
    std::size_t j = 4;
    while (j < match.size() && isLabelChar(match[j])) ++j;
    if (j > 4 && j + 1 < match.size() && match[j] == '.' && isLabelChar(match[j + 1])) return {};
  }
  const std::string_view host = match.substr(0, match.find('/'));
  const std::size_t dot = host.rfind('.');
  return dot == std::string_view::npos ? host : host.substr(dot + 1);
}

// The length of the match kCheckedLinkPattern makes anchored at `from` when
// its first alternative, a link with a scheme, matches there over ASCII;
// else 0, and RE2 answers. RE2 takes the first alternative that matches
// where the match starts: \b, "http" and an optional "s" in any case,
// "://", then all it can of [^\s<>"'], where \s is [\t\n\f\r ]. A byte
// outside ASCII starts a character RE2 reads as a whole, so it is left to
// RE2. Most links are written so (the privacy and terms URLs): RE2's start
// and its search cost ten times this walk.
std::size_t schemeLinkLength(std::string_view text, std::size_t from) {
  if (from > 0) {
    const char before = text[from - 1];
    if (isAsciiLetter(before) || isAsciiDigit(before) || before == '_') return 0;  // no \b
  }
  std::size_t i = from;
  for (const char c : {'h', 't', 't', 'p'}) {
    if (i == text.size() || toAsciiLower(text[i]) != c) return 0;
    ++i;
  }
  if (i < text.size() && toAsciiLower(text[i]) == 's') ++i;
  if (text.substr(i, 3) != "://") return 0;
  i += 3;
  const std::size_t rest = i;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) return 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '<' || c == '>' || c == '"' || c == '\'') {
      break;
    }
  }
  return i > rest ? i - from : 0;
}

bool isLocalPartByte(char c) {
  return isLabelChar(c) || c == '.' || c == '_' || c == '%' || c == '+' || static_cast<unsigned char>(c) >= 0x80;
}

// The length of the match of kCheckedEmailPattern anchored at `from`, where
// [from, at) holds only local-part bytes and `at` is the "@" after them,
// when it is known without RE2; else 0, and RE2 answers. RE2 takes all it
// can of each part: the local part runs to the "@", then a label, then
// ".label" as often as one follows. Over ASCII that is a walk; a byte
// outside it may be the Kelvin sign or the long s, which the caseless
// classes take for "k" and "s", so it is left to RE2.
std::size_t asciiEmailLength(std::string_view text, std::size_t from, std::size_t at) {
  if (at == from) return 0;
  for (std::size_t i = from; i < at; ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return 0;
  }
  auto labelEnd = [&](std::size_t i) {
    while (i < text.size() && isLabelChar(text[i])) ++i;
    return i;
  };
  auto outside = [&](std::size_t i) { return i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80; };
  std::size_t end = labelEnd(at + 1);
  if (end == at + 1) return 0;
  bool dotted = false;
  for (;;) {
    if (outside(end)) return 0;
    if (end < text.size() && text[end] == '.') {
      if (outside(end + 1)) return 0;
      if (end + 1 < text.size() && isLabelChar(text[end + 1])) {
        end = labelEnd(end + 1);
        dotted = true;
        continue;
      }
    }
    break;
  }
  return dotted ? end - from : 0;
}

// `text` with each email address replaced by " ", as RE2::GlobalReplace
// gives it (no email is empty), without its scan for one more after the
// last "@" when every email holds one.
std::string blankEmails(const ContentData& content, const std::string& text) {
  std::string out;
  if (!content.emailNeedsAt) {
    out = text;
    RE2::GlobalReplace(&out, *content.email, " ");
    return out;
  }
  const RE2& email = *content.email;
  out.reserve(text.size());
  re2::StringPiece whole(text), found;
  std::size_t pos = 0;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', pos)) {
    // With the checked pattern no email starts before the run of its
    // local part's characters that ends at the next "@" (bytes of non-ASCII
    // letters counted in: the pattern is caseless, and "\u212A" folds to
    // "k"), so the search starts there, anchored first as findLinks' does.
    std::size_t from = pos;
    if (content.emailLocalPartFirst) {
      from = at;
      while (from > pos && isLocalPartByte(text[from - 1])) --from;
    }
    const std::size_t known = content.emailLocalPartFirst ? asciiEmailLength(text, from, at) : 0;
    if (known != 0) {
      found = re2::StringPiece(text.data() + from, known);
    } else if (!email.Match(whole, from, text.size(), RE2::ANCHOR_START, &found, 1) &&
               !email.Match(whole, from, text.size(), RE2::UNANCHORED, &found, 1)) {
      break;
    }
    const std::size_t start = static_cast<std::size_t>(found.data() - text.data());
    out.append(text, pos, start - pos);
    out += ' ';
    pos = start + found.size();
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// Whether `text` starts with `prefix` (lower case) in any case.
bool startsWithLowered(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (toAsciiLower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// What the phrase set holding `re` says of the facts' text: kHit, kMiss, or
// kAsk (not in the set, or the set ran out of memory: run the pattern
// itself). `exact` is false when the set holds a wider form of the pattern.
// The set's pass over the text runs at the first question.
enum class SetAnswer { kHit, kMiss, kAsk };

// The set's pass over the facts' text, once a text. Out of line: inlined,
// it made every question (a bit looked up, some ten a text) save and restore
// the registers the pass needs.
[[gnu::noinline]] void readWithSet(const RuleContext& ctx, TextFacts& facts) {
  TextMemo& memo = ctx.memo();
  const ContentData& content = ctx.content();
  std::vector<int>& hits = memo.setHits();
  RE2::Set::ErrorInfo info{};
  if (!content.phraseSet->Match(facts.text, &hits, &info) && info.kind != RE2::Set::kNoError) {
    facts.phrases = TextFacts::Phrases::kFailed;  // out of memory: one pattern at a time, as before
  } else {
    facts.phrases = TextFacts::Phrases::kKnown;
    facts.phraseBits = memo.addBits((content.phrasePatterns.size() + 63) / 64);
    std::uint64_t* bits = memo.bits(facts.phraseBits);
    for (int hit : hits) bits[static_cast<unsigned>(hit) / 64] |= std::uint64_t{1} << (static_cast<unsigned>(hit) % 64);
  }
}

SetAnswer askSet(const RuleContext& ctx, TextFacts& facts, const LazyRegex& re, bool& exact) {
  const int member = re.phraseMember();
  if (member < 0) return SetAnswer::kAsk;
  exact = re.phraseExact();
  const TextMemo& memo = ctx.memo();
  if (facts.phrases == TextFacts::Phrases::kUnknown) readWithSet(ctx, facts);
  if (facts.phrases == TextFacts::Phrases::kFailed) return SetAnswer::kAsk;
  const auto m = static_cast<unsigned>(member);
  return (memo.bits(facts.phraseBits)[m / 64] >> (m % 64) & 1) != 0 ? SetAnswer::kHit : SetAnswer::kMiss;
}

// matches() from the set's answer.
bool matchesGiven(SetAnswer answer, bool exact, const std::string& text, const LazyRegex& re) {
  switch (answer) {
    case SetAnswer::kMiss:
      return false;
    case SetAnswer::kHit:
      if (exact) return true;
      break;
    case SetAnswer::kAsk:
      break;
  }
  return RE2::PartialMatch(text, *re);
}

}  // namespace

bool matches(const RuleContext& ctx, const std::string& text, const LazyRegex& re) {
  return PhraseAnswers(ctx, text).matches(re);
}

bool mayMatch(const RuleContext& ctx, const std::string& text, const LazyRegex& re) {
  return PhraseAnswers(ctx, text).mayMatch(re);
}

bool PhraseAnswers::matches(const LazyRegex& re) {
  if (re.phraseMember() < 0) return RE2::PartialMatch(text_, *re);
  bool exact = true;
  if (facts_ == nullptr) facts_ = &ctx_.memo().facts(text_);
  const SetAnswer answer = askSet(ctx_, *facts_, re, exact);  // sets `exact`: before it is read
  return matchesGiven(answer, exact, text_, re);
}

bool PhraseAnswers::mayMatch(const LazyRegex& re) {
  if (re.phraseMember() < 0) return true;
  bool exact = true;
  if (facts_ == nullptr) facts_ = &ctx_.memo().facts(text_);
  return askSet(ctx_, *facts_, re, exact) != SetAnswer::kMiss;
}

bool setSaysNo(const RuleContext& ctx, const std::string& text, const LazyRegex& re) {
  const int member = re.phraseMember();
  if (member < 0) return false;
  const TextMemo& memo = ctx.memo();
  const TextFacts* facts = memo.known(text);
  if (facts == nullptr || facts->phrases != TextFacts::Phrases::kKnown) return false;
  const auto m = static_cast<unsigned>(member);
  return (memo.bits(facts->phraseBits)[m / 64] >> (m % 64) & 1) == 0;
}

std::string findWord(const RuleContext& ctx, const LazyRegex& re, const std::string& text) {
  return mayMatch(ctx, text, re) ? findWord(*re, text) : std::string();
}

std::string squashFold(std::string_view text) {
  std::string out;
  const std::size_t plain = appendSquashed<true>(text, out);
  if (plain != text.size()) appendSquashedFold(text.substr(foldFrom(text, plain, out)), out);
  return out;
}

bool containsSquashed(std::string_view text, const std::vector<std::string>& names) {
  if (names.empty()) return false;
  // Names are mostly near the start ("Brightside Plumbing: your visit..."),
  // so the text is squashed a block at a time, each twice the last, and the
  // search stops at the first name found. A name found before the character
  // that a byte needing folding may join is in the whole squashed text.
  thread_local std::string haystack;
  haystack.clear();
  std::size_t done = 0;
  for (std::size_t block = 16;; block *= 2) {
    const std::size_t searched = haystack.size();
    done += appendSquashed<true>(text.substr(done, block), haystack);
    // Also when the block ends right before such a byte: its last character
    // goes with the fold.
    const bool folds = done < text.size() && kSquash.needsFold[static_cast<unsigned char>(text[done])];
    if (folds) done = foldFrom(text, done, haystack);
    if (nameEndsAfter(haystack, searched, names)) return true;
    if (done == text.size()) return false;
    if (folds) break;
  }
  const std::size_t searched = haystack.size();
  appendSquashedFold(text.substr(done), haystack);
  return nameEndsAfter(haystack, searched, names);
}

const std::vector<std::string>& brandNames(const RuleContext& ctx) {
  BrandNames& memo = ctx.brandNames();
  if (memo.known) return memo.names;
  memo.known = true;
  // Without a display name (itself reported) the brand-name checks cannot be
  // judged, and falling back to the legal name alone would report one problem
  // four more times.
  if (ctx.clean("/brand/displayName").empty()) return memo.names;
  // At most five names: room for them at once, not grown a name at a time.
  memo.names.reserve(5);
  memo.squashed.reserve(5);
  auto add = [&](std::string_view name) {
    std::string squashed = squashFold(name);
    if (squashed.size() < 2) return;
    memo.names.emplace_back(name);
    // The same name twice (display and company name alike) is looked for once.
    if (std::find(memo.squashed.begin(), memo.squashed.end(), squashed) == memo.squashed.end()) {
      memo.squashed.push_back(std::move(squashed));
    }
  };
  const std::string& displayName = ctx.original("/brand/displayName");
  // clean: a name over its length limit is not used
  add(stripLegalSuffix(displayName));
  add(stripLegalSuffix(ctx.original("/brand/companyName")));
  // Programs and shops are named by the brand's first word ("Sandbar
  // Rewards" of Sandbar Surf Shop) when that word is distinctive: the first
  // run of letters, digits and non-ASCII bytes of the folded name, and not
  // all that squash keeps of it (no byte outside the run that squash keeps).
  {
    thread_local std::string display;  // folded into memory kept for the thread
    foldTextInto(displayName, display);
    const auto wordByte = [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
    };
    std::size_t start = 0;
    while (start < display.size() && !wordByte(display[start])) ++start;
    std::size_t end = start;
    while (end < display.size() && wordByte(display[end])) ++end;
    const auto squashKeeps = [](std::string_view part) {
      for (const char ch : part) {
        if (kSquash.out[static_cast<unsigned char>(ch)] != '\0') return true;
      }
      return false;
    };
    if (end - start >= 4 && (squashKeeps(std::string_view(display).substr(0, start)) ||
                             squashKeeps(std::string_view(display).substr(end)))) {
      const std::string word = display.substr(start, end - start);
      if (ctx.content().genericNameWords.count(word) == 0) add(word);
    }
  }
  // A sole proprietor registers as a person; samples may name the person.
  if (ctx.clean("/brand/entityType") == "SOLE_PROPRIETOR"sv) {
    const std::string &first = ctx.clean("/brand/firstName"), last = ctx.clean("/brand/lastName");
    if (!first.empty() && !last.empty()) add(first + " " + last);
  }
  // The website's own name ("brightsideplumbing" of brightsideplumbing.com)
  // is how an app or a shop is often named in its texts.
  const std::string& host = ctx.websiteHost();
  if (auto dot = host.rfind('.'); dot != std::string::npos) {
    std::string_view label = std::string_view(host).substr(0, dot);
    label = label.substr(label.rfind('.') == std::string_view::npos ? 0 : label.rfind('.') + 1);
    if (label.size() >= 4) add(label);
  }
  return memo.names;
}

bool mentionsBrand(const RuleContext& ctx, const std::string& text) {
  const BrandNames& memo = ctx.brandNames();
  if (!memo.known) brandNames(ctx);
  return containsSquashed(text, memo.squashed);
}

bool namesBrand(const RuleContext& ctx, const std::string& text) {
  return mentionsBrand(ctx, text) || matches(ctx, text, ctx.content().brandPlaceholder);
}

std::vector<Link> findLinks(const ContentData& content, const std::string& text) {
  std::vector<Link> links;
  // Where the first link can start: none, no scan; else where the search of
  // the text as written starts (below), not worked out again.
  const std::size_t firstStart = linkScanStart(content, text, 0);
  if (firstStart == std::string_view::npos) return links;
  // Email addresses are not links; blank them out first (in a copy only when
  // there may be one to blank).
  std::string blanked;
  const bool emails = mayHoldEmail(content, text);
  if (emails) blanked = blankEmails(content, text);
  const std::string& scan = emails ? blanked : text;
  // For the checked pattern the match alone says whether it is a bare host
  // and which its top-level domain is (bareHostTld), so RE2 need not run
  // its submatch engine over each link: the pattern is too big for the
  // quick ones, and the NFA cost nearly four times what finding the match
  // did (10.8k instructions a link against 2.9k).
  const bool knownPattern = content.linkNeedsDot;
  const int submatches = knownPattern ? 1 : 4;
  const RE2& pattern = *content.link;
  std::size_t pos = 0;
  re2::StringPiece whole(scan);
  re2::StringPiece found[4];  // whole match, www tail, bare host's top-level domain, bare path
  // The search starts where a link can (linkScanStart), so the rest of a
  // text after its last link is not scanned. A match found anchored there
  // is the leftmost one, and RE2 then knows where it starts without running
  // the pattern backwards from its end; only when none starts there does it
  // search on.
  while (pos < scan.size() && links.size() < 64) {
    const std::size_t from = pos == 0 && !emails ? firstStart : linkScanStart(content, scan, pos);
    if (from == std::string::npos) break;
    const std::size_t known = knownPattern ? schemeLinkLength(scan, from) : 0;
    if (known != 0) {
      found[0] = re2::StringPiece(scan.data() + from, known);
    } else if (!pattern.Match(whole, from, scan.size(), RE2::ANCHOR_START, found, submatches) &&
               !pattern.Match(whole, from, scan.size(), RE2::UNANCHORED, found, submatches)) {
      break;
    }
    std::string_view match(found[0].data(), found[0].size());
    std::size_t end = static_cast<std::size_t>(match.data() - scan.data()) + match.size();
    pos = end > pos ? end : pos + 1;
    const std::string_view tld = knownPattern ? bareHostTld(match) : std::string_view(found[2].data(), found[2].size());
    if (tld.data() != nullptr && content.tlds.find(tld) == content.tlds.end()) continue;  // "way.to" is words
    // Sentence punctuation after a link is not part of it; a closing bracket
    // is, when the link opened one ("/visits/[id]").
    while (!match.empty()) {
      const char last = match.back();
      const bool punctuation = std::string_view(".,;:!?'").find(last) != std::string_view::npos;
      const bool unopened = (last == ')' && match.find('(') == std::string_view::npos) ||
                            (last == ']' && match.find('[') == std::string_view::npos);
      if (!punctuation && !unopened) break;
      match.remove_suffix(1);
    }
    Link link;
    link.text = std::string(match);
    link.secure = startsWithLowered(match, "https://");
    link.plainHttp = startsWithLowered(match, "http://");
    link.host = urlHost(match);
    links.push_back(std::move(link));
  }
  return links;
}

std::string withoutLinksAndEmails(const ContentData& content, const std::string& text) {
  std::string out = mayHoldEmail(content, text) ? blankEmails(content, text) : text;
  RE2::GlobalReplace(&out, *content.link, " ");
  return out;
}

const std::vector<Link>& linksIn(const RuleContext& ctx, const std::string& text) {
  TextFacts& facts = ctx.memo().facts(text);
  if (!facts.linksKnown) {
    facts.links = findLinks(ctx.content(), text);
    facts.linksKnown = true;
  }
  return facts.links;
}

bool carriesLink(const ContentData& content, const std::string& text) {
  return RE2::PartialMatch(text, *content.linkPlaceholder) || !findLinks(content, text).empty();
}

bool carriesLink(const RuleContext& ctx, const std::string& text) {
  return matches(ctx, text, ctx.content().linkPlaceholder) || !linksIn(ctx, text).empty();
}

bool hasEmail(const ContentData& content, const std::string& text) {
  if (!content.emailNeedsAt || !content.emailLocalPartFirst) return RE2::PartialMatch(text, *content.email);
  const std::size_t at = text.find('@');
  if (at == std::string::npos) return false;
  // No email starts before the run of local-part bytes that ends at the
  // first "@" (blankEmails), and RE2 stops at the first match it sees.
  std::size_t from = at;
  while (from > 0 && isLocalPartByte(text[from - 1])) --from;
  return asciiEmailLength(text, from, at) != 0 ||
         content.email->Match(text, from, text.size(), RE2::UNANCHORED, nullptr, 0);
}

bool hasPhoneNumber(const ContentData& content, const std::string& text) {
  // Taking links and emails out adds no digit, so a text with fewer
  // than three (most samples) cannot hold a number afterwards either.
  if (content.phoneNeedsDigits) {
    int digits = 0;
    for (const char c : text) digits += isAsciiDigit(c);
    if (digits < 3) return false;
  }
  return RE2::PartialMatch(withoutLinksAndEmails(content, text), *content.phone);
}

bool carriesPhone(const ContentData& content, const std::string& text) {
  return RE2::PartialMatch(text, *content.phonePlaceholder) || hasPhoneNumber(content, text);
}

bool carriesPhone(const RuleContext& ctx, const std::string& text) {
  return matches(ctx, text, ctx.content().phonePlaceholder) || hasPhoneNumber(ctx.content(), text);
}

}  // namespace smsreg::rules
