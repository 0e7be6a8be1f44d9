// The subcommands of the smsreg CLI. Each adds itself to the app and returns
// the function that runs it once arguments are parsed; the function returns
// the exit status (0, 1, or 2 as INTERFACE section 4 fixes).
#ifndef SMSREG_CLI_COMMANDS_HPP
#define SMSREG_CLI_COMMANDS_HPP

#include <CLI/CLI.hpp>
#include <functional>

namespace smsreg::cli {

using Runner = std::function<int()>;

Runner addValidateCommand(CLI::App& app);
Runner addEnablementCommand(CLI::App& app);
Runner addCheckCommand(CLI::App& app);
Runner addRulesCommand(CLI::App& app);
Runner addServeCommand(CLI::App& app);

}  // namespace smsreg::cli

#endif  // SMSREG_CLI_COMMANDS_HPP
