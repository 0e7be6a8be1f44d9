// The service behind `smsreg serve`: the route table of INTERFACE section 6,
// the checks made before a body is read (404, 405, 415, 413), the handlers,
// and the access log and metrics every answer passes through.
#ifndef SMSREG_SERVE_SERVICE_HPP
#define SMSREG_SERVE_SERVICE_HPP

#include <memory>
#include <string>
#include <vector>

#include "serve/access_log.hpp"
#include "serve/http_server.hpp"
#include "serve/metrics.hpp"
#include "serve/serve.hpp"
#include "smsreg/enablement.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::serve {

class Service {
 public:
  // Builds one validator per part (?part= chooses) and one diagnoser,
  // shared by every request; all are safe to call from many threads.
  explicit Service(const ServeOptions& options);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Registers the handlers, hooks and log on `server`.
  void install(HttpServer& server);

 private:
  enum class Kind { kValidate, kDiagnose, kRules, kSchema, kHealth, kMetrics, kWeb };
  struct Route {
    std::string path;
    Kind kind;
    bool post;  // POST with a JSON body; otherwise GET (and HEAD)
  };

  const Route* find(const std::string& path) const;
  // The checks made before the body: 0 when the request may go on, else the
  // error status with `res` filled in.
  int precheck(const httplib::Request& req, httplib::Response& res) const;
  void answerGet(const Route& route, httplib::Response& res);
  void answerPost(const Route& route, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader);
  void answerValidate(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void answerDiagnose(const std::string& body, httplib::Response& res);
  void addCors(const httplib::Request& req, httplib::Response& res) const;
  void log(const httplib::Request& req, const httplib::Response& res);

  ServeOptions options_;
  std::string error_;
  std::unique_ptr<Validator> both_;
  std::unique_ptr<Validator> brand_;
  std::unique_ptr<Validator> campaign_;
  std::unique_ptr<EnablementDiagnoser> diagnoser_;
  std::string rulesJson_;
  std::vector<Route> routes_;
  HttpServer* server_ = nullptr;
  Metrics metrics_;
  AccessLog accessLog_;
};

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_SERVICE_HPP
