#include "serve/problem.hpp"

#include <nlohmann/json.hpp>

namespace smsreg::serve {

const char* reasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Server Error" : "Client Error";
  }
}

std::string problemJson(const Problem& problem) {
  nlohmann::ordered_json out;
  // One type URI per code: the code is the problem's identity, the page
  // behind the URI is docs/serve.md's table.
  out["type"] = "https://smsreg.example/problems/" + problem.code;
  out["title"] = reasonPhrase(problem.status);
  out["status"] = problem.status;
  out["detail"] = problem.detail;
  out["code"] = problem.code;
  if (problem.hasLocation) out["instanceLocation"] = problem.instanceLocation;
  // Library messages are UTF-8 already; replace rather than throw on anything else.
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void setProblem(httplib::Response& res, const Problem& problem) {
  res.status = problem.status;
  res.set_content(problemJson(problem), "application/problem+json");
}

}  // namespace smsreg::serve
