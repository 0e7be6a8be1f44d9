#include "rules/unicode_text.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "input/plain_text.hpp"
#include "rules/ascii.hpp"

namespace smsreg::rules {

namespace {

using input::plainAscii;
using input::plainByte;
using input::plainRun;

// NFKC, lumping and ignoring change no plain ASCII, and case folding is A-Z to
// a-z (a unit test holds this against utf8proc). Lowered in place after one
// append, not appended a character at a time.
void appendPlain(std::string& out, std::string_view text, bool casefold) {
  const std::size_t at = out.size();
  out.append(text);
  if (casefold) {
    for (auto c = out.begin() + static_cast<std::ptrdiff_t>(at); c != out.end(); ++c) *c = toAsciiLower(*c);
  }
}

// utf8proc's LUMP folds single smart quotes but not the double ones:
// `mapped` appended to `out` with those as '"'.
void appendFoldingDoubleQuotes(std::string& out, std::string_view mapped) {
  static const std::string_view kQuotes[] = {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"};
  for (std::size_t i = 0; i < mapped.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(mapped[i]) >= 0xC2) {
      for (std::string_view q : kQuotes) {
        if (mapped.compare(i, q.size(), q) == 0) {
          out += '"';
          i += q.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += mapped[i++];
  }
}

// utf8proc over one piece, appended to `out`; false when it is not UTF-8.
bool appendMapped(std::string& out, std::string_view text, bool casefold) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_IGNORE;
  if (casefold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (n < 0 || mapped == nullptr) return false;
  appendFoldingDoubleQuotes(out, std::string_view(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n)));
  return true;
}

// The letters of Latin-1 (U+00C0 to U+00FF, "é", "Ñ"; × and ÷ with them)
// are in NFKC already, lumped or ignored by nothing, and join no character
// before or after them; folding lowers U+00C0-U+00DE by 0x20 and turns ß into
// "ss" (left to utf8proc). True when `run` is only such letters (ß only
// when not folding); a unit test holds every one of them against utf8proc.
bool latin1Letters(std::string_view run, bool casefold) {
  if (run.size() % 2 != 0) return false;
  for (std::size_t k = 0; k < run.size(); k += 2) {
    const auto lead = static_cast<unsigned char>(run[k]), trail = static_cast<unsigned char>(run[k + 1]);
    if (lead != 0xC3 || trail < 0x80 || trail > 0xBF || (casefold && trail == 0x9F)) return false;
  }
  return true;
}

// A run of latin1Letters, with the plain character before it, done here.
void appendLatin1(std::string& out, std::string_view before, std::string_view run, bool casefold) {
  appendPlain(out, before, casefold);
  const std::size_t at = out.size();
  out.append(run);
  if (casefold) {
    for (std::size_t k = at + 1; k < out.size(); k += 2) {
      const auto trail = static_cast<unsigned char>(out[k]);
      if (trail <= 0x9E && trail != 0x97) out[k] = static_cast<char>(trail + 0x20);
    }
  }
}

// Text is mostly ASCII with a few other characters ("Café"), so only the runs
// of other characters go through utf8proc, each with the plain character
// before it. That gives what mapping the whole text gives: a plain character
// is a starter that decomposes to itself, no composition pairs a character
// with a following ASCII one, so nothing reaches across a plain character
// except combining marks onto the one right before them (which goes with the
// run). This walk splits `text` so: plain(piece) for each piece of plain
// bytes, other(before, run) for each run of other bytes with the plain
// character before it (empty at the start), in order; it stops, returning
// false, when other does.
template <typename Plain, typename Other>
bool eachPiece(std::string_view text, Plain plain, Other other) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t run = i + plainRun(text, i);
    if (run == text.size()) {
      plain(text.substr(i));
      break;
    }
    const std::size_t start = run > i ? run - 1 : run;  // the starter a combining mark may join
    plain(text.substr(i, start - i));
    std::size_t end = run;
    while (end < text.size() && !plainByte(static_cast<unsigned char>(text[end]))) ++end;
    if (!other(text.substr(start, run - start), text.substr(run, end - run))) return false;
    i = end;
  }
  return true;
}

// The normalised (and with `casefold` folded) `text` over `out`. Not UTF-8
// anywhere: the text unchanged, as utf8proc refuses it whole. A unit test
// holds this against utf8proc over the whole text.
void mapInto(std::string_view text, bool casefold, std::string& out) {
  out.clear();
  out.reserve(text.size());
  const bool utf8 = eachPiece(
      text, [&](std::string_view piece) { appendPlain(out, piece, casefold); },
      [&](std::string_view before, std::string_view run) {
        if (latin1Letters(run, casefold)) {
          appendLatin1(out, before, run, casefold);
          return true;
        }
        return appendMapped(out, std::string_view(before.data(), before.size() + run.size()), casefold);
      });
  if (!utf8) out.assign(text);
}

}  // namespace

std::string normalizeText(std::string_view text) {
  std::string out;
  mapInto(text, false, out);
  return out;
}

std::string foldText(std::string_view text) {
  std::string out;
  mapInto(text, true, out);
  return out;
}

void foldTextInto(std::string_view text, std::string& out) { mapInto(text, true, out); }

void normalizeStrings(nlohmann::json& document) {
  if (document.is_string()) {
    const std::string& s = document.get_ref<const std::string&>();
    if (!plainAscii(s)) document = normalizeText(s);
  } else if (document.is_structured()) {
    for (auto& child : document) normalizeStrings(child);  // depth bounded by the parser's limit
  }
}

namespace {

// The last few pieces utf8proc gave back as they were, on this thread:
// documents of one sender repeat their few other characters (a "✓" in every
// sample), and mapping a piece costs over a thousand instructions where
// this look-up costs a few dozen. What utf8proc gives depends on the piece
// alone, so a piece found here is normalised as written.
class UnchangedPieces {
 public:
  bool contains(std::string_view whole) const noexcept {
    for (const Slot& slot : slots_) {
      if (slot.size == whole.size() && std::memcmp(slot.bytes, whole.data(), whole.size()) == 0) return true;
    }
    return false;
  }

  void add(std::string_view whole) noexcept {
    if (whole.size() > kMaxBytes) return;
    Slot& slot = slots_[next_];
    next_ = (next_ + 1) % kSlots;
    slot.size = whole.size();
    std::memcpy(slot.bytes, whole.data(), whole.size());
  }

 private:
  static constexpr std::size_t kSlots = 8, kMaxBytes = 16;
  struct Slot {
    std::size_t size = 0;  // 0: empty (a piece is never empty)
    char bytes[kMaxBytes];
  };
  Slot slots_[kSlots];
  std::size_t next_ = 0;
};

UnchangedPieces& unchangedPieces() {
  thread_local UnchangedPieces pieces;
  return pieces;
}

// normalizeText(text) != text without building the normalised copy: only
// the pieces utf8proc maps can change, so they alone are mapped and compared
// with themselves. One that differs settles it the slow way (the pieces'
// outputs might still join up into the text itself), as rare as a text
// normalising changes.
bool normalizingChangesText(std::string_view text) {
  std::string piece;
  bool differs = false;
  eachPiece(
      text, [](std::string_view) {},
      [&](std::string_view before, std::string_view run) {
        if (latin1Letters(run, false)) return true;  // normalised as written
        const std::string_view whole(before.data(), before.size() + run.size());
        UnchangedPieces& unchanged = unchangedPieces();
        if (unchanged.contains(whole)) return true;
        piece.clear();
        if (!appendMapped(piece, whole, false)) return false;  // not UTF-8: the text stays as it is
        differs = piece != whole;
        if (!differs) unchanged.add(whole);
        return !differs;
      });
  return differs && normalizeText(text) != text;
}

// Objects and arrays are walked through their containers: json's own
// iterator asks the value's type at every step.
bool normalizingChanges(const nlohmann::json& document) {
  if (document.is_string()) {
    const std::string& s = document.get_ref<const std::string&>();
    return !plainAscii(s) && normalizingChangesText(s);
  }
  if (document.is_object()) {
    for (const auto& member : document.get_ref<const nlohmann::json::object_t&>()) {
      if (normalizingChanges(member.second)) return true;  // depth bounded by the parser's limit
    }
  } else if (document.is_array()) {
    for (const auto& item : document.get_ref<const nlohmann::json::array_t&>()) {
      if (normalizingChanges(item)) return true;
    }
  }
  return false;
}

}  // namespace

bool normalizingChangesAny(const std::vector<std::string_view>& texts) {
  for (const std::string_view text : texts) {
    if (normalizingChangesText(text)) return true;
  }
  return false;
}

const nlohmann::json& normalizedDocument(const nlohmann::json& document, nlohmann::json& copy) {
  if (!normalizingChanges(document)) return document;
  copy = document;
  normalizeStrings(copy);
  return copy;
}

}  // namespace smsreg::rules
