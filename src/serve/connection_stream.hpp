// One accepted TCP connection as cpp-httplib reads and writes it, with the
// limits httplib 0.11 does not enforce itself: a deadline for each request
// and each response (a client sending a byte a second is cut off, not kept
// forever by a per-read timeout), and a cap on the bytes of the request line
// plus headers (httplib caps each header line, not their number).
#ifndef SMSREG_SERVE_CONNECTION_STREAM_HPP
#define SMSREG_SERVE_CONNECTION_STREAM_HPP

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace smsreg::serve {

struct StreamLimits {
  std::chrono::milliseconds readIdle{5000};           // longest wait for the next bytes
  std::chrono::milliseconds writeIdle{5000};          // longest wait for the peer to take bytes
  std::chrono::milliseconds requestDeadline{30000};   // whole request, from its first byte
  std::chrono::milliseconds responseDeadline{30000};  // whole response, from its first byte
  std::size_t maxHeaderBytes = 16 * 1024;             // request line + headers
};

class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int fd, const StreamLimits& limits);

  // Called before each request on the connection: the deadlines and the
  // header budget start again.
  void startRequest();
  // True when the last read failed because the headers outgrew their cap
  // or the request its deadline; the caller then answers 431 or 408.
  bool headerTooLarge() const { return headerTooLarge_; }
  bool timedOut() const { return timedOut_; }
  // Whether any byte of the current request has arrived yet.
  bool requestStarted() const { return requestStarted_; }
  std::chrono::steady_clock::time_point requestStart() const { return requestStart_; }

  // Waits up to `wait` for the peer to send or close; false on timeout.
  bool waitReadable(std::chrono::milliseconds wait) const;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  std::chrono::milliseconds remaining(std::chrono::steady_clock::time_point start, std::chrono::milliseconds deadline,
                                      std::chrono::milliseconds idle) const;
  void scanHeaderBytes(const char* data, std::size_t n);

  int fd_;
  StreamLimits limits_;
  char buffer_[4096];
  std::size_t bufferBegin_ = 0;
  std::size_t bufferEnd_ = 0;
  bool inHeaders_ = true;
  std::size_t headerBytes_ = 0;
  char lastTwo_[2] = {0, 0};
  bool headerTooLarge_ = false;
  bool timedOut_ = false;
  bool requestStarted_ = false;
  bool responseStarted_ = false;
  std::chrono::steady_clock::time_point requestStart_;
  std::chrono::steady_clock::time_point responseStart_;
};

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_CONNECTION_STREAM_HPP
