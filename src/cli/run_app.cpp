#include "cli/run_app.hpp"

#include <iostream>

#include "cli/output.hpp"

namespace smsreg::cli {

int runApp(CLI::App& app, int argc, char** argv, const std::function<int()>& run) {
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
    status = run();
  } catch (const std::bad_alloc&) {
    std::cerr << "smsreg: out of memory\n";
    status = 2;
  } catch (const std::exception& e) {
    std::cerr << "smsreg: " << e.what() << "\n";
    status = 2;
  }
  // A report that did not reach its reader is a failed run, whatever the verdicts.
  if (!finishOutput()) return 2;
  return status;
}

}  // namespace smsreg::cli
