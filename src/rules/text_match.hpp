// Matching helpers over free text: the brand's names, links, and text with
// links and email addresses taken out (so a domain is not read as a phone
// number and an email is not read as a link). The one link and phone
// detector: every rule that asks "does this text carry a link / a phone
// number" asks carriesLink / carriesPhone.
#ifndef SMSREG_RULES_TEXT_MATCH_HPP
#define SMSREG_RULES_TEXT_MATCH_HPP

#include <string>
#include <string_view>
#include <vector>

#include "rules/content_data.hpp"
#include "rules/rule_context.hpp"

namespace smsreg::rules {

// RE2::PartialMatch(text, *re), from one pass of the phrase set that holds
// `re` over the text, kept for the document; patterns outside the sets run on
// their own, and one a set holds only in a wider form runs when the set hits.
bool matches(const RuleContext& ctx, const std::string& text, const LazyRegex& re);
// False only when a phrase set says `re` does not match `text`: a cheap test
// before a search for submatches.
bool mayMatch(const RuleContext& ctx, const std::string& text, const LazyRegex& re);
// matches() and mayMatch() for a run of questions about one text: the text
// is found in the document's memo once, not once a question (a run of ten is
// common: the message flow's disclosures, a sample's classes). Holds
// references: lives no longer than the context and the text, which must not
// change meanwhile; one thread's, as the context is.
class PhraseAnswers {
 public:
  PhraseAnswers(const RuleContext& ctx, const std::string& text) : ctx_(ctx), text_(text) {}
  bool matches(const LazyRegex& re);
  bool mayMatch(const LazyRegex& re);

 private:
  const RuleContext& ctx_;
  const std::string& text_;
  TextFacts* facts_ = nullptr;  // found at the first question the set answers
};
// True only when the phrase set has already read `text` (for another rule)
// and says `re` does not match it; never runs a pass of its own, so a text
// no rule asks the set about costs one plain scan, not a set's pass.
bool setSaysNo(const RuleContext& ctx, const std::string& text, const LazyRegex& re);
// findWord(*re, text), without the scan when a set says `re` cannot match.
std::string findWord(const RuleContext& ctx, const LazyRegex& re, const std::string& text);

// foldText(text) with only ASCII letters (lowered) and digits and the bytes
// of other characters kept, so "Brightside  Plumbing" and "brightside
// plumbing" compare equal.
std::string squashFold(std::string_view text);
// True when squashFold(text) contains one of `names` (each squashed so).
bool containsSquashed(std::string_view text, const std::vector<std::string>& names);

// displayName, and companyName without its legal suffix ("Inc.", "LLC"); the
// display name's first word when distinctive; a sole proprietor's own name;
// the website's name. The first is the one to quote. Worked out once a
// document (RuleContext::brandNames).
const std::vector<std::string>& brandNames(const RuleContext& ctx);
// True when `text` contains one of brandNames(ctx), ignoring case and spacing.
bool mentionsBrand(const RuleContext& ctx, const std::string& text);
// mentionsBrand, or a placeholder standing for the sender's name ([Business
// Name], {company}), as platforms registering for many businesses write.
bool namesBrand(const RuleContext& ctx, const std::string& text);
// Real links: with a scheme, with www., or a bare host whose last label is a
// real top-level domain (any on the Public Suffix List: "example.ai/pay").
std::vector<Link> findLinks(const ContentData& content, const std::string& text);
// findLinks, worked out once a document for each text (RuleContext::memo).
const std::vector<Link>& linksIn(const RuleContext& ctx, const std::string& text);
std::string withoutLinksAndEmails(const ContentData& content, const std::string& text);
// A link, or a placeholder standing for one ({link}, [link], <URL>).
bool carriesLink(const ContentData& content, const std::string& text);
bool carriesLink(const RuleContext& ctx, const std::string& text);  // through linksIn
// A phone number in a usual written form ((312) 547-8810, 312.547.8810,
// +1 312 547 8810, 1-800-FLOWERS), or a placeholder standing for one
// ([Customer Phone], {{phone}}, [phone-number]).
bool carriesPhone(const ContentData& content, const std::string& text);
bool carriesPhone(const RuleContext& ctx, const std::string& text);
bool hasPhoneNumber(const ContentData& content, const std::string& text);  // real numbers only
// RE2::PartialMatch(text, *content.email), searching only from where the
// first email can start: the help reply is asked for nothing else the phrase
// set answers, and a pass of the set costs ten times this.
bool hasEmail(const ContentData& content, const std::string& text);

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_TEXT_MATCH_HPP
