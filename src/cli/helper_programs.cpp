// `smsreg serve` and `smsreg enablement`: each runs a program of its own
// (serve/main.cpp, enablement_cli/main.cpp) in this process (exec), with
// every argument after the command's name, so the program's signals, exit
// status and standard streams are this command's. Only those programs load
// the libraries they alone need: the HTTP library with its TLS and
// compression libraries, and libphonenumber with ICU and protobuf.
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"

namespace smsreg::cli {

namespace {

// The directory this program was run from, with a trailing "/"; "" when
// the system does not say.
std::string ownDirectory() {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path);
  if (n <= 0 || static_cast<std::size_t>(n) == sizeof path) return {};
  const std::string self(path, static_cast<std::size_t>(n));
  return self.substr(0, self.rfind('/') + 1);
}

// Returns only when `program` cannot be run: beside this one first (the
// build tree, and where `cmake --install` puts them), then on PATH. `what`
// names it in the error.
int runProgram(const char* program, const char* what, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  const std::string beside = ownDirectory() + program;
  int error = 0;
  if (beside != program) {
    ::execv(beside.c_str(), argv.data());
    error = errno;
  }
  ::execvp(program, argv.data());
  if (error == 0) error = errno;  // no directory known: the PATH search's reason
  std::cerr << "smsreg: cannot run " << beside << " (" << what << ", installed beside smsreg): " << std::strerror(error)
            << "\n";
  return 2;
}

Runner addProgramCommand(CLI::App& app, const char* name, const char* description, const char* program,
                         const char* what) {
  CLI::App* cmd = app.add_subcommand(name, description);
  // Every argument after the command's name, --help included, is the program's.
  cmd->prefix_command();
  cmd->set_help_flag();
  return [cmd, program, what] { return runProgram(program, what, cmd->remaining()); };
}

}  // namespace

Runner addServeCommand(CLI::App& app) {
  return addProgramCommand(app, "serve", "Serve the validator, the enablement diagnosis and the form pages over HTTP",
                           "smsreg-serve", "the HTTP service");
}

Runner addEnablementCommand(CLI::App& app) {
  return addProgramCommand(app, "enablement", "Diagnose why SMS-enabled users can no longer send SMS",
                           "smsreg-enablement", "the enablement diagnosis");
}

}  // namespace smsreg::cli
