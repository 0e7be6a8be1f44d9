// Matching helpers over free text: the brand's names, links, and text with
// links and email addresses taken out (so a domain is not read as a phone
// number and an email is not read as a link).
#ifndef SMSREG_RULES_TEXT_MATCH_HPP
#define SMSREG_RULES_TEXT_MATCH_HPP

#include <string>
#include <vector>

#include "rules/content_data.hpp"
#include "rules/rule_context.hpp"

namespace smsreg::rules {

struct Link {
  std::string text;        // as written
  std::string host;        // lowercase, without "www."
  bool secure = false;     // written with https://
  bool plainHttp = false;  // written with http://
};

// displayName, and companyName without its legal suffix ("Inc.", "LLC").
std::vector<std::string> brandNames(const RuleContext& ctx);
// True when `text` contains one of `names`, ignoring case and spacing.
bool mentionsAny(const std::string& text, const std::vector<std::string>& names);
std::vector<Link> findLinks(const ContentData& content, const std::string& text);
std::string withoutLinksAndEmails(const ContentData& content, const std::string& text);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_TEXT_MATCH_HPP
