// US state and Canadian province codes, names and "did you mean" suggestions (domain.md 4, ISO 3166-2).
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "rules/domain_checks.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {
namespace {

// Longest name in the table is ~45 bytes; anything much longer cannot be a region.
constexpr size_t kMaxRegionTextBytes = 128;

unsigned char byteAt(std::string_view text, size_t index) { return static_cast<unsigned char>(text[index]); }

// The ASCII letter a UTF-8 Latin-1 letter (second byte after 0xC3) is written with, or 0 when there is
// none; covers the accents of Québec, Nouvelle-Écosse, Île-du-Prince-Édouard.
char unaccentedLatin1(unsigned char secondByte) {
  const unsigned char lowered = secondByte >= 0xA0 ? secondByte - 0x20 : secondByte;  // à..þ -> À..Þ
  if (lowered >= 0x80 && lowered <= 0x85) return 'a';
  if (lowered == 0x87) return 'c';
  if (lowered >= 0x88 && lowered <= 0x8B) return 'e';
  if (lowered >= 0x8C && lowered <= 0x8F) return 'i';
  if (lowered == 0x91) return 'n';
  if (lowered >= 0x92 && lowered <= 0x96) return 'o';
  if (lowered >= 0x99 && lowered <= 0x9C) return 'u';
  return 0;
}

// The lookup key of a code, name or alias: lowercase ASCII words separated by single spaces, with accents,
// periods and apostrophes dropped and hyphens and commas read as spaces. "" when the text holds anything
// else, so that such text never matches.
std::string lookupKey(std::string_view text) {
  if (text.size() > kMaxRegionTextBytes) return "";
  std::string key;
  bool pendingSpace = false;
  auto append = [&](char c) {
    if (pendingSpace && !key.empty()) key.push_back(' ');
    pendingSpace = false;
    key.push_back(c);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = byteAt(text, i);
    if (c >= 'a' && c <= 'z') {
      append(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      append(static_cast<char>(c - 'A' + 'a'));
    } else if (c == ' ' || c == '\t' || c == '-' || c == ',') {
      pendingSpace = true;
    } else if (c == '.' || c == '\'') {
      continue;
    } else if (c == 0xC3 && i + 1 < text.size() && unaccentedLatin1(byteAt(text, i + 1)) != 0) {
      append(unaccentedLatin1(byteAt(text, ++i)));
    } else if (c == 0xCC && i + 1 < text.size() && byteAt(text, i + 1) >= 0x80) {
      ++i;  // a combining accent (U+0300..U+033F) of a decomposed "Québec"
    } else {
      return "";
    }
  }
  return key;
}

struct CountryRegions {
  std::unordered_map<std::string, std::string> nameByCode;
  std::unordered_map<std::string, std::string> codeByKey;  // lookupKey of code, names, aliases -> code
};

struct RegionTables {
  CountryRegions us;
  CountryRegions ca;
};

void loadCountry(const nlohmann::json& entries, CountryRegions& into) {
  for (const nlohmann::json& entry : entries) {
    const std::string code = entry.at("code").get<std::string>();
    into.nameByCode[code] = entry.at("name").get<std::string>();
    into.codeByKey[lookupKey(code)] = code;
    into.codeByKey[lookupKey(entry.at("name").get<std::string>())] = code;
    if (entry.contains("name_fr")) into.codeByKey[lookupKey(entry.at("name_fr").get<std::string>())] = code;
    for (const nlohmann::json& alias : entry.value("aliases", nlohmann::json::array())) {
      into.codeByKey[lookupKey(alias.get<std::string>())] = code;
    }
  }
  into.codeByKey.erase("");
}

const RegionTables& regionTables() {
  static const RegionTables kTables = [] {
    RegionTables tables;
    try {
      const std::string_view text = embedded::find("data/regions.json");
      const nlohmann::json json = nlohmann::json::parse(text.data(), text.data() + text.size());
      loadCountry(json.at("US"), tables.us);
      loadCountry(json.at("CA"), tables.ca);
    } catch (...) {
      tables = RegionTables{};
    }
    return tables;
  }();
  return kTables;
}

const CountryRegions* regionsOf(std::string_view country) {
  if (country == "US") return &regionTables().us;
  if (country == "CA") return &regionTables().ca;
  return nullptr;
}

bool hasCode(const CountryRegions& regions, std::string_view code) {
  return code.size() == 2 && regions.nameByCode.count(std::string(code)) > 0;
}

}  // namespace

bool isUsState(std::string_view code) {
  try {
    return hasCode(regionTables().us, code);
  } catch (...) {
    return false;
  }
}

bool isCaProvince(std::string_view code) {
  try {
    return hasCode(regionTables().ca, code);
  } catch (...) {
    return false;
  }
}

std::string suggestRegion(std::string_view text, std::string_view country) {
  try {
    const CountryRegions* regions = regionsOf(country);
    if (regions == nullptr) return "";
    std::string key = lookupKey(text);
    // ISO 3166-2 form "US-IL" / "CA-ON".
    if (key.size() == 5 && key[2] == ' ' && key[0] == country[0] + ('a' - 'A') && key[1] == country[1] + ('a' - 'A')) {
      key = key.substr(3);
    }
    const auto found = regions->codeByKey.find(key);
    return found == regions->codeByKey.end() ? "" : found->second;
  } catch (...) {
    return "";
  }
}

std::string regionName(std::string_view code, std::string_view country) {
  try {
    const CountryRegions* regions = regionsOf(country);
    if (regions == nullptr || code.size() != 2) return "";
    const auto found = regions->nameByCode.find(std::string(code));
    return found == regions->nameByCode.end() ? "" : found->second;
  } catch (...) {
    return "";
  }
}

}  // namespace smsreg::rules
