// NANP phone number checks (domain.md 5). No data table: the rules are numeric patterns.
#include "rules/ascii.hpp"
#include "rules/domain_checks.hpp"

namespace smsreg::rules {
namespace {

// The 10 national digits of "+1" followed by exactly 10 digits, or empty.
std::string_view nationalDigits(std::string_view e164) {
  if (e164.size() != 12 || e164[0] != '+' || e164[1] != '1') return {};
  const std::string_view digits = e164.substr(2);
  for (char c : digits) {
    if (!isAsciiDigit(c)) return {};
  }
  return digits;
}

bool isN11(std::string_view threeDigits) { return threeDigits[1] == '1' && threeDigits[2] == '1'; }

}  // namespace

std::string toE164(std::string_view text) {
  try {
    char digits[11];
    size_t digitCount = 0;
    bool sawPlus = false;
    bool sawNonSpace = false;
    for (char c : text) {
      if (isAsciiDigit(c)) {
        if (digitCount == sizeof digits) return "";
        digits[digitCount++] = c;
      } else if (c == '+') {
        if (sawNonSpace) return "";  // only a leading "+" is allowed
        sawPlus = true;
      } else if (c != '(' && c != ')' && c != '-' && c != '.' && c != ' ') {
        return "";
      }
      if (c != ' ') sawNonSpace = true;
    }
    size_t first = 0;
    if (digitCount == 11 && digits[0] == '1') {
      first = 1;
    } else if (digitCount != 10 || sawPlus) {
      // "+312 547 8810" would be country code 3, not a NANP number missing its 1.
      return "";
    }
    return "+1" + std::string(digits + first, digits + digitCount);
  } catch (...) {
    return "";
  }
}

NanpProblem checkNanp(std::string_view e164) {
  const std::string_view digits = nationalDigits(e164);
  if (digits.empty()) return NanpProblem::kNone;
  const std::string_view areaCode = digits.substr(0, 3);
  const std::string_view exchange = digits.substr(3, 3);
  if (areaCode[0] == '0' || areaCode[0] == '1') return NanpProblem::kAreaCodeStartsWith0or1;
  if (isN11(areaCode)) return NanpProblem::kAreaCodeN11;
  if (areaCode[1] == '9') return NanpProblem::kAreaCodeN9X;
  if (exchange[0] == '0' || exchange[0] == '1') return NanpProblem::kExchangeStartsWith0or1;
  if (isN11(exchange)) return NanpProblem::kExchangeN11;
  return NanpProblem::kNone;
}

bool isFictional555(std::string_view e164) {
  const std::string_view digits = nationalDigits(e164);
  // Only 555-0100..0199 is reserved for fiction; other 555 lines (555-1212) are real services.
  return !digits.empty() && digits.substr(3, 3) == "555" && digits.substr(6, 2) == "01";
}

bool isTollFree(std::string_view e164) {
  const std::string_view digits = nationalDigits(e164);
  if (digits.empty()) return false;
  const std::string_view areaCode = digits.substr(0, 3);
  return areaCode == "800" || areaCode == "833" || areaCode == "844" || areaCode == "855" || areaCode == "866" ||
         areaCode == "877" || areaCode == "888";
}

const char* describe(NanpProblem problem) {
  switch (problem) {
    case NanpProblem::kNone:
      return "the number is a possible NANP number";
    case NanpProblem::kAreaCodeStartsWith0or1:
      return "the area code starts with 0 or 1";
    case NanpProblem::kExchangeStartsWith0or1:
      return "the exchange (the 3 digits after the area code) starts with 0 or 1";
    case NanpProblem::kAreaCodeN11:
      return "the area code is an N11 service code such as 411 or 911";
    case NanpProblem::kExchangeN11:
      return "the exchange (the 3 digits after the area code) is an N11 service code such as 411 or 911";
    case NanpProblem::kAreaCodeN9X:
      return "the area code has 9 as its middle digit, a range reserved for expansion";
  }
  return "unknown NANP problem";
}

}  // namespace smsreg::rules
