#include "registration/suggest.hpp"

#include <algorithm>

namespace smsreg::registration {

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  // Only the band |i - j| <= cap can hold a distance within the cap (a cell
  // further out is at least |i - j| away), so each row computes at most
  // 2 * cap + 1 cells and every cell outside the band counts as cap + 1.
  // closest() runs this against every candidate of every unknown key or
  // value, where the full rows cost most of a report's suggestions.
  const std::size_t over = cap + 1;
  constexpr std::size_t kStackRow = 66;
  std::size_t stack[2 * kStackRow];
  std::vector<std::size_t> heap;
  std::size_t* prev = stack;
  std::size_t* cur = stack + kStackRow;
  if (b.size() + 1 > kStackRow) {
    heap.resize(2 * (b.size() + 1));
    prev = heap.data();
    cur = prev + b.size() + 1;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = std::min(j, over);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t from = i > cap ? i - cap : 1;
    const std::size_t to = std::min(b.size(), i + cap);
    // The cell left of the band, and the one above its right end that the
    // previous row did not write, both lie outside the band.
    cur[from - 1] = from == 1 ? std::min(i, over) : over;
    if (to > i - 1 + cap) prev[to] = over;
    std::size_t rowMin = cur[from - 1];
    for (std::size_t j = from; j <= to; ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub, over});
      rowMin = std::min(rowMin, cur[j]);
    }
    if (rowMin > cap) return over;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

// Into `out`, whose buffer is reused from one candidate to the next.
void foldInto(std::string_view s, std::string& out) {
  out.clear();
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
}

}  // namespace

std::string foldForSuggestion(std::string_view name) {
  std::string out;
  foldInto(name, out);
  return out;
}

std::string closest(std::string_view text, const std::vector<std::string>& candidates) {
  std::vector<std::string> folded;
  folded.reserve(candidates.size());
  for (const std::string& c : candidates) folded.push_back(foldForSuggestion(c));
  return closest(text, candidates, folded);
}

std::string closest(std::string_view text, const std::vector<std::string>& candidates,
                    const std::vector<std::string>& folded) {
  if (text.size() > 64 || folded.size() != candidates.size()) return "";
  std::string key;
  foldInto(text, key);
  // Allow one edit in short words and two in longer ones; a tie means no guess.
  // One pass: the first candidate equal once folded wins outright.
  const std::size_t cap = text.size() <= 5 ? 1 : 2;
  const std::string* best = nullptr;
  std::size_t bestDistance = cap + 1;
  bool tie = false;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (folded[i] == key) return candidates[i];
    std::size_t d = editDistance(key, folded[i], cap);
    if (d < bestDistance) {
      best = &candidates[i];
      bestDistance = d;
      tie = false;
    } else if (d == bestDistance && d <= cap) {
      tie = true;
    }
  }
  return bestDistance <= cap && !tie && best != nullptr ? *best : "";
}

}  // namespace smsreg::registration
