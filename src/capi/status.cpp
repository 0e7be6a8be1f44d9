// The per-thread error message of the C API, and smsreg_version().
#include <cstdio>
#include <cstring>

#include "capi/handles.hpp"
#include "smsreg/version.hpp"

namespace {

// A fixed buffer: recording an out-of-memory failure must not allocate.
thread_local char lastError[1024] = "";

}  // namespace

namespace smsreg::capi {

smsreg_status fail(smsreg_status status, const char* message) noexcept {
  std::strncpy(lastError, message != nullptr ? message : "", sizeof lastError - 1);
  lastError[sizeof lastError - 1] = '\0';
  return status;
}

smsreg_status nullArgument(const char* function) noexcept {
  std::snprintf(lastError, sizeof lastError, "%s: a required pointer argument is NULL", function);
  return SMSREG_ERROR_ARGUMENT;
}

}  // namespace smsreg::capi

extern "C" {

const char* smsreg_version(void) { return SMSREG_VERSION_STRING; }

const char* smsreg_last_error(void) { return lastError; }

}  // extern "C"
