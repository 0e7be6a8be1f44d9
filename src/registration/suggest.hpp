// Mechanical fixes offered as params.suggestion.
#ifndef SMSREG_REGISTRATION_SUGGEST_HPP
#define SMSREG_REGISTRATION_SUGGEST_HPP

#include <string>
#include <string_view>
#include <vector>

namespace smsreg::registration {

// Edit distance, capped: the distance when it is at most cap, else cap + 1.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap);

// `name` as closest() compares it: upper case, without spaces, dashes and
// underscores.
std::string foldForSuggestion(std::string_view name);

// The candidate `text` most likely meant: equal ignoring case, spaces, dashes
// and underscores, or within a small edit distance. "" when none is close.
std::string closest(std::string_view text, const std::vector<std::string>& candidates);

// The same with each candidate's foldForSuggestion() given beside it
// (`folded[i]` for `candidates[i]`): the schema's names are folded once,
// not once for every unknown key or value.
std::string closest(std::string_view text, const std::vector<std::string>& candidates,
                    const std::vector<std::string>& folded);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_SUGGEST_HPP
