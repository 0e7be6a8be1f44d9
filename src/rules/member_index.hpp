// The brand's and the campaign's members by name, for the rules' literal
// pointers ("/campaign/sample1"): a document asks about 140 of them, and
// walking two std::maps of string keys for each cost 42k instructions a
// document (a fifth of it memcmp). Built once a document, in place (no
// allocation); the members' keys and values are the document's own.
#ifndef SMSREG_RULES_MEMBER_INDEX_HPP
#define SMSREG_RULES_MEMBER_INDEX_HPP

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace smsreg::rules {

class MemberIndex {
 public:
  explicit MemberIndex(const nlohmann::json& root);

  // Answers "/brand/<key>" and "/campaign/<key>" (a key without "/" or "~")
  // when that part is an object: `value` is the member or nullptr. Returns
  // false for any other pointer, which the caller then walks.
  bool find(std::string_view pointer, const nlohmann::json*& value) const;

 private:
  struct Slot {
    const std::string* key = nullptr;  // nullptr: empty slot
    const nlohmann::json* value = nullptr;
    std::uint32_t hash = 0;
    std::uint32_t part = 0;
  };
  // A power of two; a document with more members than three quarters of it
  // (unknown keys pile up) is not indexed, so probes stay short.
  static constexpr std::size_t kSlots = 128;
  static std::uint32_t hash(std::string_view key, std::uint32_t part);

  std::array<Slot, kSlots> slots_{};
  bool indexed_[2] = {false, false};  // brand, campaign
};

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_MEMBER_INDEX_HPP
