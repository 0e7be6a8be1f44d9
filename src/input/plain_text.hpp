// Plain text: ASCII without control bytes (tab and newlines are plain), the
// text Unicode normalisation leaves as it is (rules/unicode_text.cpp). Here,
// so that the parse can tell the normalising step which strings are plain
// (issue 12) and both hold one definition.
#ifndef SMSREG_INPUT_PLAIN_TEXT_HPP
#define SMSREG_INPUT_PLAIN_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace smsreg::input {

inline bool plainByte(unsigned char c) { return c < 0x80 && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r'); }

// How many bytes of `text` from `from` on are plain, eight bytes a step: a
// word with no byte at or above 0x80 and none below 0x20 is plain; one that
// may hold a control byte (tab and newlines are plain) is looked at byte by
// byte, out of the word loop (kept in it, the compiler carried eight
// indexes through every step). Every string of every document comes here.
inline std::size_t plainRun(std::string_view text, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighBits = 0x8080808080808080u;
  // False when the eight bytes at `at` are all plain ASCII above 0x1F: a
  // byte at or above 0x80 sets a high bit in the word, and without one, a
  // byte below 0x20 is the only way to borrow into a high bit of word - 0x20s.
  const auto mayStop = [&text](std::size_t at) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, 8);
    return ((word | (word - 0x20 * kOnes)) & kHighBits) != 0;
  };
  const std::size_t n = text.size();
  std::size_t i = from;
  while (i + 8 <= n) {
    if (!mayStop(i)) {
      i += 8;
      continue;
    }
    for (const std::size_t end = i + 8; i < end; ++i) {
      if (!plainByte(static_cast<unsigned char>(text[i]))) return i - from;
    }
  }
  // Fewer than eight bytes left: the text's last eight, overlapping the ones
  // before, settle a plain end in one step (most strings end so).
  if (i < n && n - from >= 8 && !mayStop(n - 8)) return n - from;
  while (i < n && plainByte(static_cast<unsigned char>(text[i]))) ++i;
  return i - from;
}

// Whether `text` is all plain: one pass that ORs its words without a branch
// a word (a string read whole is nearly always plain, and most are short).
// `bytes` gathers the bytes (a high bit: not ASCII), `lowered` the bytes less
// 0x20 (without a byte at or above 0x80, a high bit only from a byte below
// 0x20, as in plainRun); plainRun settles only ASCII with a control byte
// (a tab or newline is plain).
inline bool plainAscii(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighBits = 0x8080808080808080u;
  const char* const p = text.data();
  const std::size_t n = text.size();
  std::uint64_t bytes = 0, lowered = 0;
  if (n >= 8) {
    std::uint64_t word;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&word, p + i, 8);
      bytes |= word;
      lowered |= word - 0x20 * kOnes;
    }
    std::memcpy(&word, p + n - 8, 8);  // the last eight, overlapping
    bytes |= word;
    lowered |= word - 0x20 * kOnes;
  } else if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    bytes = head | tail;
    lowered = static_cast<std::uint32_t>(head - 0x20 * static_cast<std::uint32_t>(kOnes)) |
              static_cast<std::uint32_t>(tail - 0x20 * static_cast<std::uint32_t>(kOnes));
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      bytes |= c;
      lowered |= static_cast<unsigned char>(c - 0x20);
    }
  }
  if ((bytes & kHighBits) != 0) return false;
  return (lowered & kHighBits) == 0 || plainRun(text, 0) == n;
}

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_PLAIN_TEXT_HPP
