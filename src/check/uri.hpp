// RFC 3986 reference resolution, enough for $id and $ref (no network, no
// normalisation beyond removing dot segments).
#ifndef SMSREG_CHECK_URI_HPP
#define SMSREG_CHECK_URI_HPP

#include <string>

namespace smsreg::check {

// `reference` resolved against the absolute URI `base` (RFC 3986 5.2).
std::string resolveUri(const std::string& base, const std::string& reference);

// Splits "doc#frag" into "doc" and "frag" (fragment empty when there is none).
void splitFragment(const std::string& uri, std::string& document, std::string& fragment);

// %XX decoded; a malformed escape is kept as it is.
std::string percentDecode(const std::string& text);

}  // namespace smsreg::check

#endif  // SMSREG_CHECK_URI_HPP
