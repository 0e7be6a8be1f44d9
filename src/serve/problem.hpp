// RFC 9457 problem details: every error answer of the service.
#ifndef SMSREG_SERVE_PROBLEM_HPP
#define SMSREG_SERVE_PROBLEM_HPP

#include <httplib.h>

#include <string>

namespace smsreg::serve {

struct Problem {
  int status = 500;
  std::string code;    // stable UPPER_SNAKE_CASE, as the library's codes
  std::string detail;  // English for people
  bool hasLocation = false;
  std::string instanceLocation;  // JSON Pointer into the request body
};

// The reason phrase of an HTTP status ("Payload Too Large").
const char* reasonPhrase(int status);

// `{"type", "title", "status", "detail", "code"[, "instanceLocation"]}`.
std::string problemJson(const Problem& problem);

// Sets status, the problem body and its media type on `res`.
void setProblem(httplib::Response& res, const Problem& problem);

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_PROBLEM_HPP
