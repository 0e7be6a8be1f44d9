// smsreg: validate registrations, diagnose SMS enablement, check schemas.
#include <map>
#include <string>

#include "cli/commands.hpp"
#include "cli/run_app.hpp"

int main(int argc, char** argv) {
  CLI::App app{"smsreg: US/Canada SMS registration validator and enablement diagnosis"};
  app.require_subcommand(1);
  std::map<std::string, smsreg::cli::Runner> runners = {
      {"validate", smsreg::cli::addValidateCommand(app)}, {"enablement", smsreg::cli::addEnablementCommand(app)},
      {"check", smsreg::cli::addCheckCommand(app)},       {"rules", smsreg::cli::addRulesCommand(app)},
      {"serve", smsreg::cli::addServeCommand(app)},
  };
  return smsreg::cli::runApp(app, argc, argv, [&] {
    int status = 2;
    for (const auto& [name, run] : runners) {
      if (app.got_subcommand(name)) status = run();
    }
    return status;
  });
}
