#include "rules/text_match.hpp"

#include "rules/domain_checks.hpp"

namespace smsreg::rules {

namespace {

// Lowercase ASCII letters and digits only, so "Brightside  Plumbing" and
// "brightside plumbing" compare equal. Non-ASCII bytes are kept as they are.
std::string squash(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string stripLegalSuffix(std::string name) {
  static const char* kSuffixes[] = {" incorporated", " corporation", " company", " limited", " inc.", " inc",
                                    " llc", " l.l.c.", " ltd.", " ltd", " corp.", " corp", " co.", " llp", " lp",
                                    " plc", " pllc", ","};
  bool changed = true;
  while (changed) {
    changed = false;
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* suffix : kSuffixes) {
      std::string s = suffix;
      if (lower.size() > s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0) {
        name.resize(name.size() - s.size());
        changed = true;
        break;
      }
    }
  }
  return name;
}

}  // namespace

std::vector<std::string> brandNames(const RuleContext& ctx) {
  // Without a display name (itself reported) the brand-name checks cannot be
  // judged, and falling back to the legal name alone would report one problem
  // four more times.
  std::vector<std::string> names;
  if (ctx.clean("/brand/displayName").empty()) return names;
  for (const char* p : {"/brand/displayName", "/brand/companyName"}) {
    std::string name = stripLegalSuffix(ctx.text(p));
    if (squash(name).size() >= 2) names.push_back(name);
  }
  return names;
}

bool mentionsAny(const std::string& text, const std::vector<std::string>& names) {
  const std::string haystack = squash(text);
  for (const std::string& name : names) {
    const std::string needle = squash(name);
    if (!needle.empty() && haystack.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::vector<Link> findLinks(const ContentData& content, const std::string& text) {
  std::vector<Link> links;
  // Email addresses are not links; blank them out first.
  std::string scan = text;
  RE2::GlobalReplace(&scan, *content.email, " ");
  std::size_t pos = 0;
  re2::StringPiece whole(scan);
  re2::StringPiece found;
  while (pos < scan.size() && links.size() < 64 &&
         content.link->Match(whole, pos, scan.size(), RE2::UNANCHORED, &found, 1)) {
    Link link;
    link.text = std::string(found);
    std::string lower = link.text;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    link.secure = lower.rfind("https://", 0) == 0;
    link.plainHttp = lower.rfind("http://", 0) == 0;
    link.host = urlHost(link.text);
    links.push_back(std::move(link));
    std::size_t end = static_cast<std::size_t>(found.data() - scan.data()) + found.size();
    pos = end > pos ? end : pos + 1;
  }
  return links;
}

std::string withoutLinksAndEmails(const ContentData& content, const std::string& text) {
  std::string out = text;
  RE2::GlobalReplace(&out, *content.email, " ");
  RE2::GlobalReplace(&out, *content.link, " ");
  return out;
}

}  // namespace smsreg::rules
