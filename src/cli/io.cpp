#include "cli/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/output.hpp"
#include "input/bounded_json.hpp"
#include "input/file_reader.hpp"

namespace smsreg::cli {

namespace {

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Lines of a descriptor, each cut at `cap` bytes (the rest of a longer line
// is skipped, so memory stays bounded by the cap). A read error is kept.
class LineReader {
 public:
  LineReader(int fd, std::size_t cap) : fd_(fd), cap_(cap) {}

  // False at end of input or on a read error (see error()).
  bool next(std::string& line) {
    line.clear();
    bool any = false;
    for (;;) {
      if (at_ == size_ && !fill()) return any;
      any = true;
      const char* start = buffer_ + at_;
      const void* nl = std::memchr(start, '\n', size_ - at_);
      const std::size_t n =
          nl == nullptr ? size_ - at_ : static_cast<std::size_t>(static_cast<const char*>(nl) - start);
      if (line.size() < cap_) line.append(start, std::min(n, cap_ - line.size()));
      at_ += n;
      if (nl != nullptr) {
        ++at_;
        return true;
      }
    }
  }
  int error() const { return error_; }

 private:
  bool fill() {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer_, sizeof buffer_);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) error_ = errno;
      at_ = 0;
      size_ = got > 0 ? static_cast<std::size_t>(got) : 0;
      return got > 0;
    }
  }

  int fd_;
  std::size_t cap_;
  char buffer_[1 << 16];
  std::size_t at_ = 0, size_ = 0;
  int error_ = 0;
};

// Opens a document source: "-" is standard input, which must not be a
// directory either. -1 and a message on stderr when it cannot be read.
int openDocument(const std::string& name) {
  int fd = 0;
  if (name != "-") {
    fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
      std::cerr << "smsreg: cannot read " << name << ": " << std::strerror(errno) << "\n";
      return -1;
    }
  }
  struct stat st {};
  const char* why = nullptr;
  if (::fstat(fd, &st) != 0) {
    why = std::strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    why = std::strerror(EISDIR);
  } else if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
    why = "not a file or a stream";
  }
  if (why != nullptr) {
    std::cerr << "smsreg: cannot read " << (name == "-" ? "standard input" : name) << ": " << why << "\n";
    if (fd != 0) ::close(fd);
    return -1;
  }
  if (fd != 0) {
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);  // a named FIFO waits for its writer
  }
  return fd;
}

}  // namespace

bool forEachDocument(const std::vector<std::string>& files, bool ndjson, std::size_t maxBytes,
                     const std::function<void(Document&)>& visit) {
  std::vector<std::string> names = files.empty() ? std::vector<std::string>{"-"} : files;
  // One byte over the limit is enough for the parser to report it.
  const std::size_t cap = input::oneOver(maxBytes);
  bool allRead = true;
  for (const std::string& name : names) {
    if (outputFailed()) break;  // nobody reads what would be written
    const int fd = openDocument(name);
    if (fd < 0) {
      allRead = false;
      continue;
    }
    const std::string shown = name == "-" ? std::string("standard input") : name;
    int err = 0;
    if (ndjson) {
      LineReader lines(fd, cap);
      Document doc;
      std::size_t lineNo = 0;
      while (!outputFailed() && lines.next(doc.text)) {
        ++lineNo;
        if (isBlank(doc.text)) continue;
        doc.source.assign(name).append(":").append(std::to_string(lineNo));
        visit(doc);
      }
      err = lines.error();
    } else {
      Document doc{name, {}};
      std::string why;
      if (input::readDescriptorBounded(fd, shown, maxBytes, doc.text, why)) {
        visit(doc);
      } else {
        std::cerr << "smsreg: " << why << "\n";
        allRead = false;
      }
    }
    if (fd != 0) ::close(fd);
    if (err != 0) {
      std::cerr << "smsreg: cannot read " << shown << ": " << std::strerror(err) << "\n";
      allRead = false;
    }
  }
  return allRead;
}

bool manyDocuments(const std::vector<std::string>& files, bool ndjson) { return ndjson || files.size() > 1; }

void addLimitFlags(CLI::App* cmd, Limits& limits) {
  // Positive and bounded: 0, -1 ("no limit" to the old parser) and absurd
  // values are usage errors (exit 2); the ceilings are in docs/limits.md.
  cmd->add_option("--max-bytes", limits.maxBytes, "Largest document, in bytes")
      ->check(CLI::Range(std::size_t{1}, input::kMaxBytesCeiling))
      ->capture_default_str();
  cmd->add_option("--max-depth", limits.maxDepth, "Deepest nesting (the root object is level 1)")
      ->check(CLI::Range(std::size_t{1}, input::kMaxDepthCeiling))
      ->capture_default_str();
  cmd->add_option("--max-string", limits.maxString, "Longest string or key, in bytes of UTF-8")
      ->check(CLI::Range(std::size_t{1}, input::kMaxBytesCeiling))
      ->capture_default_str();
}

bool readWholeFile(const std::string& path, std::size_t maxBytes, std::string& out) {
  std::string error;
  if (!input::readFileBounded(path, maxBytes, input::FileKind::kRegular, out, error)) {
    std::cerr << "smsreg: " << error << "\n";
    return false;
  }
  if (out.size() > maxBytes) {
    std::cerr << "smsreg: cannot read " << path << ": larger than the limit of " << maxBytes
              << " bytes (--max-bytes)\n";
    return false;
  }
  return true;
}

}  // namespace smsreg::cli
