// What can be tidied without changing meaning is tidied before validation,
// not reported (INTERFACE 2.4 "not findings at all"): a keyword list written
// "STOP, CANCEL, END" (spaces, or no-break spaces, after the commas) is the
// list STOP,CANCEL,END, as providers' own approved examples write it.
#ifndef SMSREG_REGISTRATION_TIDY_HPP
#define SMSREG_REGISTRATION_TIDY_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace smsreg::registration {

// "STOP , cancel,\u00A0END" -> "STOP,cancel,END": Unicode spaces as spaces,
// spaces around commas and at the ends dropped, empty entries dropped. A list
// that still breaks the keyword rules after this is reported as usual.
std::string tidyKeywordList(const std::string& list);
// True when tidyKeywordList(list) == list is plain to see: printable ASCII
// without spaces, no empty entry. Nearly every list is so, and the check
// costs a scan where tidying costs a normalised copy and a rebuilt list.
bool alreadyTidy(std::string_view list) noexcept;
// Applies tidyKeywordList to one list in place, unless alreadyTidy or all
// blank (a blank list stays as written: FIELD_REQUIRED decides). True when
// the text it wrote is not plain ASCII (input/plain_text.hpp). Both
// tidyKeywordLists and prepareSubmission's pass tidy through this.
bool tidyKeywordListInPlace(std::string& list);
// Applies tidyKeywordList to /campaign/{help,optin,optout}Keywords in place.
// True when a list it rewrote is not plain ASCII (input/plain_text.hpp): the
// only way the steps before the rules put a string into a submission that
// its parse did not read (Validator::Impl::run).
bool tidyKeywordLists(nlohmann::json& document);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_TIDY_HPP
