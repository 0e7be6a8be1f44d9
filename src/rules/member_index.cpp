#include "rules/member_index.hpp"

#include <cstring>

namespace smsreg::rules {

namespace {

constexpr std::string_view kParts[] = {"brand", "campaign"};

// Up to eight bytes of `key` from `at` as one word, without reading past
// the key: a word, or two overlapping halves, or the bytes one by one.
// Only which bytes are there matters, not their order.
std::uint64_t wordAt(const char* at, std::size_t n) {
  std::uint64_t w = 0;
  if (n >= 8) {
    std::memcpy(&w, at, 8);
  } else if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, at, 4);
    std::memcpy(&tail, at + n - 4, 4);
    w = (static_cast<std::uint64_t>(tail) << 32) | head;
  } else {
    for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(at[i])) << (8 * i);
    // Bytes not in the key are '.', neither '/' nor '~' nor a difference.
    for (std::size_t i = n; i < 8; ++i) w |= std::uint64_t{'.'} << (8 * i);
  }
  return w;
}

// A pointer key with these is nested or escaped: the caller walks it. Eight
// bytes a step, the last step overlapping the one before: every member key
// and every absent field's pointer is looked at. Inlined: called, it
// reloaded its six constants every time.
[[gnu::always_inline]] inline bool plainKey(std::string_view key) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const auto plainWord = [](std::uint64_t x) {
    const std::uint64_t slash = x ^ (kOnes * '/'), tilde = x ^ (kOnes * '~');
    return ((((slash - kOnes) & ~slash) | ((tilde - kOnes) & ~tilde)) & kHigh) == 0;
  };
  const std::size_t n = key.size();
  if (n <= 8) return plainWord(wordAt(key.data(), n));
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (!plainWord(wordAt(key.data() + i, 8))) return false;
  }
  return plainWord(wordAt(key.data() + n - 8, 8));
}

// a == b for n bytes, in words: a field name is a few words long, and a
// call to memcmp costs more than comparing them.
bool sameBytes(const char* a, const char* b, std::size_t n) {
  if (n <= 8) return wordAt(a, n) == wordAt(b, n);
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (wordAt(a + i, 8) != wordAt(b + i, 8)) return false;
  }
  return wordAt(a + n - 8, 8) == wordAt(b + n - 8, 8);  // the last word, overlapping the one before
}

}  // namespace

MemberIndex::MemberIndex(const nlohmann::json& root) {
  slots_.fill(Slot{nullptr, 0});
  if (!root.is_object()) return;
  const auto& top = root.get_ref<const nlohmann::json::object_t&>();
  const nlohmann::json::object_t* objects[2] = {nullptr, nullptr};
  std::size_t members = 0;
  for (std::uint32_t part = 0; part < 2; ++part) {
    auto it = top.find(kParts[part]);
    if (it == top.end() || !it->second.is_object()) continue;
    objects[part] = &it->second.get_ref<const nlohmann::json::object_t&>();
    members += objects[part]->size();
  }
  if (members > kSlots / 4 * 3) return;
  for (std::uint32_t part = 0; part < 2; ++part) {
    if (objects[part] == nullptr) continue;
    indexed_[part] = true;
    for (const Member& member : *objects[part]) {
      // No plain pointer names such a key, so find() takes a hit as plain
      // without looking at the pointer's bytes.
      if (!plainKey(member.first)) continue;
      const std::uint64_t h = hash(member.first, part);
      std::size_t i = (h >> 32) & (kSlots - 1);
      while (slots_[i].member != nullptr) i = (i + 1) & (kSlots - 1);
      slots_[i] = Slot{&member, h};
    }
  }
}

bool MemberIndex::find(std::string_view pointer, const nlohmann::json*& value) const {
  // Fixed-length compares, which the compiler does in a word or two.
  std::uint32_t part;
  std::size_t prefix;
  if (pointer.size() >= 10 && std::memcmp(pointer.data(), "/campaign/", 10) == 0) {
    part = 1;
    prefix = 10;
  } else if (pointer.size() >= 7 && std::memcmp(pointer.data(), "/brand/", 7) == 0) {
    part = 0;
    prefix = 7;
  } else {
    return false;
  }
  if (!indexed_[part]) return false;
  const std::string_view key = pointer.substr(prefix);
  if (byName_) {
    const std::uint32_t id = known_.names[part]->find(key);
    if (id == schema::NameTable::kMissing) return false;
    value = known_.byId[part][id];
    return true;
  }
  const std::uint64_t h = hash(key, part);
  for (std::size_t i = (h >> 32) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[i];
    if (slot.member == nullptr) {
      // Absent, unless the pointer is nested or escaped: that one is walked.
      if (!plainKey(key)) return false;
      value = nullptr;
      return true;
    }
    const std::string& name = slot.member->first;
    if (slot.hash == h && name.size() == key.size() && sameBytes(name.data(), key.data(), key.size())) {
      value = &slot.member->second;
      return true;
    }
  }
}

}  // namespace smsreg::rules
