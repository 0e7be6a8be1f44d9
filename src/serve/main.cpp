// smsreg-serve: the HTTP service, run by `smsreg serve` (cli/serve_launcher.cpp).
//
// A program of its own so that only the service loads cpp-httplib and what
// Debian builds it with (OpenSSL, zlib, brotli): loading them cost every
// other command about 5 ms of a 28 ms start (docs/benchmarks.md). git keeps
// its HTTP transport in a helper program for the same reason.
#include <iostream>

#include "cli/output.hpp"
#include "serve/command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Serve the validator, the enablement diagnosis and the form pages over HTTP", "smsreg serve"};
  const auto run = smsreg::serve::addServeOptions(&app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help: exit 0
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // usage errors are exit 2, as for every smsreg command
    return 2;
  }
  int status = 2;
  try {
    status = run();
  } catch (const std::bad_alloc&) {
    std::cerr << "smsreg: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "smsreg: " << e.what() << "\n";
  }
  if (!smsreg::cli::finishOutput()) return 2;
  return status;
}
