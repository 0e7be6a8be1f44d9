#include "enablement/phone_numbers.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace smsreg::enablement {

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

// The metadata's "unknown region" answer.
constexpr const char* kUnknownRegion = "ZZ";

}  // namespace

bool readPhoneNumber(const std::string& written, const std::string& region, PhoneNumber& out, bool placeInRegion) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  if (util.Parse(written, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  out.region.clear();
  if (!placeInRegion) return true;
  util.GetRegionCodeForNumber(number, &out.region);
  if (out.region.empty() || out.region == kUnknownRegion) {
    util.GetRegionCodeForCountryCode(number.country_code(), &out.region);
  }
  return true;
}

}  // namespace smsreg::enablement
