#include "serve/access_log.hpp"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace smsreg::serve {

namespace {

// RFC 3339 UTC with milliseconds.
std::string nowUtc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
  return text;
}

}  // namespace

AccessLog::AccessLog(const std::string& target) {
  if (target.empty()) return;
  if (target == "-") {
    file_ = stdout;
    return;
  }
  file_ = std::fopen(target.c_str(), "a");
  owned_ = file_ != nullptr;
  ok_ = owned_;
}

AccessLog::~AccessLog() {
  if (owned_) std::fclose(file_);
}

void AccessLog::write(const std::string& method, const std::string& path, int status, std::size_t bytes,
                      std::int64_t micros) {
  if (file_ == nullptr) return;
  nlohmann::ordered_json line;
  line["time"] = nowUtc();
  line["method"] = method;
  line["path"] = path;
  line["status"] = status;
  line["bytes"] = bytes;
  line["micros"] = micros;
  // The path is the client's; invalid UTF-8 in it must not throw.
  const std::string text = line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), file_);
  std::fflush(file_);
}

}  // namespace smsreg::serve
