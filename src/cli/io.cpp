#include "cli/io.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <istream>
#include <memory>

namespace smsreg::cli {

namespace {

// Reads at most `cap` bytes of `in` into `out`.
void readCapped(std::istream& in, std::size_t cap, std::string& out) {
  out.clear();
  char buf[1 << 16];
  while (out.size() < cap && in) {
    std::size_t want = std::min(sizeof buf, cap - out.size());
    in.read(buf, static_cast<std::streamsize>(want));
    out.append(buf, static_cast<std::size_t>(in.gcount()));
  }
}

// Reads one line of at most `cap` bytes; the rest of a longer line is skipped.
// Returns false at end of input.
bool readLineCapped(std::istream& in, std::size_t cap, std::string& line) {
  line.clear();
  bool any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < cap) line += c;
  }
  return any;
}

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

bool forEachDocument(const std::vector<std::string>& files, bool ndjson, std::size_t maxBytes,
                     const std::function<void(const Document&)>& visit) {
  std::vector<std::string> names = files.empty() ? std::vector<std::string>{"-"} : files;
  // One byte over the limit is enough for the parser to report it.
  const std::size_t cap = maxBytes == static_cast<std::size_t>(-1) ? maxBytes : maxBytes + 1;
  bool allRead = true;
  for (const std::string& name : names) {
    std::unique_ptr<std::ifstream> file;
    std::istream* in = &std::cin;
    if (name != "-") {
      file = std::make_unique<std::ifstream>(name, std::ios::binary);
      if (!*file) {
        std::cerr << "smsreg: cannot read " << name << "\n";
        allRead = false;
        continue;
      }
      in = file.get();
    }
    if (ndjson) {
      std::string line;
      std::size_t lineNo = 0;
      while (readLineCapped(*in, cap, line)) {
        ++lineNo;
        if (isBlank(line)) continue;
        visit(Document{name + ":" + std::to_string(lineNo), line});
      }
    } else {
      Document doc{name, {}};
      readCapped(*in, cap, doc.text);
      if (in->bad()) {
        std::cerr << "smsreg: cannot read " << name << "\n";
        allRead = false;
        continue;
      }
      visit(doc);
    }
  }
  return allRead;
}

bool manyDocuments(const std::vector<std::string>& files, bool ndjson) { return ndjson || files.size() > 1; }

void addLimitFlags(CLI::App* cmd, Limits& limits) {
  cmd->add_option("--max-bytes", limits.maxBytes, "Largest document, in bytes")->capture_default_str();
  cmd->add_option("--max-depth", limits.maxDepth, "Deepest nesting (the root object is level 1)")
      ->capture_default_str();
  cmd->add_option("--max-string", limits.maxString, "Longest string or key, in bytes of UTF-8")->capture_default_str();
}

bool readWholeFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "smsreg: cannot read " << path << "\n";
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace smsreg::cli
