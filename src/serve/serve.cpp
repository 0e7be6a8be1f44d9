#include "serve/serve.hpp"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "serve/service.hpp"

namespace smsreg::serve {

namespace {

// SIGTERM and SIGINT are blocked in every thread and taken by one thread
// with sigwait(), which may then call into the server safely (a signal
// handler could not).
sigset_t stopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

int runServe(const ServeOptions& options) {
  const sigset_t signals = stopSignals();
  // Before any thread exists, so every worker inherits the mask.
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Service service(options);
  if (!service.ok()) {
    std::cerr << "smsreg: " << service.error() << "\n";
    return 2;
  }
  HttpServer server(options.server);
  server.set_payload_max_length(std::max(options.validator.limits.maxBytes, options.enablementLimits.maxBytes));
  service.install(server);
  const int port = server.bindTo(options.host, options.port);
  if (port < 0) {
    std::cerr << "smsreg: cannot listen on " << options.host << ":" << options.port << "\n";
    return 2;
  }
  const bool v6 = options.host.find(':') != std::string::npos;
  std::cerr << "smsreg serve: listening on http://" << (v6 ? "[" + options.host + "]" : options.host) << ":" << port
            << "/\n"
            << std::flush;

  std::atomic<bool> signalled{false};
  std::atomic<bool> listenReturned{false};
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    if (listenReturned) return;  // woken by the main thread below
    signalled = true;
    // httplib's stop() acts only once the accept loop runs; a signal that
    // comes sooner waits for it.
    while (!server.is_running() && !listenReturned) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!listenReturned) server.beginShutdown();
  });
  server.listen_after_bind();
  listenReturned = true;
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);  // listening failed: wake the waiter
  waiter.join();
  const ConnectionCounters& c = server.counters();
  std::cerr << "smsreg serve: stopped; accepted " << c.accepted << " connections, answered " << c.answered
            << " requests, refused " << c.rejected << " over the connection cap\n";
  return signalled ? 0 : 2;
}

}  // namespace smsreg::serve
