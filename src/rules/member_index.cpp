#include "rules/member_index.hpp"

namespace smsreg::rules {

namespace {

constexpr std::string_view kParts[] = {"brand", "campaign"};
constexpr std::string_view kPrefixes[] = {"/brand/", "/campaign/"};
// FNV-1a: field names are short, and it needs no allocation or library call.
constexpr std::uint32_t kHashSeed = 2166136261u, kHashPrime = 16777619u;
constexpr std::uint32_t hashStep(std::uint32_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * kHashPrime; }

}  // namespace

std::uint32_t MemberIndex::hash(std::string_view key, std::uint32_t part) {
  std::uint32_t h = kHashSeed ^ part;
  for (const char c : key) h = hashStep(h, c);
  return h;
}

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
    for (const auto& [key, value] : *objects[part]) {
      const std::uint32_t h = hash(key, part);
      std::size_t i = h & (kSlots - 1);
      while (slots_[i].key != nullptr) i = (i + 1) & (kSlots - 1);
      slots_[i] = Slot{&key, &value, h, part};
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
  // One walk both hashes the key and declines a nested or escaped pointer
  // (find_first_of costs a memchr a character).
  std::uint32_t h = kHashSeed ^ part;
  for (const char c : key) {
    if (c == '/' || c == '~') return false;
    h = hashStep(h, c);
  }
  for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[i];
    if (slot.key == nullptr) {
      value = nullptr;
      return true;
    }
    if (slot.hash == h && slot.part == part && *slot.key == key) {
      value = slot.value;
      return true;
    }
  }
}

}  // namespace smsreg::rules
