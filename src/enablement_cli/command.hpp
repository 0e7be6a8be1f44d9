// The options of `smsreg enablement`, which the smsreg-enablement program
// (main.cpp) takes as its own.
#ifndef SMSREG_ENABLEMENT_CLI_COMMAND_HPP
#define SMSREG_ENABLEMENT_CLI_COMMAND_HPP

#include <CLI/CLI.hpp>
#include <functional>

namespace smsreg::cli {

// Adds the options to `cmd` and returns what runs the diagnosis once they
// are parsed; it returns the exit status (INTERFACE section 4).
std::function<int()> addEnablementOptions(CLI::App* cmd);

}  // namespace smsreg::cli

#endif  // SMSREG_ENABLEMENT_CLI_COMMAND_HPP
