#include "registration/tidy.hpp"

#include "input/plain_text.hpp"
#include "rules/unicode_text.hpp"

namespace smsreg::registration {

std::string tidyKeywordList(const std::string& list) {
  const std::string text = rules::normalizeText(list);
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::size_t b = text.find_first_not_of(" \t\r\n", start);
    std::size_t e = comma;
    while (e > start && std::string_view(" \t\r\n").find(text[e - 1]) != std::string_view::npos) --e;
    if (b != std::string::npos && b < e) out += (out.empty() ? "" : ",") + text.substr(b, e - b);
    start = comma + 1;
  }
  return out;
}

bool alreadyTidy(std::string_view list) noexcept {
  // Printable ASCII other than the space: normalising leaves it, and there
  // is nothing to trim. Then only an empty entry would change.
  if (list.empty() || list.front() == ',' || list.back() == ',') return false;
  char previous = '\0';
  for (const char c : list) {
    if (c <= ' ' || c > '~' || (c == ',' && previous == ',')) return false;
    previous = c;
  }
  return true;
}

bool tidyKeywordListInPlace(std::string& list) {
  if (alreadyTidy(list)) return false;
  std::string tidy = tidyKeywordList(list);
  if (tidy.empty()) return false;  // all blank stays blank: FIELD_REQUIRED decides
  const bool plain = input::plainAscii(tidy);
  list = std::move(tidy);
  return !plain;
}

bool tidyKeywordLists(nlohmann::json& document) {
  if (!document.is_object()) return false;
  // The maps themselves, asked by string_view: a key as const char* costs a
  // strlen at every compare.
  auto& top = document.get_ref<nlohmann::json::object_t&>();
  auto campaign = top.find(std::string_view("campaign"));
  if (campaign == top.end() || !campaign->second.is_object()) return false;
  bool wroteOther = false;
  auto& members = campaign->second.get_ref<nlohmann::json::object_t&>();
  for (const std::string_view key :
       {std::string_view("helpKeywords"), std::string_view("optinKeywords"), std::string_view("optoutKeywords")}) {
    auto it = members.find(key);
    if (it == members.end() || !it->second.is_string()) continue;
    if (tidyKeywordListInPlace(it->second.get_ref<std::string&>())) wroteOther = true;
  }
  return wroteOther;
}

}  // namespace smsreg::registration
