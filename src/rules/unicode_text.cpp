#include "rules/unicode_text.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "rules/ascii.hpp"

namespace smsreg::rules {

namespace {

// ASCII other than control characters (tab and newlines are plain): what
// normalisation leaves as it is.
bool plainByte(unsigned char c) { return c < 0x80 && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r'); }

// Plain text needs no work: the common case costs one scan, eight bytes a
// step. A word with no byte at or above 0x80 and none below 0x20 is plain;
// one that may hold a control byte (tab and newlines are plain) is looked at
// byte by byte.
bool plainAscii(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighBits = 0x8080808080808080u;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((word & kHighBits) != 0) return false;
    // With no high bit set, a byte below 0x20 is the only way to borrow into
    // a high bit here.
    if (((word - 0x20 * kOnes) & kHighBits) != 0) {
      for (std::size_t k = i; k < i + 8; ++k) {
        if (!plainByte(static_cast<unsigned char>(text[k]))) return false;
      }
    }
  }
  for (; i < text.size(); ++i) {
    if (!plainByte(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// utf8proc's LUMP folds single smart quotes but not the double ones.
void foldDoubleQuotes(std::string& s) {
  static const std::string_view kQuotes[] = {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(s[i]) >= 0xC2) {
      for (std::string_view q : kQuotes) {
        if (s.compare(i, q.size(), q) == 0) {
          out += '"';
          i += q.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  s = std::move(out);
}

// NFKC, lumping and ignoring change no plain ASCII, and case folding is A-Z to
// a-z (a unit test holds this against utf8proc).
void appendPlain(std::string& out, std::string_view text, bool casefold) {
  if (!casefold) {
    out.append(text);
    return;
  }
  for (char c : text) out += toAsciiLower(c);
}

// utf8proc over one piece; false when it is not UTF-8.
bool appendMapped(std::string& out, std::string_view text, bool casefold) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_IGNORE;
  if (casefold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (n < 0 || mapped == nullptr) return false;
  std::string piece(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  foldDoubleQuotes(piece);
  out += piece;
  return true;
}

// The letters of Latin-1 (U+00C0 to U+00FF, "é", "Ñ"; × and ÷ with them)
// are in NFKC already, lumped or ignored by nothing, and join no character
// before or after them; folding lowers U+00C0-U+00DE by 0x20 and turns ß into
// "ss" (left to utf8proc). A run of only such letters, with the plain
// character before it, is done here; a unit test holds every one of them
// against utf8proc.
bool appendLatin1(std::string& out, std::string_view before, std::string_view run, bool casefold) {
  if (run.size() % 2 != 0) return false;
  for (std::size_t k = 0; k < run.size(); k += 2) {
    const auto lead = static_cast<unsigned char>(run[k]), trail = static_cast<unsigned char>(run[k + 1]);
    if (lead != 0xC3 || trail < 0x80 || trail > 0xBF || (casefold && trail == 0x9F)) return false;
  }
  appendPlain(out, before, casefold);
  const std::size_t at = out.size();
  out.append(run);
  if (casefold) {
    for (std::size_t k = at + 1; k < out.size(); k += 2) {
      const auto trail = static_cast<unsigned char>(out[k]);
      if (trail <= 0x9E && trail != 0x97) out[k] = static_cast<char>(trail + 0x20);
    }
  }
  return true;
}

// Text is mostly ASCII with a few other characters ("Café"), so only the runs
// of other characters go through utf8proc, each with the plain character
// before it. That gives what mapping the whole text gives: a plain character
// is a starter that decomposes to itself, no composition pairs a character
// with a following ASCII one, so nothing reaches across a plain character
// except combining marks onto the one right before them (which goes with the
// run). Not UTF-8 anywhere: the text unchanged, as utf8proc refuses it whole.
// A unit test holds this against utf8proc over the whole text.
std::string map(std::string_view text, bool casefold) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t run = i;
    while (run < text.size() && plainByte(static_cast<unsigned char>(text[run]))) ++run;
    if (run == text.size()) {
      appendPlain(out, text.substr(i), casefold);
      break;
    }
    const std::size_t start = run > i ? run - 1 : run;  // the starter a combining mark may join
    appendPlain(out, text.substr(i, start - i), casefold);
    std::size_t end = run;
    while (end < text.size() && !plainByte(static_cast<unsigned char>(text[end]))) ++end;
    if (appendLatin1(out, text.substr(start, run - start), text.substr(run, end - run), casefold)) {
      i = end;
      continue;
    }
    if (!appendMapped(out, text.substr(start, end - start), casefold)) return std::string(text);
    i = end;
  }
  return out;
}

}  // namespace

std::string normalizeText(std::string_view text) { return map(text, false); }
std::string foldText(std::string_view text) { return map(text, true); }

void normalizeStrings(nlohmann::json& document) {
  if (document.is_string()) {
    const std::string& s = document.get_ref<const std::string&>();
    if (!plainAscii(s)) document = normalizeText(s);
  } else if (document.is_structured()) {
    for (auto& child : document) normalizeStrings(child);  // depth bounded by the parser's limit
  }
}

namespace {

bool normalizingChanges(const nlohmann::json& document) {
  if (document.is_string()) {
    const std::string& s = document.get_ref<const std::string&>();
    return !plainAscii(s) && normalizeText(s) != s;
  }
  if (document.is_structured()) {
    for (const auto& child : document) {
      if (normalizingChanges(child)) return true;  // depth bounded by the parser's limit
    }
  }
  return false;
}

}  // namespace

const nlohmann::json& normalizedDocument(const nlohmann::json& document, nlohmann::json& copy) {
  if (!normalizingChanges(document)) return document;
  copy = document;
  normalizeStrings(copy);
  return copy;
}

}  // namespace smsreg::rules
