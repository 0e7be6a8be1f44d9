// smsreg: validate registrations, diagnose SMS enablement, check schemas.
#include <iostream>
#include <map>
#include <string>

#include "cli/commands.hpp"
#include "cli/output.hpp"

int main(int argc, char** argv) {
  CLI::App app{"smsreg: US/Canada SMS registration validator and enablement diagnosis"};
  app.require_subcommand(1);
  std::map<std::string, smsreg::cli::Runner> runners = {
      {"validate", smsreg::cli::addValidateCommand(app)}, {"enablement", smsreg::cli::addEnablementCommand(app)},
      {"check", smsreg::cli::addCheckCommand(app)},       {"rules", smsreg::cli::addRulesCommand(app)},
      {"serve", smsreg::cli::addServeCommand(app)},
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help: exit 0
  } catch (const CLI::ParseError& e) {
    // CLI11 2.1 exits 105-109 on usage errors; the contract says 2.
    app.exit(e);
    return 2;
  }
  int status = 2;
  try {
    for (const auto& [name, run] : runners) {
      if (app.got_subcommand(name)) status = run();
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "smsreg: out of memory\n";
    status = 2;
  } catch (const std::exception& e) {
    std::cerr << "smsreg: " << e.what() << "\n";
    status = 2;
  }
  // A report that did not reach its reader is a failed run, whatever the verdicts.
  if (!smsreg::cli::finishOutput()) return 2;
  return status;
}
