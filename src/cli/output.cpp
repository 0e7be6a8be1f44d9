#include "cli/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace smsreg::cli {

namespace {

int firstError = 0;  // errno of the first failure; the CLI writes from one thread

void remember(int err) noexcept {
  if (firstError == 0) firstError = err != 0 ? err : EIO;
}

}  // namespace

bool writeOut(std::string_view text) noexcept {
  if (firstError != 0) return false;
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) remember(errno);
  return firstError == 0;
}

bool outputFailed() noexcept { return firstError != 0; }

bool finishOutput() noexcept {
  if (std::fflush(stdout) != 0) remember(errno);
  if (std::ferror(stdout) != 0) remember(errno);
  // Closing reports what only the close can know (NFS, some devices).
  if (std::fclose(stdout) != 0) remember(errno);
  if (firstError == 0) return true;
  std::fprintf(stderr, "smsreg: cannot write the output: %s\n", std::strerror(firstError));
  return false;
}

}  // namespace smsreg::cli
