#include "enablement/licenses.hpp"

namespace smsreg::enablement {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Drops `prefix` (already upper case, ending in a space) from the front of
// `name` when more follows it: "X SERIES" alone is left as written.
void dropPrefix(std::string& name, std::string_view prefix) {
  if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) name.erase(0, prefix.size());
}

}  // namespace

std::string normalizeLicense(std::string_view written) {
  std::string name;
  name.reserve(written.size());
  bool pendingSpace = false;
  for (char c : written) {
    if (isSpace(c)) {
      pendingSpace = !name.empty();
      continue;
    }
    if (pendingSpace) name += ' ';
    pendingSpace = false;
    name += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  // The vendor's name, then its product line, may come before the license itself.
  dropPrefix(name, "8X8 ");
  dropPrefix(name, "X SERIES ");
  dropPrefix(name, "X-SERIES ");
  return name;
}

LicenseName licenseName(std::string written) {
  LicenseName name;
  name.key = normalizeLicense(written);
  if (!name.key.empty()) {
    const auto first = written.find_first_not_of(" \t\r\n");
    const auto last = written.find_last_not_of(" \t\r\n");
    name.written = written.substr(first, last - first + 1);
  }
  return name;
}

}  // namespace smsreg::enablement
