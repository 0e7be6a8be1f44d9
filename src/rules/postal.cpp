// US ZIP and Canadian postal code checks (domain.md 1.3 and 4).
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "rules/ascii.hpp"
#include "rules/domain_checks.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {
namespace {

struct PostalTables {
  std::unordered_map<char, std::vector<std::string>> provincesByFirstLetter;
  std::unordered_map<std::string, std::string> provinceBySplitArea;  // "X0A" -> "NU"
  std::string neverUsedLetters;
  std::string neverFirstLetters;
};

const PostalTables& postalTables() {
  static const PostalTables kTables = [] {
    PostalTables tables;
    try {
      const std::string_view text = embedded::find("data/postal-letters.json");
      const nlohmann::json json = nlohmann::json::parse(text.data(), text.data() + text.size());
      for (const auto& [letter, provinces] : json.at("first_letter").items()) {
        if (letter.size() != 1) continue;
        tables.provincesByFirstLetter[letter[0]] = provinces.get<std::vector<std::string>>();
      }
      for (const auto& [area, province] : json.at("x_split").items()) {
        tables.provinceBySplitArea[area] = province.get<std::string>();
      }
      tables.neverUsedLetters = json.at("never_used_letters").get<std::string>();
      tables.neverFirstLetters = json.at("never_first_letters").get<std::string>();
    } catch (...) {
      tables = PostalTables{};
    }
    return tables;
  }();
  return kTables;
}

// The compact uppercase "A1A1A1" of "A1A 1A1" or "A1A1A1" in any case; "" when the shape is wrong.
std::string compactCanadianPostal(std::string_view text) {
  std::string compact;
  if (text.size() == 6) {
    compact = std::string(text);
  } else if (text.size() == 7 && text[3] == ' ') {
    compact = std::string(text.substr(0, 3)) + std::string(text.substr(4));
  } else {
    return "";
  }
  for (size_t i = 0; i < compact.size(); ++i) {
    compact[i] = toAsciiUpper(compact[i]);
    const bool shapeOk = (i % 2 == 0) ? isAsciiUpper(compact[i]) : isAsciiDigit(compact[i]);
    if (!shapeOk) return "";
  }
  return compact;
}

}  // namespace

bool isUsZip(std::string_view text) {
  if (text.size() != 5 && text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 5 ? text[i] != '-' : !isAsciiDigit(text[i])) return false;
  }
  return true;
}

CaPostalCheck checkCanadianPostal(std::string_view text, std::string_view province) {
  CaPostalCheck check;
  try {
    const std::string compact = compactCanadianPostal(text);
    if (compact.empty()) return check;
    check.normalized = compact.substr(0, 3) + " " + compact.substr(3);

    const PostalTables& tables = postalTables();
    for (size_t i = 0; i < compact.size(); i += 2) {
      const char letter = compact[i];
      const bool neverUsed = tables.neverUsedLetters.find(letter) != std::string::npos ||
                             (i == 0 && tables.neverFirstLetters.find(letter) != std::string::npos);
      if (neverUsed) {
        check.result = CaPostalCheck::Result::kLetters;
        check.badLetter = std::string(1, letter);
        return check;
      }
    }

    const auto split = tables.provinceBySplitArea.find(compact.substr(0, 3));
    if (split != tables.provinceBySplitArea.end()) {
      check.provincesForLetter = {split->second};
    } else {
      const auto byLetter = tables.provincesByFirstLetter.find(compact[0]);
      if (byLetter != tables.provincesByFirstLetter.end()) check.provincesForLetter = byLetter->second;
    }

    check.result = CaPostalCheck::Result::kOk;
    if (!province.empty()) {
      std::string provinceUpper(province.substr(0, 3));
      for (char& c : provinceUpper) c = toAsciiUpper(c);
      bool matches = false;
      for (const std::string& candidate : check.provincesForLetter) {
        matches = matches || (province.size() == candidate.size() && candidate == provinceUpper);
      }
      if (!matches) check.result = CaPostalCheck::Result::kProvinceMismatch;
    }
    return check;
  } catch (...) {
    return CaPostalCheck{};
  }
}

}  // namespace smsreg::rules
