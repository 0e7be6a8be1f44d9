#include "serve/metrics.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace smsreg::serve {

void Metrics::request(const std::string& route, const std::string& method, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_[{route, method, status}]++;
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) h.counts[i]++;
  }
  h.count++;
  h.sum += seconds;
}

void Metrics::verdict(bool verified) {
  std::lock_guard<std::mutex> lock(mutex_);
  (verified ? verified_ : notVerified_)++;
}

void Metrics::diagnosis(bool ok) {
  std::lock_guard<std::mutex> lock(mutex_);
  (ok ? diagnosed_ : diagnoseRejected_)++;
}

std::uint64_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0;
  std::uint64_t resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

std::string Metrics::render(const ConnectionCounters& connections) const {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  std::lock_guard<std::mutex> lock(mutex_);
  out << "# HELP smsreg_http_requests_total HTTP requests answered, by route, method and status.\n"
      << "# TYPE smsreg_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out << "smsreg_http_requests_total{path=\"" << std::get<0>(key) << "\",method=\"" << std::get<1>(key)
        << "\",status=\"" << std::get<2>(key) << "\"} " << n << "\n";
  }
  out << "# HELP smsreg_http_request_duration_seconds Time from a request's first byte to its answer.\n"
      << "# TYPE smsreg_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "smsreg_http_request_duration_seconds_bucket{path=\"" << route << "\",le=\"" << kBuckets[i] << "\"} "
          << h.counts[i] << "\n";
    }
    out << "smsreg_http_request_duration_seconds_bucket{path=\"" << route << "\",le=\"+Inf\"} " << h.count << "\n"
        << "smsreg_http_request_duration_seconds_sum{path=\"" << route << "\"} " << h.sum << "\n"
        << "smsreg_http_request_duration_seconds_count{path=\"" << route << "\"} " << h.count << "\n";
  }
  out << "# HELP smsreg_registration_verdicts_total Registration reports given, by status.\n"
      << "# TYPE smsreg_registration_verdicts_total counter\n"
      << "smsreg_registration_verdicts_total{status=\"VERIFIED\"} " << verified_ << "\n"
      << "smsreg_registration_verdicts_total{status=\"NOT_VERIFIED\"} " << notVerified_ << "\n"
      << "# HELP smsreg_enablement_diagnoses_total Enablement inputs answered: diagnosed, or rejected as bad input.\n"
      << "# TYPE smsreg_enablement_diagnoses_total counter\n"
      << "smsreg_enablement_diagnoses_total{result=\"diagnosed\"} " << diagnosed_ << "\n"
      << "smsreg_enablement_diagnoses_total{result=\"rejected\"} " << diagnoseRejected_ << "\n"
      << "# HELP smsreg_http_connections_open Connections accepted and not yet closed.\n"
      << "# TYPE smsreg_http_connections_open gauge\n"
      << "smsreg_http_connections_open " << connections.open.load() << "\n"
      << "# HELP smsreg_http_connections_accepted_total Connections accepted under the cap.\n"
      << "# TYPE smsreg_http_connections_accepted_total counter\n"
      << "smsreg_http_connections_accepted_total " << connections.accepted.load() << "\n"
      << "# HELP smsreg_http_connections_rejected_total Connections refused with 503 over --max-connections.\n"
      << "# TYPE smsreg_http_connections_rejected_total counter\n"
      << "smsreg_http_connections_rejected_total " << connections.rejected.load() << "\n"
      << "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
      << "# TYPE process_resident_memory_bytes gauge\n"
      << "process_resident_memory_bytes " << residentBytes() << "\n";
  return out.str();
}

}  // namespace smsreg::serve
