// Standard output for the CLI, checked. Every report goes through writeOut;
// a failed write, flush or close (a full disk, a closed stdout, EPIPE with
// SIGPIPE ignored) is remembered, and the run then ends with exit status 2
// and the reason on stderr, so a pipeline never believes reports were
// written that were not (docs/limits.md, "Output").
#ifndef SMSREG_CLI_OUTPUT_HPP
#define SMSREG_CLI_OUTPUT_HPP

#include <string_view>

namespace smsreg::cli {

// Writes `text` to standard output. False once any write has failed; later
// writes are skipped.
bool writeOut(std::string_view text) noexcept;

// True when a write has failed; long runs stop reading input then.
bool outputFailed() noexcept;

// Flushes and closes standard output. False, with "smsreg: cannot write the
// output: <reason>" on stderr, when any write, the flush or the close failed.
bool finishOutput() noexcept;

}  // namespace smsreg::cli

#endif  // SMSREG_CLI_OUTPUT_HPP
