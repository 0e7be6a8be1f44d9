// The files of schemas/, compiled into the library (cmake/embed_files.cmake).
#ifndef SMSREG_SCHEMA_EMBEDDED_HPP
#define SMSREG_SCHEMA_EMBEDDED_HPP

#include <string_view>
#include <vector>

namespace smsreg::embedded {

struct File {
  std::string_view path;  // relative to schemas/, e.g. "rules/content.json"
  std::string_view text;
};

const std::vector<File>& files();

// The text of one embedded file; empty when there is none by that path.
inline std::string_view find(std::string_view path) {
  for (const File& f : files()) {
    if (f.path == path) return f.text;
  }
  return {};
}

}  // namespace smsreg::embedded

#endif  // SMSREG_SCHEMA_EMBEDDED_HPP
