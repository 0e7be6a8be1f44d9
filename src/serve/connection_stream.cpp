#include "serve/connection_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace smsreg::serve {

namespace {

using Clock = std::chrono::steady_clock;

// poll() for one event, retrying on EINTR; true when the event (or an error
// or hang-up, which the next recv/send reports) came within `wait`.
bool pollFor(int fd, short events, std::chrono::milliseconds wait) {
  pollfd p{fd, events, 0};
  const Clock::time_point end = Clock::now() + wait;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
    if (left.count() < 0) left = std::chrono::milliseconds(0);
    const int r = ::poll(&p, 1, static_cast<int>(left.count()));
    if (r > 0) return true;
    if (r == 0) return false;
    if (errno != EINTR) return true;  // let recv/send report the error
  }
}

void addressOf(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, const StreamLimits& limits) : fd_(fd), limits_(limits) {}

void ConnectionStream::startRequest() {
  inHeaders_ = true;
  headerBytes_ = 0;
  lastTwo_[0] = lastTwo_[1] = 0;
  headerTooLarge_ = false;
  timedOut_ = false;
  requestStarted_ = false;
  responseStarted_ = false;
  // Bytes already buffered (a pipelined request) start the clock now.
  if (bufferBegin_ < bufferEnd_) {
    requestStarted_ = true;
    requestStart_ = Clock::now();
  }
}

bool ConnectionStream::waitReadable(std::chrono::milliseconds wait) const {
  return bufferBegin_ < bufferEnd_ || pollFor(fd_, POLLIN, wait);
}

std::chrono::milliseconds ConnectionStream::remaining(Clock::time_point start, std::chrono::milliseconds deadline,
                                                      std::chrono::milliseconds idle) const {
  const auto left = deadline - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  return std::min(idle, left);
}

bool ConnectionStream::is_readable() const {
  if (bufferBegin_ < bufferEnd_) return true;
  const auto wait =
      requestStarted_ ? remaining(requestStart_, limits_.requestDeadline, limits_.readIdle) : limits_.readIdle;
  return wait.count() > 0 && pollFor(fd_, POLLIN, wait);
}

bool ConnectionStream::is_writable() const {
  const auto wait =
      responseStarted_ ? remaining(responseStart_, limits_.responseDeadline, limits_.writeIdle) : limits_.writeIdle;
  return wait.count() > 0 && pollFor(fd_, POLLOUT, wait);
}

void ConnectionStream::scanHeaderBytes(const char* data, std::size_t n) {
  for (std::size_t i = 0; i < n && inHeaders_; ++i) {
    const char c = data[i];
    ++headerBytes_;
    // An empty line ends the headers ("\n\n" or "\n\r\n"; httplib accepts both).
    if (c == '\n' && (lastTwo_[1] == '\n' || (lastTwo_[1] == '\r' && lastTwo_[0] == '\n'))) inHeaders_ = false;
    lastTwo_[0] = lastTwo_[1];
    lastTwo_[1] = c;
  }
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (bufferBegin_ == bufferEnd_) {
    if (!requestStarted_) {
      // The request's clock starts with its first byte, not when the
      // connection went idle before it.
      if (!pollFor(fd_, POLLIN, limits_.readIdle)) {
        timedOut_ = true;
        return -1;
      }
      requestStarted_ = true;
      requestStart_ = Clock::now();
    } else if (!is_readable()) {
      timedOut_ = true;
      return -1;
    }
    ssize_t got;
    do {
      got = ::recv(fd_, buffer_, sizeof buffer_, 0);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) return got;
    bufferBegin_ = 0;
    bufferEnd_ = static_cast<std::size_t>(got);
  }
  if (inHeaders_ && headerBytes_ >= limits_.maxHeaderBytes) {
    headerTooLarge_ = true;
    return -1;
  }
  std::size_t n = std::min(size, bufferEnd_ - bufferBegin_);
  if (inHeaders_) n = std::min(n, limits_.maxHeaderBytes - headerBytes_);
  std::memcpy(ptr, buffer_ + bufferBegin_, n);
  if (inHeaders_) scanHeaderBytes(ptr, n);
  bufferBegin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (!responseStarted_) {
    responseStarted_ = true;
    responseStart_ = Clock::now();
  }
  std::size_t sent = 0;
  while (sent < size) {
    if (!is_writable()) return sent > 0 ? static_cast<ssize_t>(sent) : -1;
    const ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      return sent > 0 ? static_cast<ssize_t>(sent) : -1;
    }
    sent += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(sent);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) addressOf(addr, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) addressOf(addr, ip, port);
}

}  // namespace smsreg::serve
