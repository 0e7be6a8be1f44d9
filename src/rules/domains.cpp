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
// One walk over the bytes: every link found in a text is checked here.
bool isHostName(std::string_view host, bool requireTld, bool allowNonAscii) {
  if (host.empty() || host.size() > kMaxHostBytes) return false;
  size_t labelCount = 0;
  size_t labelStart = 0;
  bool alphabetic = true;
  for (size_t i = 0;; ++i) {
    if (i == host.size() || host[i] == '.') {
      const size_t length = i - labelStart;
      if (length == 0 || length > kMaxLabelBytes) return false;
      if (host[labelStart] == '-' || host[i - 1] == '-') return false;
      ++labelCount;
      if (i == host.size()) return !requireTld || (labelCount >= 2 && alphabetic && length >= 2);
      labelStart = i + 1;
      alphabetic = true;
      continue;
    }
    const char c = host[i];
    const bool letter = isAsciiLetter(c);
    if (!letter && !isAsciiDigit(c) && c != '-' && !(allowNonAscii && static_cast<unsigned char>(c) >= 0x80)) {
      return false;
    }
    alphabetic = alphabetic && letter;
  }
}

bool isUrlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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
    // Byte loops rather than find_first_of and friends, which call memchr
    // on the set for every byte: every link found in a text comes here.
    size_t first = 0, last = url.size();
    while (first < last && isUrlSpace(url[first])) ++first;
    if (first == last) return "";
    while (isUrlSpace(url[last - 1])) --last;
    url = url.substr(first, last - first);

    bool hasScheme = false;
    if (startsWithIgnoringCase(url, "https://")) {
      url.remove_prefix(8);
      hasScheme = true;
    } else if (startsWithIgnoringCase(url, "http://")) {
      url.remove_prefix(7);
      hasScheme = true;
    }
    size_t end = 0;
    while (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#') ++end;
    std::string_view authority = url.substr(0, end);
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

    if (authority.size() > 4 && startsWithIgnoringCase(authority, "www.") &&
        authority.find('.', 4) != std::string_view::npos) {
      authority.remove_prefix(4);
    }
    return asciiLowered(authority);
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
