// The exit-status contract shared by the smsreg, smsreg-serve and smsreg-enablement programs.
#ifndef SMSREG_CLI_RUN_APP_HPP
#define SMSREG_CLI_RUN_APP_HPP

#include <CLI/CLI.hpp>
#include <functional>

namespace smsreg::cli {

// Parses the arguments into `app`, then calls `run` for the exit status
// (INTERFACE section 4): --help exits 0, a usage error 2, an exception out
// of `run` 2 with the reason on stderr, and so does output that could not
// be written, whatever `run` said.
int runApp(CLI::App& app, int argc, char** argv, const std::function<int()>& run);

}  // namespace smsreg::cli

#endif  // SMSREG_CLI_RUN_APP_HPP
