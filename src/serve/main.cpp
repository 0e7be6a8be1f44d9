// smsreg-serve: the HTTP service, run by `smsreg serve` (cli/helper_programs.cpp).
//
// A program of its own so that only the service loads cpp-httplib and what
// Debian builds it with (OpenSSL, zlib, brotli): loading them cost every
// other command about 5 ms of a 28 ms start (docs/benchmarks.md). git keeps
// its HTTP transport in a helper program for the same reason.
#include "cli/run_app.hpp"
#include "serve/command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Serve the validator, the enablement diagnosis and the form pages over HTTP", "smsreg serve"};
  return smsreg::cli::runApp(app, argc, argv, smsreg::serve::addServeOptions(&app));
}
