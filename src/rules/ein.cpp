// US EIN, SSN shape and Canadian Business Number checks (domain.md 1.4 and 4).
#include <array>
#include <nlohmann/json.hpp>

#include "rules/ascii.hpp"
#include "rules/domain_checks.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {
namespace {

bool allDigits(std::string_view text) {
  for (char c : text) {
    if (!isAsciiDigit(c)) return false;
  }
  return true;
}

// Indexed by the prefix's numeric value; all false if the embedded table is broken (the unit tests
// catch that).
const std::array<bool, 100>& validEinPrefixes() {
  static const std::array<bool, 100> kValid = [] {
    std::array<bool, 100> valid{};
    try {
      const std::string_view text = embedded::find("data/ein-prefixes.json");
      const nlohmann::json table = nlohmann::json::parse(text.data(), text.data() + text.size());
      for (const nlohmann::json& entry : table.at("valid_prefixes")) {
        const std::string& prefix = entry.get_ref<const std::string&>();
        if (prefix.size() == 2 && allDigits(prefix)) valid[(prefix[0] - '0') * 10 + (prefix[1] - '0')] = true;
      }
    } catch (...) {
      valid.fill(false);
    }
    return valid;
  }();
  return kValid;
}

bool passesLuhn(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int value = *it - '0';
    if (doubled) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

}  // namespace

EinCheck checkUsEin(std::string_view text) {
  EinCheck check;
  try {
    std::string digits;
    if (text.size() == 9 && allDigits(text)) {
      digits = std::string(text);
    } else if (text.size() == 10 && text[2] == '-' && allDigits(text.substr(0, 2)) && allDigits(text.substr(3))) {
      digits = std::string(text.substr(0, 2)) + std::string(text.substr(3));
    } else {
      return check;
    }
    check.digits = digits;
    check.prefix = digits.substr(0, 2);
    check.normalized = check.prefix + "-" + digits.substr(2);
    const int prefixValue = (digits[0] - '0') * 10 + (digits[1] - '0');
    check.result = validEinPrefixes()[prefixValue] ? EinCheck::Result::kOk : EinCheck::Result::kPrefix;
    return check;
  } catch (...) {
    return EinCheck{};
  }
}

bool looksLikeSsn(std::string_view text) {
  return text.size() == 11 && text[3] == '-' && text[6] == '-' && allDigits(text.substr(0, 3)) &&
         allDigits(text.substr(4, 2)) && allDigits(text.substr(7));
}

BnCheck checkCanadianBn(std::string_view text) {
  BnCheck check;
  try {
    constexpr size_t kBn15Length = 15;
    std::string compact;
    for (char c : text) {
      if (c == ' ' || c == '-') continue;
      if (compact.size() == kBn15Length) return check;  // too long; stop before copying 64 KiB
      compact.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
    }
    const std::string_view bn9 = std::string_view(compact).substr(0, 9);
    if (bn9.size() != 9 || !allDigits(bn9)) return check;
    if (compact.size() == kBn15Length) {
      const std::string_view program = std::string_view(compact).substr(9, 2);
      const bool knownProgram = program == "RC" || program == "RM" || program == "RP" || program == "RT";
      if (!knownProgram || !allDigits(std::string_view(compact).substr(11))) return check;
    } else if (compact.size() != 9) {
      return check;
    }
    check.normalized = compact;
    check.result = passesLuhn(bn9) ? BnCheck::Result::kOk : BnCheck::Result::kChecksum;
    return check;
  } catch (...) {
    return BnCheck{};
  }
}

}  // namespace smsreg::rules
