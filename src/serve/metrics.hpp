// Prometheus text exposition for /metrics: requests by route, method and
// status, a latency histogram by route, registration verdicts, enablement
// diagnoses, connections, and the process's resident memory.
#ifndef SMSREG_SERVE_METRICS_HPP
#define SMSREG_SERVE_METRICS_HPP

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "serve/http_server.hpp"

namespace smsreg::serve {

class Metrics {
 public:
  // `route` is a route's path or "other": the label set stays bounded
  // whatever paths clients send.
  void request(const std::string& route, const std::string& method, int status, double seconds);
  void verdict(bool verified);
  void diagnosis(bool ok);

  std::string render(const ConnectionCounters& connections) const;

  static constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1,     2.5,  5,     10};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::uint64_t verified_ = 0;
  std::uint64_t notVerified_ = 0;
  std::uint64_t diagnosed_ = 0;
  std::uint64_t diagnoseRejected_ = 0;
};

// Resident set size of this process in bytes (from /proc/self/statm), 0 if unknown.
std::uint64_t residentBytes();

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_METRICS_HPP
