// `smsreg serve`: the validator and the enablement diagnosis over HTTP
// (INTERFACE section 6), and the pages built on them.
#ifndef SMSREG_SERVE_SERVE_HPP
#define SMSREG_SERVE_SERVE_HPP

#include <string>
#include <vector>

#include "serve/http_server.hpp"
#include "smsreg/options.hpp"

namespace smsreg::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed on stderr)
  ServerLimits server;
  ValidatorOptions validator;  // its limits bound registration bodies
  Limits enablementLimits{64u << 20, 64, 64u << 10};
  std::vector<std::string> allowOrigins;  // CORS only for these
  std::string accessLog;                  // "" none, "-" stdout, else a file
};

// Builds the validators, binds, serves until SIGTERM or SIGINT, then
// answers what is in flight. Returns the exit status: 0 after a signal,
// 2 when the validator cannot be built or the address cannot be bound.
int runServe(const ServeOptions& options);

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_SERVE_HPP
