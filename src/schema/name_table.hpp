// A schema's member names, fixed when it is compiled, each with its index:
// a member of the instance is looked up with one hash of its length and three
// of its bytes and, unless it is unknown, one compare, instead of a walk
// along a sorted list or a std::map (every member of every object is
// looked up).
#ifndef SMSREG_SCHEMA_NAME_TABLE_HPP
#define SMSREG_SCHEMA_NAME_TABLE_HPP

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace smsreg::schema {

class NameTable {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  NameTable() = default;
  // names[i] gets index i; a repeated name keeps its first index.
  explicit NameTable(const std::vector<std::string>& names);

  std::size_t size() const noexcept { return names_.size(); }

  // The index of `name`, or kMissing.
  std::uint32_t find(std::string_view name) const noexcept {
    if (slots_.empty()) return kMissing;
    // At most half the slots are used, so the probe meets an empty one.
    for (std::size_t at = hash(name) & mask_;; at = (at + 1) & mask_) {
      const std::uint32_t index = slots_[at];
      if (index == kMissing || same(names_[index], name)) return index;
    }
  }

 private:
  // a == b, compared in words without a call to memcmp (a member name is
  // about ten bytes, and every member of every object is looked up). Every
  // load stays inside both strings.
  static bool same(const std::string& a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* x = a.data();
    const char* y = b.data();
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) {
        if (word<std::uint64_t>(x + i) != word<std::uint64_t>(y + i)) return false;
      }
      return word<std::uint64_t>(x + n - 8) == word<std::uint64_t>(y + n - 8);
    }
    if (n >= 4) {
      return word<std::uint32_t>(x) == word<std::uint32_t>(y) &&
             word<std::uint32_t>(x + n - 4) == word<std::uint32_t>(y + n - 4);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (x[i] != y[i]) return false;
    }
    return true;
  }
  template <typename Word>
  static Word word(const char* at) noexcept {
    Word w;
    std::memcpy(&w, at, sizeof w);
    return w;
  }

  static std::size_t hash(std::string_view name) noexcept {
    const std::size_t n = name.size();
    if (n == 0) return 0;
    const auto byte = [&name](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(name[i]));
    };
    std::uint64_t h = (n ^ (byte(0) << 8) ^ (byte(n / 2) << 16) ^ (byte(n - 1) << 24)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h >> 32);
  }

  std::vector<std::string> names_;
  std::vector<std::uint32_t> slots_;  // a power of two of them; kMissing where empty
  std::size_t mask_ = 0;
};

}  // namespace smsreg::schema

#endif  // SMSREG_SCHEMA_NAME_TABLE_HPP
