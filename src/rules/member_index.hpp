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

#include "schema/name_table.hpp"

namespace smsreg::rules {

class MemberIndex {
 public:
  explicit MemberIndex(const nlohmann::json& root);

  // The same members, already found by the caller's own walk of `root`
  // (registration::prepareSubmission): each part's schema names and, by
  // their index there, the member or null. A key those names do not hold is
  // declined. Nothing is built: the index only reads these.
  struct Known {
    const schema::NameTable* names[2] = {nullptr, nullptr};  // brand, campaign; null: not an object
    const nlohmann::json* const* byId[2] = {nullptr, nullptr};
  };
  explicit MemberIndex(const Known& known) : known_(known), byName_(true) {
    indexed_[0] = known.names[0] != nullptr;
    indexed_[1] = known.names[1] != nullptr;
  }

  // Answers "/brand/<key>" and "/campaign/<key>" (a key without "/" or "~")
  // when that part is an object: `value` is the member or nullptr. Returns
  // false for any other pointer, which the caller then walks.
  bool find(std::string_view pointer, const nlohmann::json*& value) const;

 private:
  using Member = nlohmann::json::object_t::value_type;
  // 16 bytes: the table is cleared for every document it indexes.
  struct Slot {
    const Member* member;  // nullptr: empty slot
    std::uint64_t hash;    // the part's in it: brand and campaign keys never meet
  };
  // A power of two; a document with more members than three quarters of it
  // (unknown keys pile up) is not indexed, so probes stay short.
  static constexpr std::size_t kSlots = 128;
  // The key's length and three of its bytes, as schema/name_table.hpp: field
  // names differ there, and hashing every byte of 140 pointers cost more.
  static std::uint64_t hash(std::string_view key, std::uint32_t part) noexcept {
    const std::size_t n = key.size();
    const auto byte = [&key](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(key[i])); };
    const std::uint64_t bytes = n == 0 ? 0 : (byte(0) << 8) ^ (byte(n / 2) << 16) ^ (byte(n - 1) << 24);
    return (n ^ bytes ^ (static_cast<std::uint64_t>(part) << 32)) * 0x9E3779B97F4A7C15ull;
  }

  std::array<Slot, kSlots> slots_;  // cleared only when used (not byName_)
  Known known_;
  bool byName_ = false;
  bool indexed_[2] = {false, false};  // brand, campaign
};

}  // namespace smsreg::rules

#endif  // SMSREG_RULES_MEMBER_INDEX_HPP
