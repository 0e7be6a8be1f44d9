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

// Lowercases once and moves an end index, so stripping is linear however
// many suffixes (or commas) a name ends with.
std::string stripLegalSuffix(const std::string& name) {
  static const std::string_view kSuffixes[] = {
      " incorporated", " corporation", " company", " limited", " inc.", " inc", " llc", " l.l.c.", " ltd.",
      " ltd",          " corp.",       " corp",    " co.",     " llp",  " lp",  " plc", " pllc",   ","};
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::size_t end = lower.size();
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view suffix : kSuffixes) {
      if (end > suffix.size() && std::string_view(lower).substr(end - suffix.size(), suffix.size()) == suffix) {
        end -= suffix.size();
        changed = true;
        break;
      }
    }
  }
  return name.substr(0, end);
}

}  // namespace

std::vector<std::string> brandNames(const RuleContext& ctx) {
  // Without a display name (itself reported) the brand-name checks cannot be
  // judged, and falling back to the legal name alone would report one problem
  // four more times.
  std::vector<std::string> names;
  if (ctx.clean("/brand/displayName").empty()) return names;
  for (const char* p : {"/brand/displayName", "/brand/companyName"}) {
    std::string name = stripLegalSuffix(ctx.clean(p));  // clean: a name over its length limit is not used
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
