// RFC 3339 timestamps for the enablement diagnosis: parsed by hand (no
// std::regex, no locale, no process timezone) into UTC epoch seconds.
#ifndef SMSREG_ENABLEMENT_TIME_HPP
#define SMSREG_ENABLEMENT_TIME_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace smsreg::enablement {

// A point in time: seconds since 1970-01-01T00:00:00Z plus nanoseconds.
struct Instant {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;  // 0 .. 999'999'999

  friend bool operator<(const Instant& a, const Instant& b) {
    return a.seconds != b.seconds ? a.seconds < b.seconds : a.nanos < b.nanos;
  }
  friend bool operator>(const Instant& a, const Instant& b) { return b < a; }
  friend bool operator<=(const Instant& a, const Instant& b) { return !(b < a); }
  friend bool operator==(const Instant& a, const Instant& b) { return a.seconds == b.seconds && a.nanos == b.nanos; }
};

// Parses an RFC 3339 date-time ("2026-11-20T08:00:00Z",
// "2026-11-20T03:00:00.250-05:00"). "T" and "Z" may be lower case (RFC 3339
// section 5.6 NOTE). The date must exist (leap years checked); a leap second
// (:60) is accepted and counts as the next second. Fractions beyond
// nanoseconds are accepted and truncated. Returns false for anything else.
bool parseRfc3339(std::string_view text, Instant& out);

// "2026-11-22T08:00:00Z" (fraction only when non-zero, in milliseconds or
// nanoseconds as needed). Instants outside years 0000-9999 are written as
// the nearest representable second, so the text is always RFC 3339.
std::string formatRfc3339(const Instant& t);

// t + seconds.
Instant addSeconds(const Instant& t, std::int64_t seconds);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_TIME_HPP
