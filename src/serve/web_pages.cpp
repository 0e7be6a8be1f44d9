#include "serve/web_pages.hpp"

#include "serve/web_files.hpp"

namespace smsreg::serve {

namespace {

// Scripts, styles, fetches and images only from this origin; no inline
// script or style, no plugins, no framing, forms post only here.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

bool endsWith(const std::string_view s, const std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const char* mediaType(std::string_view file) {
  if (endsWith(file, ".html")) return "text/html; charset=utf-8";
  if (endsWith(file, ".js")) return "text/javascript; charset=utf-8";
  if (endsWith(file, ".css")) return "text/css; charset=utf-8";
  if (endsWith(file, ".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

// URL path → file in web/: the two pages by name, assets as they lie.
std::string fileFor(const std::string& path) {
  if (path == "/") return "form.html";
  if (path == "/enablement") return "enablement.html";
  if (path.rfind("/static/", 0) == 0) return path.substr(1);
  return {};
}

}  // namespace

std::vector<std::string> webPaths() {
  std::vector<std::string> paths;
  for (const web::File& f : web::files()) {
    if (f.path == "form.html") {
      paths.emplace_back("/");
    } else if (f.path == "enablement.html") {
      paths.emplace_back("/enablement");
    } else if (f.path.rfind("static/", 0) == 0) {
      paths.push_back("/" + std::string(f.path));
    }
  }
  return paths;
}

void serveWebFile(const std::string& path, httplib::Response& res) {
  const std::string file = fileFor(path);
  for (const web::File& f : web::files()) {
    if (f.path != file) continue;
    res.status = 200;
    res.set_content(f.text.data(), f.text.size(), mediaType(f.path));
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-cache");
    return;
  }
  res.status = 404;
}

}  // namespace smsreg::serve
