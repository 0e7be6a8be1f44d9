// The access log: one JSON object a line (time, method, path, status,
// bytes, micros). Request bodies are never logged; nor are query strings,
// which could carry personal data in a form backend's hands.
#ifndef SMSREG_SERVE_ACCESS_LOG_HPP
#define SMSREG_SERVE_ACCESS_LOG_HPP

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace smsreg::serve {

class AccessLog {
 public:
  // `target`: "" for none, "-" for standard output, else a file appended to.
  explicit AccessLog(const std::string& target);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  bool ok() const { return ok_; }
  void write(const std::string& method, const std::string& path, int status, std::size_t bytes, std::int64_t micros);

 private:
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  bool ok_ = true;
  std::mutex mutex_;
};

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_ACCESS_LOG_HPP
