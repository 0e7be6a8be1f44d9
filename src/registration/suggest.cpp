#include "registration/suggest.hpp"

#include <algorithm>

namespace smsreg::registration {

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t rowMin = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      rowMin = std::min(rowMin, cur[j]);
    }
    if (rowMin > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

std::string fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

}  // namespace

std::string closest(std::string_view text, const std::vector<std::string>& candidates) {
  if (text.size() > 64) return "";
  const std::string folded = fold(text);
  for (const std::string& c : candidates) {
    if (fold(c) == folded) return c;
  }
  // Allow one edit in short words and two in longer ones; a tie means no guess.
  const std::size_t cap = text.size() <= 5 ? 1 : 2;
  std::string best;
  std::size_t bestDistance = cap + 1;
  bool tie = false;
  for (const std::string& c : candidates) {
    std::size_t d = editDistance(folded, fold(c), cap);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d == bestDistance && d <= cap) {
      tie = true;
    }
  }
  return bestDistance <= cap && !tie ? best : "";
}

}  // namespace smsreg::registration
