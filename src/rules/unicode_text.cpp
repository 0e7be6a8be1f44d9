#include "rules/unicode_text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace smsreg::rules {

namespace {

// Pure ASCII without control characters other than tab and newlines needs no
// work: the common case costs one scan.
bool plainAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
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

std::string map(std::string_view text, bool casefold) {
  if (plainAscii(text)) {
    // NFKC, lumping and ignoring change no plain ASCII, and case folding is
    // A-Z to a-z (a unit test holds this against utf8proc); most texts take
    // this path, and folding through utf8proc was a third of a validation.
    std::string out(text);
    if (casefold) {
      for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    return out;
  }
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_LUMP | UTF8PROC_IGNORE;
  if (casefold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  if (n < 0 || out == nullptr) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  foldDoubleQuotes(result);
  return result;
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

}  // namespace smsreg::rules
