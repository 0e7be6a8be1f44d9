#include "registration/tidy.hpp"

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

void tidyKeywordLists(nlohmann::json& document) {
  auto campaign = document.find("campaign");
  if (campaign == document.end() || !campaign->is_object()) return;
  for (const char* key : {"helpKeywords", "optinKeywords", "optoutKeywords"}) {
    auto it = campaign->find(key);
    if (it == campaign->end() || !it->is_string()) continue;
    std::string tidy = tidyKeywordList(it->get<std::string>());
    if (!tidy.empty()) *it = std::move(tidy);  // all blank stays blank: FIELD_REQUIRED decides
  }
}

}  // namespace smsreg::registration
