#include "schema/name_table.hpp"

namespace smsreg::schema {

NameTable::NameTable(const std::vector<std::string>& names) : names_(names) {
  if (names_.empty()) return;
  std::size_t size = 4;
  while (size < 2 * names_.size()) size *= 2;
  slots_.assign(size, kMissing);
  mask_ = size - 1;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (find(names_[i]) != kMissing) continue;  // a repeat keeps the first index
    std::size_t at = hash(names_[i]) & mask_;
    while (slots_[at] != kMissing) at = (at + 1) & mask_;
    slots_[at] = static_cast<std::uint32_t>(i);
  }
}

}  // namespace smsreg::schema
