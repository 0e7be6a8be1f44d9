// Email syntax, free-mail domains, URL hosts and public URL shorteners (domain.md 1.3 and 2.4).
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "rules/ascii.hpp"
#include "rules/domain_checks.hpp"
#include "schema/embedded.hpp"

namespace smsreg::rules {
namespace {

constexpr size_t kMaxEmailBytes = 254;
constexpr size_t kMaxLocalPartBytes = 64;
constexpr size_t kMaxHostBytes = 253;
constexpr size_t kMaxLabelBytes = 63;

std::string asciiLowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = toAsciiLower(c);
  return lowered;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (toAsciiLower(text[i]) != prefix[i]) return false;
  }
  return true;
}

using DomainSet = std::unordered_set<std::string>;

DomainSet loadDomainSet(std::string_view path) {
  DomainSet domains;
  try {
    const std::string_view text = embedded::find(path);
    const nlohmann::json json = nlohmann::json::parse(text.data(), text.data() + text.size());
    for (const nlohmann::json& domain : json.at("domains")) {
      domains.insert(asciiLowered(domain.get<std::string>()));
    }
  } catch (...) {
    domains.clear();
  }
  return domains;
}

const DomainSet& freeMailDomains() {
  static const DomainSet kDomains = loadDomainSet("data/free-mail-domains.json");
  return kDomains;
}

const DomainSet& urlShortenerDomains() {
  static const DomainSet kDomains = loadDomainSet("data/url-shorteners.json");
  return kDomains;
}

// True when `host` or one of its parent domains is in `domains`. The length cap keeps the suffix walk
// linear: a real host has at most 127 labels.
bool matchesDomainOrParent(const DomainSet& domains, std::string_view host) {
  if (host.size() > kMaxHostBytes + 1) return false;
  std::string lowered = asciiLowered(host);
  if (!lowered.empty() && lowered.back() == '.') lowered.pop_back();
  std::string_view rest = lowered;
  while (!rest.empty()) {
    if (domains.count(std::string(rest)) > 0) return true;
    const size_t dot = rest.find('.');
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  return false;
}

bool isLocalPartChar(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-";
  return isAsciiLetter(c) || isAsciiDigit(c) || kSpecials.find(c) != std::string_view::npos;
}

bool isDotAtom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (text[i - 1] == '.') return false;
    } else if (!isLocalPartChar(text[i])) {
      return false;
    }
  }
  return true;
}

// Labels of [A-Za-z0-9-] (bytes >= 0x80 too when allowNonAscii) not starting or ending with "-".
// Needs at least two labels and an alphabetic TLD of two or more letters when requireTld.
bool isHostName(std::string_view host, bool requireTld, bool allowNonAscii) {
  if (host.empty() || host.size() > kMaxHostBytes) return false;
  size_t labelCount = 0;
  size_t labelStart = 0;
  while (labelStart <= host.size()) {
    size_t labelEnd = host.find('.', labelStart);
    if (labelEnd == std::string_view::npos) labelEnd = host.size();
    const std::string_view label = host.substr(labelStart, labelEnd - labelStart);
    if (label.empty() || label.size() > kMaxLabelBytes) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    bool alphabetic = true;
    for (char c : label) {
      const bool nonAscii = static_cast<unsigned char>(c) >= 0x80;
      if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '-' && !(allowNonAscii && nonAscii)) return false;
      alphabetic = alphabetic && isAsciiLetter(c);
    }
    ++labelCount;
    if (labelEnd == host.size()) return !requireTld || (labelCount >= 2 && alphabetic && label.size() >= 2);
    labelStart = labelEnd + 1;
  }
  return false;
}

}  // namespace

bool isEmailSyntax(std::string_view text) {
  if (text.size() > kMaxEmailBytes) return false;
  const size_t at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view localPart = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  return localPart.size() <= kMaxLocalPartBytes && isDotAtom(localPart) &&
         isHostName(domain, /*requireTld=*/true, /*allowNonAscii=*/false);
}

std::string emailDomain(std::string_view email) {
  try {
    const size_t at = email.rfind('@');
    if (at == std::string_view::npos) return "";
    return asciiLowered(email.substr(at + 1));
  } catch (...) {
    return "";
  }
}

bool isFreeMailDomain(std::string_view domain) {
  try {
    return matchesDomainOrParent(freeMailDomains(), domain);
  } catch (...) {
    return false;
  }
}

std::string urlHost(std::string_view url) {
  try {
    constexpr std::string_view kSpaces = " \t\r\n";
    const size_t first = url.find_first_not_of(kSpaces);
    if (first == std::string_view::npos) return "";
    url = url.substr(first, url.find_last_not_of(kSpaces) - first + 1);

    bool hasScheme = false;
    if (startsWithIgnoringCase(url, "https://")) {
      url.remove_prefix(8);
      hasScheme = true;
    } else if (startsWithIgnoringCase(url, "http://")) {
      url.remove_prefix(7);
      hasScheme = true;
    }
    std::string_view authority = url.substr(0, url.find_first_of("/?#"));
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      // A bare "name@host" is an email address, not a link.
      if (!hasScheme) return "";
      authority.remove_prefix(at + 1);
    }
    const size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      for (char c : authority.substr(colon + 1)) {
        if (!isAsciiDigit(c)) return "";  // also rejects other schemes such as "mailto:" or "ftp://"
      }
      authority = authority.substr(0, colon);
    }
    if (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
    if (!isHostName(authority, /*requireTld=*/!hasScheme, /*allowNonAscii=*/true)) return "";

    std::string host = asciiLowered(authority);
    if (host.size() > 4 && host.compare(0, 4, "www.") == 0 && host.find('.', 4) != std::string::npos) {
      host.erase(0, 4);
    }
    return host;
  } catch (...) {
    return "";
  }
}

bool isUrlShortener(std::string_view host) {
  try {
    return matchesDomainOrParent(urlShortenerDomains(), host);
  } catch (...) {
    return false;
  }
}

}  // namespace smsreg::rules
