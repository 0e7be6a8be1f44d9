// Email syntax, free-mail domains, URL hosts and public URL shorteners (domain.md 1.3 and 2.4).
#include <cstdint>
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

// A list of domains, and which lengths they have: a host or parent of no
// listed length (a long host, a bare top-level domain) is not hashed at all.
struct DomainSet {
  std::unordered_set<std::string> names;
  std::uint64_t lengths = 0;  // bit n: a name of n bytes; bit 63 also for longer ones

  static std::uint64_t lengthBit(std::size_t length) { return std::uint64_t{1} << (length < 63 ? length : 63); }
  void clear() {
    names.clear();
    lengths = 0;
  }
  bool has(std::string_view name) const {
    return (lengths & lengthBit(name.size())) != 0 && names.count(std::string(name)) > 0;
  }
};

DomainSet loadDomainSet(std::string_view path) {
  DomainSet domains;
  try {
    const std::string_view text = embedded::find(path);
    const nlohmann::json json = nlohmann::json::parse(text.data(), text.data() + text.size());
    for (const nlohmann::json& domain : json.at("domains")) {
      std::string name = asciiLowered(domain.get<std::string>());
      domains.lengths |= DomainSet::lengthBit(name.size());
      domains.names.insert(std::move(name));
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
  // Lowered on the stack: most hosts are longer than a string holds inline.
  char lowered[kMaxHostBytes + 1];
  for (size_t i = 0; i < host.size(); ++i) lowered[i] = toAsciiLower(host[i]);
  std::string_view rest(lowered, host.size());
  if (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  while (!rest.empty()) {
    if (domains.has(rest)) return true;
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

// What a host name may hold, one table lookup a byte (every link found in a
// text comes here): kHostLetter and the like; kAuthorityEnd for a byte that
// ends a URL's authority, and above it the "@" and ":" urlHost looks for.
constexpr unsigned char kHostLetter = 1, kHostDigit = 2, kHostHyphen = 4, kHostNonAscii = 8, kHostDot = 16,
                        kAuthorityEnd = 32, kHostAt = 64, kHostColon = 128;
struct HostBytes {
  unsigned char kind[256];
  constexpr HostBytes() : kind() {
    for (int c = 0; c < 256; ++c) {
      kind[c] = isAsciiLetter(static_cast<char>(c))  ? kHostLetter
                : isAsciiDigit(static_cast<char>(c)) ? kHostDigit
                : c == '-'                           ? kHostHyphen
                : c == '.'                           ? kHostDot
                : c >= 0x80                          ? kHostNonAscii
                : c == '/' || c == '?' || c == '#'   ? kAuthorityEnd
                : c == '@'                           ? kHostAt
                : c == ':'                           ? kHostColon
                                                     : 0;
    }
  }
};
constexpr HostBytes kHostBytes;

unsigned char hostByte(char c) { return kHostBytes.kind[static_cast<unsigned char>(c)]; }

// Labels of [A-Za-z0-9-] (bytes >= 0x80 too when allowNonAscii) not starting or ending with "-".
// Needs at least two labels and an alphabetic TLD of two or more letters when requireTld.
// One walk over the bytes: every link found in a text is checked here.
bool isHostName(std::string_view host, bool requireTld, bool allowNonAscii) {
  if (host.empty() || host.size() > kMaxHostBytes) return false;
  const unsigned char allowed = kHostLetter | kHostDigit | kHostHyphen | (allowNonAscii ? kHostNonAscii : 0);
  size_t labelCount = 0;
  size_t labelStart = 0;
  bool alphabetic = true;
  auto labelEnds = [&](size_t end) {
    const size_t length = end - labelStart;
    if (length == 0 || length > kMaxLabelBytes) return false;
    if (host[labelStart] == '-' || host[end - 1] == '-') return false;
    ++labelCount;
    return true;
  };
  for (size_t i = 0; i < host.size(); ++i) {
    const unsigned char kind = hostByte(host[i]);
    if (kind == kHostLetter) continue;  // most bytes
    if (kind == kHostDot) {
      if (!labelEnds(i)) return false;
      labelStart = i + 1;
      alphabetic = true;
    } else if ((kind & allowed) == 0) {
      return false;
    } else {
      alphabetic = false;
    }
  }
  if (!labelEnds(host.size())) return false;
  return !requireTld || (labelCount >= 2 && alphabetic && host.size() - labelStart >= 2);
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
    // One walk to the authority's end, which also finds its last "@" and the
    // first ":" after that.
    constexpr size_t kNone = std::string_view::npos;
    size_t end = 0, at = kNone, colon = kNone;
    for (; end < url.size(); ++end) {
      const unsigned char kind = hostByte(url[end]);
      if (kind < kAuthorityEnd) continue;
      if (kind == kAuthorityEnd) break;
      if (kind == kHostAt) {
        at = end;
        colon = kNone;
      } else if (colon == kNone) {
        colon = end;
      }
    }
    std::string_view authority = url.substr(0, end);
    if (at != kNone) {
      // A bare "name@host" is an email address, not a link.
      if (!hasScheme) return "";
      authority.remove_prefix(at + 1);
      if (colon != kNone) colon -= at + 1;
    }
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
