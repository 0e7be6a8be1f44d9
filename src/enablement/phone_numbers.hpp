// Phone numbers as the enablement input writes them ("(415) 321-8765",
// "+1 415-321-8765", "tel:+14153218765"), read with libphonenumber and
// compared in E.164 (INTERFACE 3.1). Hand-written rules would miss trunk
// prefixes, extensions and the many national forms; libphonenumber parses each
// with the account's country as the region for numbers written without "+".
#ifndef SMSREG_ENABLEMENT_PHONE_NUMBERS_HPP
#define SMSREG_ENABLEMENT_PHONE_NUMBERS_HPP

#include <string>

namespace smsreg::enablement {

// A number once read: its E.164 form and the region (ISO 3166 alpha-2) it
// belongs to. `region` is the main country of its calling code when the
// metadata does not place the number itself (fictional 555-01XX numbers, new
// ranges): a number the metadata does not know is still a number.
struct PhoneNumber {
  std::string e164;
  std::string region;
};

// Reads `written` with `region` (the account's country) for numbers written
// without a country code. False when libphonenumber cannot read it at all
// (no digits, too short or too long, an unknown calling code); validity
// against the numbering plan is not asked: a console shows what it holds.
//
// Thread-safe: libphonenumber's PhoneNumberUtil is a process-wide singleton
// whose parse and format calls are const and lock their shared regex cache
// (google/libphonenumber issue #1835); nothing here keeps state of its own.
// May throw std::bad_alloc; callers catch at the API boundary.
//
// `placeInRegion` false leaves `out.region` empty: placing a number in its
// region tests it against every region of its calling code (a fifth of the
// cost of reading it), and only the profile's number needs it.
bool readPhoneNumber(const std::string& written, const std::string& region, PhoneNumber& out,
                     bool placeInRegion = true);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_PHONE_NUMBERS_HPP
