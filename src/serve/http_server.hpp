// cpp-httplib's Server with what 0.11 lacks for a service facing untrusted
// clients: a fixed pool of workers, a cap on open connections (over it a
// client gets 503 at once, on the accepting thread), per-request deadlines
// and a header-size cap (ConnectionStream), a listen backlog that fits the
// connection cap, and a graceful stop that answers every accepted request.
#ifndef SMSREG_SERVE_HTTP_SERVER_HPP
#define SMSREG_SERVE_HTTP_SERVER_HPP

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "serve/connection_stream.hpp"

namespace smsreg::serve {

struct ServerLimits {
  std::size_t threads = 64;
  std::size_t maxConnections = 256;  // accepted and not yet closed, queued or served
  std::size_t keepAliveRequests = 100;
  std::chrono::milliseconds keepAliveIdle{5000};
  StreamLimits stream;
};

// Counters the metrics page reads; written by the server's threads.
struct ConnectionCounters {
  std::atomic<std::int64_t> open{0};
  std::atomic<std::uint64_t> accepted{0};  // admitted under the cap
  std::atomic<std::uint64_t> rejected{0};  // refused with 503 over the cap
  std::atomic<std::uint64_t> answered{0};  // responses written in full
};

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const ServerLimits& limits);

  // Binds host:port (port 0: any free port); returns the port, or -1.
  int bindTo(const std::string& host, int port);
  // Stops accepting; listen_after_bind() returns once every accepted
  // connection's request in flight is answered.
  void beginShutdown();
  bool stopping() const { return stopping_; }

  const ConnectionCounters& counters() const { return counters_; }

  // The stream of the request the calling worker is serving (nullptr
  // outside a request): the error handler reads why a read failed, the
  // access log when the request began.
  static ConnectionStream* currentStream();
  // Asks the calling worker to close the connection after `res` (the
  // request's body was left unread) and says so in `res`.
  static void closeAfterResponse(httplib::Response& res);

 private:
  bool process_and_close_socket(socket_t sock) override;
  void rejectOverCap(int fd);

  ServerLimits limits_;
  ConnectionCounters counters_;
  std::atomic<bool> stopping_{false};
};

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_HTTP_SERVER_HPP
