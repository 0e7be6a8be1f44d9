// `smsreg serve`: runs the smsreg-serve program (serve/main.cpp) in this
// process (exec), with every argument after "serve", so the service's
// signals, exit status and standard streams are this command's. Only the
// service loads the HTTP library and its TLS and compression libraries.
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"

namespace smsreg::cli {

namespace {

constexpr const char* kProgram = "smsreg-serve";

// The directory this program was run from, with a trailing "/"; "" when
// the system does not say.
std::string ownDirectory() {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path);
  if (n <= 0 || static_cast<std::size_t>(n) == sizeof path) return {};
  const std::string self(path, static_cast<std::size_t>(n));
  return self.substr(0, self.rfind('/') + 1);
}

// Returns only when the program cannot be run: beside this one first (the
// build tree, and where `cmake --install` puts both), then on PATH.
int runService(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(kProgram));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  const std::string beside = ownDirectory() + kProgram;
  int error = 0;
  if (beside != kProgram) {
    ::execv(beside.c_str(), argv.data());
    error = errno;
  }
  ::execvp(kProgram, argv.data());
  if (error == 0) error = errno;  // no directory known: the PATH search's reason
  std::cerr << "smsreg: cannot run " << beside
            << " (the HTTP service, installed beside smsreg): " << std::strerror(error) << "\n";
  return 2;
}

}  // namespace

Runner addServeCommand(CLI::App& app) {
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve the validator, the enablement diagnosis and the form pages over HTTP");
  // Every argument after "serve", --help included, is the service's.
  cmd->prefix_command();
  cmd->set_help_flag();
  return [cmd] { return runService(cmd->remaining()); };
}

}  // namespace smsreg::cli
