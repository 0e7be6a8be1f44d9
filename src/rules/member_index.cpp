#include "rules/member_index.hpp"

namespace smsreg::rules {

namespace {

constexpr std::string_view kParts[] = {"brand", "campaign"};
constexpr std::string_view kPrefixes[] = {"/brand/", "/campaign/"};

// A pointer key with these is nested or escaped: the caller walks it.
bool plainKey(std::string_view key) {
  for (const char c : key) {
    if (c == '/' || c == '~') return false;
  }
  return true;
}

}  // namespace

MemberIndex::MemberIndex(const nlohmann::json& root) {
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
  std::uint32_t part = 0;
  while (pointer.substr(0, kPrefixes[part].size()) != kPrefixes[part]) {
    if (++part == 2) return false;
  }
  if (!indexed_[part]) return false;
  const std::string_view key = pointer.substr(kPrefixes[part].size());
  const std::uint64_t h = hash(key, part);
  for (std::size_t i = (h >> 32) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[i];
    if (slot.member == nullptr) {
      // Absent, unless the pointer is nested or escaped: that one is walked.
      if (!plainKey(key)) return false;
      value = nullptr;
      return true;
    }
    if (slot.hash == h && slot.member->first == key) {
      value = &slot.member->second;
      return true;
    }
  }
}

}  // namespace smsreg::rules
