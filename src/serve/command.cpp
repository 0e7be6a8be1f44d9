// The options of `smsreg serve` (INTERFACE section 6), parsed by the
// smsreg-serve program that `smsreg serve` runs (serve/main.cpp).
#include "serve/command.hpp"

#include <chrono>
#include <iostream>
#include <memory>

#include "cli/io.hpp"
#include "serve/serve.hpp"

namespace smsreg::serve {

namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string profile;
  std::string rulesFile;
  std::vector<std::string> disabled;
  std::vector<std::string> allowOrigins;
  std::string accessLog;
  double readTimeout = 5;
  double requestTimeout = 30;
  ServeOptions options;
};

// "HOST:PORT", "[V6]:PORT"; false when it is not one.
bool splitListen(const std::string& text, std::string& host, int& port) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) return false;
  host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string digits = text.substr(colon + 1);
  if (host.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
  port = std::stoi(digits);
  return port <= 65535;
}

int run(ServeArgs& args, const CLI::App& cmd) {
  ServeOptions& o = args.options;
  if (!splitListen(args.listen, o.host, o.port)) {
    std::cerr << "smsreg: --listen wants HOST:PORT, e.g. 127.0.0.1:8080\n";
    return 2;
  }
  o.validator.profile = args.profile;  // an unknown name fails the build of the validators: exit 2
  if (!args.rulesFile.empty() &&
      !cli::readWholeFile(args.rulesFile, o.validator.limits.maxBytes, o.validator.extraRulesJson))
    return 2;
  o.validator.disabledRules = args.disabled;
  // Limits given on the command line bound both endpoints; unset, each keeps
  // its default (1 MiB registrations, 64 MiB enablement).
  if (cmd.count("--max-bytes") > 0) o.enablementLimits.maxBytes = o.validator.limits.maxBytes;
  o.enablementLimits.maxDepth = o.validator.limits.maxDepth;
  o.enablementLimits.maxString = o.validator.limits.maxString;
  const auto millis = [](double seconds) { return std::chrono::milliseconds(static_cast<long>(seconds * 1000)); };
  o.server.stream.readIdle = o.server.stream.writeIdle = o.server.keepAliveIdle = millis(args.readTimeout);
  o.server.stream.requestDeadline = o.server.stream.responseDeadline = millis(args.requestTimeout);
  o.allowOrigins = args.allowOrigins;
  o.accessLog = args.accessLog;
  return runServe(o);
}

}  // namespace

std::function<int()> addServeOptions(CLI::App* cmd) {
  auto args = std::make_shared<ServeArgs>();
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
  cmd->add_option("--threads", args->options.server.threads, "Worker threads; each serves one connection at a time")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  cmd->add_option("--max-connections", args->options.server.maxConnections,
                  "Open connections at most (queued or served); more get 503")
      ->check(CLI::Range(1u, 100000u))
      ->capture_default_str();
  cmd->add_option("--profile", args->profile, "Apply a shipped provider profile");
  cmd->add_option("--rules", args->rulesFile,
                  "Rule file that adds or overrides rules (schemas/rules-file.schema.json)");
  cmd->add_option("--disable", args->disabled, "Turn a rule off by its code (repeatable)")->allow_extra_args(false);
  cmd->add_option("--allow-origin", args->allowOrigins, "Send CORS headers to this origin (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--access-log", args->accessLog, "Write JSON access-log lines to FILE, or - for standard output");
  cmd->add_option("--read-timeout", args->readTimeout,
                  "Seconds to wait for a client's next bytes, or for it to take ours; also the keep-alive idle time")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  cmd->add_option("--request-timeout", args->requestTimeout,
                  "Seconds a whole request may take to arrive (and a response to be taken)")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  cli::addLimitFlags(cmd, args->options.validator.limits);
  return [args, cmd] { return run(*args, *cmd); };
}

}  // namespace smsreg::serve
