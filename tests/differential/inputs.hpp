// The documents the differential programs (report_digest, schema_differential,
// parser_diff) run over, walked one way so their labels agree: a folder is
// walked in sorted order and each file labelled by its path relative to the
// root; a file named on the command line (a generated corpus, wherever the
// build put it) by its bare name. A .ndjson file gives one document a line,
// labelled name:line; any other file is one document, bytes as they are
// (fuzz inputs need not be JSON).
#ifndef SMSREG_TESTS_DIFFERENTIAL_INPUTS_HPP
#define SMSREG_TESTS_DIFFERENTIAL_INPUTS_HPP

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace differential {

namespace fs = std::filesystem;

inline std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using DocumentVisitor = std::function<void(const std::string& label, const std::string& text)>;

inline void forEachDocument(const fs::path& root, const fs::path& path, const DocumentVisitor& visit) {
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& e : fs::recursive_directory_iterator(path))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  for (const fs::path& f : files) {
    const std::string label = f == path ? f.filename().generic_string() : fs::relative(f, root).generic_string();
    const std::string text = readFile(f);
    if (f.extension() != ".ndjson") {
      visit(label, text);
      continue;
    }
    std::istringstream lines(text);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) visit(label + ":" + std::to_string(n), line);
  }
}

}  // namespace differential

#endif  // SMSREG_TESTS_DIFFERENTIAL_INPUTS_HPP
