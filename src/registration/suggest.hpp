// Mechanical fixes offered as params.suggestion.
#ifndef SMSREG_REGISTRATION_SUGGEST_HPP
#define SMSREG_REGISTRATION_SUGGEST_HPP

#include <string>
#include <string_view>
#include <vector>

namespace smsreg::registration {

// Edit distance, capped: the distance when it is at most cap, else cap + 1.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap);

// The candidate `text` most likely meant: equal ignoring case, spaces, dashes
// and underscores, or within a small edit distance. "" when none is close.
std::string closest(std::string_view text, const std::vector<std::string>& candidates);

}  // namespace smsreg::registration

#endif  // SMSREG_REGISTRATION_SUGGEST_HPP
