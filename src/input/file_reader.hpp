// Reading files by name, for every file smsreg opens: documents, schemas,
// rule files and remote schemas. Bounded, never blocking on a FIFO where a
// file is expected, and saying why (strerror) when a read fails.
#ifndef SMSREG_INPUT_FILE_READER_HPP
#define SMSREG_INPUT_FILE_READER_HPP

#include <cstddef>
#include <string>

namespace smsreg::input {

enum class FileKind {
  // Schemas, rule files, remotes: a regular file only. A FIFO would block
  // forever and a device could be endless.
  kRegular,
  // Documents named on the command line: a regular file, or a stream the
  // user chose (a FIFO, /dev/stdin, a process substitution). Directories,
  // sockets and block devices are refused.
  kDocument,
};

// Reads at most `maxBytes` + 1 bytes of `path` into `out` (one byte over is
// enough for the parser to report INPUT_TOO_LARGE, and never the whole of a
// huge file). False with `error` ("cannot read X: reason") when the file
// cannot be opened, is of a kind `kind` refuses, or a read fails; then
// `*missing`, when given, says whether the path names no file at all (errno
// is no witness by then: the error text's allocation may have changed it).
bool readFileBounded(const std::string& path, std::size_t maxBytes, FileKind kind, std::string& out, std::string& error,
                     bool* missing = nullptr);

// The same for an open descriptor (standard input); `name` is used in errors.
bool readDescriptorBounded(int fd, const std::string& name, std::size_t maxBytes, std::string& out, std::string& error);

// maxBytes + 1 without overflowing at SIZE_MAX.
std::size_t oneOver(std::size_t maxBytes);

}  // namespace smsreg::input

#endif  // SMSREG_INPUT_FILE_READER_HPP
