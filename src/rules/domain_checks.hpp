// Pure checks of US/Canada registration facts: tax ids, phone numbers, regions, postal codes, email and
// web hosts. The rules and their sources are in the domain reference (domain.md) sections 1.3, 1.4, 2.4,
// 4 and 5; the tables live in schemas/data/*.json, each naming its source, and are embedded in the library.
//
// Every function is safe to call from many threads at once, never throws, and runs in time linear in
// its input, whatever bytes it is given (including NUL bytes and invalid UTF-8).
//
// Implementations: ein.cpp (EIN, SSN shape, Business Number), nanp.cpp, regions.cpp, postal.cpp,
// domains.cpp (email and URL hosts).
#ifndef SMSREG_RULES_DOMAIN_CHECKS_HPP
#define SMSREG_RULES_DOMAIN_CHECKS_HPP

#include <string>
#include <string_view>
#include <vector>

namespace smsreg::rules {

// ---- US EIN and Canadian Business Number -------------------------------------------------------------

// US EIN: 9 digits, optional dash after the first 2. EINs have no check digit, so the prefix table is
// the only content check there is.
struct EinCheck {
  enum class Result { kOk, kFormat, kPrefix };
  Result result = Result::kFormat;
  std::string digits;      // the 9 digits when the shape is right
  std::string prefix;      // first 2 digits when the shape is right
  std::string normalized;  // "NN-NNNNNNN" when the shape is right
};
EinCheck checkUsEin(std::string_view text);

// True when `text` is written in Social Security shape NNN-NN-NNNN. TCR rejects brands whose EIN "appears
// to be a US SSN", so callers warn on this shape even though it is not a full SSN validity check.
bool looksLikeSsn(std::string_view text);

// Canadian Business Number: BN9 = 9 digits with a Luhn check digit; BN15 = BN9 + RC|RM|RP|RT + 4 digits.
// Spaces and dashes are allowed anywhere (people write "871234563 RC 0001") and the program letters may
// be lowercase; `normalized` is the compact uppercase form.
struct BnCheck {
  enum class Result { kOk, kFormat, kChecksum };
  Result result = Result::kFormat;
  std::string normalized;  // compact form when the shape is right
};
BnCheck checkCanadianBn(std::string_view text);

// ---- NANP phone numbers ------------------------------------------------------------------------------

// The E.164 form "+1NXXNXXXXXX" of a number written loosely: "(312) 547-8810", "312.547.8810",
// "1-312-547-8810" and "+1 312 547 8810" all give "+13125478810". Returns "" unless, once ( ) - . and
// spaces are removed, what is left is 10 digits, or 11 digits starting with 1, optionally after one
// leading "+" (with a "+" the country code 1 must be written).
std::string toE164(std::string_view text);

enum class NanpProblem {
  kNone,
  kAreaCodeStartsWith0or1,
  kExchangeStartsWith0or1,
  kAreaCodeN11,
  kExchangeN11,
  kAreaCodeN9X
};
// `e164` must be "+1" and 10 digits; anything else is the caller's format error and gives kNone.
// Area-code problems are reported before exchange problems.
NanpProblem checkNanp(std::string_view e164);
bool isFictional555(std::string_view e164);  // exchange 555 and line 0100..0199
bool isTollFree(std::string_view e164);      // area code 800 833 844 855 866 877 888
const char* describe(NanpProblem problem);   // short English phrase, never null

// ---- Regions -----------------------------------------------------------------------------------------

// Exact uppercase 2-letter codes. US codes are the 50 states, DC, the territories PR VI GU AS MP and the
// military codes AA AE AP.
bool isUsState(std::string_view code);
bool isCaProvince(std::string_view code);

// The code a person most likely meant, for "did you mean" messages: "Ontario", "ontario", "on" -> "ON";
// "Québec", "Quebec", "PQ" -> "QC"; "Illinois", "N.Y." -> "IL", "NY". country is "US" or "CA". Only
// exact codes, names, French names and a few listed aliases (regions.json) count; abbreviations such as
// "Ill." give "" rather than a guess.
std::string suggestRegion(std::string_view text, std::string_view country);
std::string regionName(std::string_view code, std::string_view country);  // "Ontario"; "" when unknown

// ---- Postal codes ------------------------------------------------------------------------------------

bool isUsZip(std::string_view text);  // NNNNN or NNNNN-NNNN

struct CaPostalCheck {
  enum class Result { kOk, kFormat, kLetters, kProvinceMismatch };
  Result result = Result::kFormat;
  std::string normalized;  // "K1A 0B1" (uppercase, one space) when the A1A1A1 shape is right
  // Provinces the postal code's first letter belongs to; for X narrowed to NT or NU by the first three
  // characters when they are one of the known split areas. Filled whenever the letters are valid.
  std::vector<std::string> provincesForLetter;
  std::string badLetter;  // for kLetters: the first letter never used (D F I O Q U anywhere; W Z first)
};
// Shape "A1A 1A1" or "A1A1A1", letters in any case. `province` may be "" (then only shape and letters are
// checked); it is compared case-insensitively, and one that is not among provincesForLetter (including an
// unknown code) is kProvinceMismatch.
CaPostalCheck checkCanadianPostal(std::string_view text, std::string_view province);

// ---- Email and web -----------------------------------------------------------------------------------

// Practical syntax, not RFC 5322: local@domain.tld, ASCII only, no spaces, one "@", local part ≤ 64 of
// letters, digits and !#$%&'*+/=?^_`{|}~.- without leading, trailing or doubled dots; domain labels of
// [A-Za-z0-9-] not starting or ending with "-"; TLD of ≥ 2 letters; total ≤ 254.
bool isEmailSyntax(std::string_view text);
std::string emailDomain(std::string_view email);  // lowercase part after the last "@"; "" if none
bool isFreeMailDomain(std::string_view domain);   // exact or subdomain match, any case

// Host of an http(s) URL or of a bare "bit.ly/x" link, lowercase, without a leading "www." and port; ""
// when there is none. Other schemes give "". A bare link needs a dotted host with an alphabetic TLD so
// that words such as "and/or" are not taken for hosts.
std::string urlHost(std::string_view url);
bool isUrlShortener(std::string_view host);  // exact match or subdomain of a listed shortener, any case

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_DOMAIN_CHECKS_HPP
