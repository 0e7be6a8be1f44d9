#include "serve/http_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace smsreg::serve {

namespace {

thread_local ConnectionStream* tCurrentStream = nullptr;
thread_local bool tCloseAfterResponse = false;
thread_local bool tRejecting = false;

// httplib's TaskQueue, with a fixed number of workers and a count of the
// connections accepted and not yet closed. A connection over the cap is
// not queued: its job runs at once on the accepting thread, marked so the
// server answers 503 and closes it.
class ConnectionPool : public httplib::TaskQueue {
 public:
  ConnectionPool(std::size_t threads, std::size_t cap, ConnectionCounters& counters) : cap_(cap), counters_(counters) {
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }

  void enqueue(std::function<void()> fn) override {
    if (static_cast<std::size_t>(counters_.open.load()) >= cap_) {
      counters_.rejected++;
      tRejecting = true;
      fn();
      tRejecting = false;
      return;
    }
    counters_.accepted++;
    counters_.open++;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(fn));
    }
    ready_.notify_one();
  }

  // Runs every queued job, then joins the workers.
  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      shutdown_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return shutdown_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // shutting down, nothing left
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
      counters_.open--;
    }
  }

  std::size_t cap_;
  ConnectionCounters& counters_;
  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool shutdown_ = false;
};

void sendAll(int fd, const std::string& data) {
  // Best effort on a socket about to close: never block the caller.
  (void)::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

std::string bareProblem(int status, const char* reason, const char* code, const char* detail) {
  const std::string body = std::string("{\"type\":\"about:blank\",\"title\":\"") + reason +
                           "\",\"status\":" + std::to_string(status) + ",\"detail\":\"" + detail + "\",\"code\":\"" +
                           code + "\"}";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n" + (status == 503 ? "Retry-After: 1\r\n" : "") + "\r\n" + body;
}

// Closes a connection whose request was answered without reading all of
// it (413, 415, ...). Closing with unread bytes makes the kernel send a reset,
// which can destroy the answer before the client reads it; so the write side
// is shut first and what the client already sent is discarded, at most
// 64 KiB or half a second, none of it kept.
void lingerClose(int fd) {
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  std::size_t drained = 0;
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  while (drained < 64 * 1024) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
    if (n <= 0) break;
    drained += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

}  // namespace

HttpServer::HttpServer(const ServerLimits& limits) : limits_(limits) {
  new_task_queue = [this] { return new ConnectionPool(limits_.threads, limits_.maxConnections, counters_); };
  set_keep_alive_max_count(limits_.keepAliveRequests);
}

int HttpServer::bindTo(const std::string& host, int port) {
  int bound = port;
  if (port == 0) {
    bound = bind_to_any_port(host);
  } else if (!bind_to_port(host, port)) {
    return -1;
  }
  if (bound < 0) return -1;
  // httplib 0.11 listens with a backlog of 5; let the kernel hold as many
  // pending connections as the cap admits, so a burst is not refused.
  ::listen(svr_sock_, static_cast<int>(limits_.maxConnections));
  return bound;
}

void HttpServer::beginShutdown() {
  stopping_ = true;
  stop();
}

ConnectionStream* HttpServer::currentStream() { return tCurrentStream; }

void HttpServer::closeAfterResponse(httplib::Response& res) {
  tCloseAfterResponse = true;
  if (res.get_header_value("Connection") != "close") res.set_header("Connection", "close");
}

void HttpServer::rejectOverCap(int fd) {
  sendAll(fd, bareProblem(503, "Service Unavailable", "TOO_MANY_CONNECTIONS",
                          "The service holds as many connections as it is allowed; retry shortly."));
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (tRejecting) {
    rejectOverCap(sock);
    return false;
  }
  ConnectionStream stream(sock, limits_.stream);
  bool ok = true;
  for (std::size_t served = 0;; ++served) {
    if (served > 0) {
      // Idle between requests: wake often enough to see a shutdown.
      const auto slice = std::chrono::milliseconds(100);
      bool readable = false;
      for (auto waited = std::chrono::milliseconds(0); !readable && waited < limits_.keepAliveIdle && !stopping_;
           waited += slice) {
        readable = stream.waitReadable(slice);
      }
      if (!readable) break;
    } else if (!stream.waitReadable(limits_.stream.readIdle)) {
      break;  // accepted, even while stopping: its request is answered if it comes
    }
    stream.startRequest();
    tCurrentStream = &stream;
    tCloseAfterResponse = false;
    const bool lastOne = stopping_ || served + 1 >= limits_.keepAliveRequests;
    bool closed = false;
    ok = process_request(stream, lastOne, closed, nullptr);
    tCurrentStream = nullptr;
    if (ok) counters_.answered++;
    if (tCloseAfterResponse || stream.headerTooLarge() || stream.timedOut()) {
      lingerClose(sock);
      return ok;
    }
    if (!ok || closed || lastOne) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace smsreg::serve
