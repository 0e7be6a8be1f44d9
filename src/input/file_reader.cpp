#include "input/file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>

namespace smsreg::input {

namespace {

std::string because(const std::string& name, int err) { return "cannot read " + name + ": " + std::strerror(err); }

// Refuses what is not a document source; errno-style reason when it is not.
bool kindAllowed(const struct stat& st, FileKind kind, int& err) {
  if (S_ISREG(st.st_mode)) return true;
  if (S_ISDIR(st.st_mode)) {
    err = EISDIR;
    return false;
  }
  if (kind == FileKind::kDocument && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) return true;
  err = EINVAL;
  return false;
}

}  // namespace

std::size_t oneOver(std::size_t maxBytes) {
  return maxBytes == std::numeric_limits<std::size_t>::max() ? maxBytes : maxBytes + 1;
}

bool readDescriptorBounded(int fd, const std::string& name, std::size_t maxBytes, std::string& out,
                           std::string& error) {
  out.clear();
  const std::size_t cap = oneOver(maxBytes);
  char buffer[1 << 16];
  while (out.size() < cap) {
    const std::size_t want = std::min(sizeof buffer, cap - out.size());
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = because(name, errno);
      return false;
    }
    if (got == 0) break;
    out.append(buffer, static_cast<std::size_t>(got));
  }
  return true;
}

bool readFileBounded(const std::string& path, std::size_t maxBytes, FileKind kind, std::string& out, std::string& error,
                     bool* missing) {
  if (missing != nullptr) *missing = false;
  // O_NONBLOCK: opening a FIFO with no writer must not hang before fstat
  // can refuse it; it is cleared again for a FIFO the user did name.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (missing != nullptr) *missing = err == ENOENT;
    error = because(path, err);
    return false;
  }
  struct stat st {};
  int err = 0;
  if (::fstat(fd, &st) != 0) {
    err = errno;
  } else if (!kindAllowed(st, kind, err)) {
    if (err == EINVAL) {
      ::close(fd);
      error = "cannot read " + path + ": not a regular file";
      return false;
    }
  } else {
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
  if (err != 0) {
    ::close(fd);
    error = because(path, err);
    return false;
  }
  const bool ok = readDescriptorBounded(fd, path, maxBytes, out, error);
  ::close(fd);
  return ok;
}

}  // namespace smsreg::input
