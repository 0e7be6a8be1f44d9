#include "registration/suggest.hpp"

#include <algorithm>

namespace smsreg::registration {

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  // Two rows, on the stack for the short names compared here.
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

// Into `out`, whose buffer is reused from one candidate to the next.
void foldInto(std::string_view s, std::string& out) {
  out.clear();
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
}

}  // namespace

std::string closest(std::string_view text, const std::vector<std::string>& candidates) {
  if (text.size() > 64) return "";
  std::string folded;
  foldInto(text, folded);
  // Allow one edit in short words and two in longer ones; a tie means no guess.
  // One pass: the first candidate equal once folded wins outright.
  const std::size_t cap = text.size() <= 5 ? 1 : 2;
  std::string candidate;
  const std::string* best = nullptr;
  std::size_t bestDistance = cap + 1;
  bool tie = false;
  for (const std::string& c : candidates) {
    foldInto(c, candidate);
    if (candidate == folded) return c;
    std::size_t d = editDistance(folded, candidate, cap);
    if (d < bestDistance) {
      best = &c;
      bestDistance = d;
      tie = false;
    } else if (d == bestDistance && d <= cap) {
      tie = true;
    }
  }
  return bestDistance <= cap && !tie && best != nullptr ? *best : "";
}

}  // namespace smsreg::registration
