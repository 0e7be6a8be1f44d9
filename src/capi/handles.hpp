// What the C API's opaque handles are, and the one guard every entry point
// runs its body in, so no C++ exception ever crosses into C.
#ifndef SMSREG_CAPI_HANDLES_HPP
#define SMSREG_CAPI_HANDLES_HPP

#include <memory>
#include <mutex>
#include <new>
#include <string>

#include "smsreg/enablement.hpp"
#include "smsreg/smsreg.h"
#include "smsreg/validator.hpp"

struct smsreg_options {
  smsreg::ValidatorOptions validator;
  smsreg::EnablementOptions enablement;
};

struct smsreg_validator {
  explicit smsreg_validator(const smsreg::ValidatorOptions& options) : validator(options) {}
  smsreg::Validator validator;
};

struct smsreg_report {
  smsreg::Report report;
  // The JSON is written on first request only: most callers walk findings.
  mutable std::once_flag jsonOnce;
  mutable std::string json;
};

struct smsreg_diagnoser {
  // The registration validator must outlive the diagnoser that points to it.
  std::unique_ptr<smsreg::Validator> registration;
  std::unique_ptr<smsreg::EnablementDiagnoser> diagnoser;
};

struct smsreg_diagnosis {
  bool diagnosed = false;
  std::string json;
};

namespace smsreg::capi {

// Records why the calling thread's call failed and returns `status`.
// Never allocates, so it works when memory has run out.
smsreg_status fail(smsreg_status status, const char* message) noexcept;

// Runs `body` (which returns an smsreg_status) and turns any exception into
// a status and a message.
template <class Body>
smsreg_status guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(SMSREG_ERROR_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(SMSREG_ERROR_INTERNAL, e.what());
  } catch (...) {
    return fail(SMSREG_ERROR_INTERNAL, "unknown internal error");
  }
}

// The argument check every accessor starts with.
smsreg_status nullArgument(const char* function) noexcept;

}  // namespace smsreg::capi

#endif  // SMSREG_CAPI_HANDLES_HPP
