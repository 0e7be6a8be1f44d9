// The options of `smsreg serve`, added to the app that parses them.
#ifndef SMSREG_SERVE_COMMAND_HPP
#define SMSREG_SERVE_COMMAND_HPP

#include <CLI/CLI.hpp>
#include <functional>

namespace smsreg::serve {

// Adds the options to `cmd` and returns the function that runs the service
// once they are parsed; it returns the exit status (INTERFACE section 4).
std::function<int()> addServeOptions(CLI::App* cmd);

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_COMMAND_HPP
