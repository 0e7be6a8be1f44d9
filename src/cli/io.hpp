// Reading documents for the CLI: files, standard input, and NDJSON streams.
#ifndef SMSREG_CLI_IO_HPP
#define SMSREG_CLI_IO_HPP

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "smsreg/options.hpp"

namespace smsreg::cli {

// One input document: its text and where it came from ("file.json",
// "file.ndjson:12", "-" for standard input).
struct Document {
  std::string source;
  std::string text;
};

// Calls `visit` for every document in `files` ("-" or none: standard input).
// With `ndjson`, each non-blank line is one document and is streamed (memory
// stays bounded by the longest line, which is cut at `maxBytes` + 1 so the
// limit check still fires). A file that cannot be read is reported on stderr
// with the reason and makes the function return false; the others are still
// visited. A directory (named, or as standard input) cannot be read.
// A file larger than `maxBytes` is read only up to maxBytes + 1 bytes: enough
// for the parser to report INPUT_TOO_LARGE without holding the whole file.
// `visit` may take the document's strings (swap them with its own): the
// reader reuses whatever buffers it gets back, so a stream of lines is read
// without copying each one or allocating for it.
bool forEachDocument(const std::vector<std::string>& files, bool ndjson, std::size_t maxBytes,
                     const std::function<void(Document&)>& visit);

// True when more than one document may come (several files, or NDJSON), so
// JSON output carries "source".
bool manyDocuments(const std::vector<std::string>& files, bool ndjson);

// Adds --max-bytes, --max-depth, --max-string to `cmd`, writing into `limits`.
void addLimitFlags(CLI::App* cmd, Limits& limits);

// Reads a whole schema or rule file: a regular file of at most `maxBytes`
// (the --max-bytes limit). False, with the file name and the reason on
// stderr, when it cannot be read or is larger.
bool readWholeFile(const std::string& path, std::size_t maxBytes, std::string& out);

}  // namespace smsreg::cli

#endif  // SMSREG_CLI_IO_HPP
