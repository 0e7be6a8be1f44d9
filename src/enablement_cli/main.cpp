// smsreg-enablement: the enablement diagnosis, run by `smsreg enablement`
// (cli/helper_programs.cpp).
//
// A program of its own so that only the diagnosis loads libphonenumber and
// what it brings (ICU, protobuf, abseil): loading them cost every other
// command about 7 ms of its start, a quarter of a one-document `validate`
// (docs/benchmarks.md). smsreg-serve is split off for the same reason.
#include "cli/run_app.hpp"
#include "enablement_cli/command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Diagnose why SMS-enabled users can no longer send SMS", "smsreg enablement"};
  return smsreg::cli::runApp(app, argc, argv, smsreg::cli::addEnablementOptions(&app));
}
