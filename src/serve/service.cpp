#include "serve/service.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "cli/rules_json.hpp"
#include "schema/embedded.hpp"
#include "serve/problem.hpp"
#include "serve/web_pages.hpp"

namespace smsreg::serve {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool isJsonMediaType(const std::string& contentType) {
  return lower(trim(contentType.substr(0, contentType.find(';')))) == "application/json";
}

bool isChunked(const httplib::Request& req) {
  return lower(req.get_header_value("Transfer-Encoding")).find("chunked") != std::string::npos;
}

// Content-Length as a number; false when it is not one (or is given twice
// with different values, a request-smuggling shape).
bool contentLength(const httplib::Request& req, bool& present, std::uint64_t& length) {
  present = req.has_header("Content-Length");
  length = 0;
  if (!present) return true;
  const std::size_t count = req.get_header_value_count("Content-Length");
  const std::string first = trim(req.get_header_value("Content-Length"));
  for (std::size_t i = 1; i < count; ++i) {
    if (trim(req.get_header_value("Content-Length", i)) != first) return false;
  }
  if (first.empty() || first.size() > 19 ||
      !std::all_of(first.begin(), first.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return false;
  }
  length = std::stoull(first);
  return true;
}

void setJson(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_content(std::move(body), "application/json");
}

Problem problem(int status, std::string code, std::string detail) {
  Problem p;
  p.status = status;
  p.code = std::move(code);
  p.detail = std::move(detail);
  return p;
}

}  // namespace

Service::Service(const ServeOptions& options) : options_(options), accessLog_(options.accessLog) {
  if (!accessLog_.ok()) {
    error_ = "cannot open the access log " + options.accessLog;
    return;
  }
  ValidatorOptions vo = options.validator;
  vo.part = Part::kBoth;
  both_ = std::make_unique<Validator>(vo);
  if (!both_->ok()) {
    error_ = both_->error();
    return;
  }
  vo.part = Part::kBrand;
  brand_ = std::make_unique<Validator>(vo);
  vo.part = Part::kCampaign;
  campaign_ = std::make_unique<Validator>(vo);
  EnablementOptions eo;
  eo.limits = options.enablementLimits;
  // account.registration is checked with the service's own rules.
  diagnoser_ = std::make_unique<EnablementDiagnoser>(eo, both_.get());
  rulesJson_ = cli::rulesJson(*both_);
  routes_ = {{"/v1/registrations/validate", Kind::kValidate, true},
             {"/v1/enablement/diagnose", Kind::kDiagnose, true},
             {"/v1/rules", Kind::kRules, false},
             {"/v1/schemas/registration", Kind::kSchema, false},
             {"/healthz", Kind::kHealth, false},
             {"/metrics", Kind::kMetrics, false}};
  for (const std::string& path : webPaths()) routes_.push_back({path, Kind::kWeb, false});
}

const Service::Route* Service::find(const std::string& path) const {
  for (const Route& r : routes_) {
    if (r.path == path) return &r;
  }
  return nullptr;
}

int Service::precheck(const httplib::Request& req, httplib::Response& res) const {
  bool hasLength = false;
  std::uint64_t length = 0;
  const bool lengthOk = contentLength(req, hasLength, length);
  const bool hasBody = isChunked(req) || length > 0 || !lengthOk;
  auto fail = [&](const Problem& p) {
    setProblem(res, p);
    // The body, if any, stays unread: the connection cannot carry another request.
    if (hasBody) HttpServer::closeAfterResponse(res);
    return p.status;
  };
  const Route* route = find(req.path);
  if (route == nullptr) return fail(problem(404, "NOT_FOUND", "No resource at " + req.path + "."));
  const char* allow = route->post ? "POST" : "GET, HEAD";
  if (req.method == "OPTIONS" && !options_.allowOrigins.empty() && req.has_header("Origin")) {
    const std::string origin = req.get_header_value("Origin");
    if (std::find(options_.allowOrigins.begin(), options_.allowOrigins.end(), origin) != options_.allowOrigins.end()) {
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", allow);
      res.set_header("Access-Control-Allow-Headers", "Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
      if (hasBody) HttpServer::closeAfterResponse(res);
      return 204;
    }
  }
  const bool methodOk = route->post ? req.method == "POST" : (req.method == "GET" || req.method == "HEAD");
  if (!methodOk) {
    res.set_header("Allow", allow);
    return fail(
        problem(405, "METHOD_NOT_ALLOWED", req.method + " is not allowed on " + req.path + "; use " + allow + "."));
  }
  if (!lengthOk) return fail(problem(400, "CONTENT_LENGTH_INVALID", "Content-Length is not one decimal number."));
  if (!route->post) return 0;
  if (!isJsonMediaType(req.get_header_value("Content-Type"))) {
    return fail(problem(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
  }
  const std::string encoding = lower(trim(req.get_header_value("Content-Encoding")));
  if (!encoding.empty() && encoding != "identity") {
    // A compressed body could inflate far past the limit; none is accepted.
    return fail(problem(415, "UNSUPPORTED_CONTENT_ENCODING", "Send the body uncompressed (no Content-Encoding)."));
  }
  const std::size_t limit =
      route->kind == Kind::kValidate ? options_.validator.limits.maxBytes : options_.enablementLimits.maxBytes;
  if (hasLength && length > limit) {
    return fail(problem(
        413, "INPUT_TOO_LARGE",
        "The body has " + std::to_string(length) + " bytes; at most " + std::to_string(limit) + " are accepted."));
  }
  return 0;
}

void Service::answerGet(const Route& route, httplib::Response& res) {
  switch (route.kind) {
    case Kind::kRules:
      setJson(res, rulesJson_);
      break;
    case Kind::kSchema:
      setJson(res, std::string(embedded::find("registration.schema.json")));
      break;
    case Kind::kHealth:
      setJson(res, "{\"status\":\"ok\"}");
      break;
    case Kind::kMetrics:
      res.status = 200;
      res.set_content(metrics_.render(server_->counters()), "text/plain; version=0.0.4; charset=utf-8");
      break;
    case Kind::kWeb:
      serveWebFile(route.path, res);
      break;
    default:
      break;
  }
}

void Service::answerPost(const Route& route, const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& reader) {
  const std::size_t limit =
      route.kind == Kind::kValidate ? options_.validator.limits.maxBytes : options_.enablementLimits.maxBytes;
  std::string body;
  bool tooLarge = false;
  // Chunked bodies have no Content-Length to check beforehand: stop reading
  // at the first byte past the limit.
  const bool complete = reader([&](const char* data, std::size_t n) {
    if (body.size() + n > limit) {
      tooLarge = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (tooLarge) {
    HttpServer::closeAfterResponse(res);
    setProblem(res, problem(413, "INPUT_TOO_LARGE", "The body is over " + std::to_string(limit) + " bytes."));
    return;
  }
  if (!complete) {
    HttpServer::closeAfterResponse(res);
    const ConnectionStream* stream = HttpServer::currentStream();
    if (stream != nullptr && stream->timedOut()) {
      setProblem(res, problem(408, "REQUEST_TIMEOUT", "The body did not arrive in time."));
    } else {
      setProblem(res, problem(400, "BODY_UNREADABLE", "The body could not be read (a broken chunked encoding?)."));
    }
    return;
  }
  if (route.kind == Kind::kValidate) {
    answerValidate(req, body, res);
  } else {
    answerDiagnose(body, res);
  }
}

void Service::answerValidate(const httplib::Request& req, const std::string& body, httplib::Response& res) {
  const std::string part = req.get_param_value("part");
  const Validator* validator = part.empty() || part == "both" ? both_.get()
                               : part == "brand"              ? brand_.get()
                               : part == "campaign"           ? campaign_.get()
                                                              : nullptr;
  if (validator == nullptr) {
    setProblem(res, problem(400, "QUERY_PART_INVALID", "part must be brand, campaign or both."));
    return;
  }
  const Report report = validator->validate(body);
  // Input that is not a submission is one INPUT_* error (INTERFACE 2.5): an
  // HTTP error, not a validation outcome.
  if (report.errors.size() == 1 && report.errors[0].code.rfind("INPUT_", 0) == 0) {
    const Finding& f = report.errors[0];
    Problem p = problem(f.code == "INPUT_TOO_LARGE" ? 413 : 400, f.code, f.message);
    p.hasLocation = true;
    p.instanceLocation = f.instanceLocation;
    setProblem(res, p);
    return;
  }
  metrics_.verdict(report.verified());
  setJson(res, report.toJson());
}

void Service::answerDiagnose(const std::string& body, httplib::Response& res) {
  const EnablementResult result = diagnoser_->diagnose(body);
  metrics_.diagnosis(result.ok());
  if (!result.ok()) {
    Problem p = problem(result.error.code == "INPUT_TOO_LARGE" ? 413 : 400, result.error.code, result.error.message);
    p.hasLocation = true;
    p.instanceLocation = result.error.instanceLocation;
    setProblem(res, p);
    return;
  }
  setJson(res, result.toJson());
}

void Service::addCors(const httplib::Request& req, httplib::Response& res) const {
  if (options_.allowOrigins.empty() || !req.has_header("Origin")) return;
  const std::string origin = req.get_header_value("Origin");
  if (std::find(options_.allowOrigins.begin(), options_.allowOrigins.end(), origin) == options_.allowOrigins.end()) {
    return;
  }
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
}

void Service::log(const httplib::Request& req, const httplib::Response& res) {
  const ConnectionStream* stream = HttpServer::currentStream();
  const auto now = std::chrono::steady_clock::now();
  const auto start = stream != nullptr && stream->requestStarted() ? stream->requestStart() : now;
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now - start).count();
  // Metric labels stay bounded whatever clients send: unknown paths are
  // "other", every asset is "/static".
  const Route* route = find(req.path);
  std::string label = "other";
  if (route != nullptr) label = route->path.rfind("/static/", 0) == 0 ? "/static" : route->path;
  // Unknown methods would also grow the label set.
  static const char* const kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  const bool knownMethod = std::find(std::begin(kMethods), std::end(kMethods), req.method) != std::end(kMethods);
  metrics_.request(label, knownMethod ? req.method : "OTHER", res.status, static_cast<double>(micros) / 1e6);
  accessLog_.write(req.method, req.path, res.status, res.body.size(), micros);
}

void Service::install(HttpServer& server) {
  server_ = &server;
  server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (precheck(req, res) != 0) return httplib::Server::HandlerResponse::Handled;
    const Route* route = find(req.path);
    if (route->post) return httplib::Server::HandlerResponse::Unhandled;  // its body is read by the handler
    answerGet(*route, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // curl and others ask before sending a large body: refuse it unsent.
  server.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    const int status = precheck(req, res);
    return status == 0 ? 100 : status;
  });
  // Bodies are read here, not by httplib, so a chunked body stops at the
  // limit. The path reaching httplib's std::regex routing has already
  // matched one of these literal routes exactly in precheck().
  for (const Route& route : routes_) {
    if (!route.post) continue;
    server.Post(route.path,
                [this, &route](const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader) { answerPost(route, req, res, reader); });
  }
  server.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) { addCors(req, res); });
  // httplib's own errors (a bad request line, headers over the cap, a
  // request that outran its deadline) become problems too.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const ConnectionStream* stream = HttpServer::currentStream();
    Problem p;
    if (stream != nullptr && stream->headerTooLarge()) {
      p = problem(431, "HEADERS_TOO_LARGE", "The request line and headers are over the size cap.");
    } else if (stream != nullptr && stream->timedOut()) {
      p = problem(408, "REQUEST_TIMEOUT", "The request did not arrive in time.");
    } else {
      p = problem(res.status, "HTTP_" + std::to_string(res.status), reasonPhrase(res.status));
    }
    setProblem(res, p);
    HttpServer::closeAfterResponse(res);
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    setProblem(res, problem(500, "INTERNAL_ERROR", "The service failed on this request."));
  });
  server.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
}

}  // namespace smsreg::serve
