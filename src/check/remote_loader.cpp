#include "check/remote_loader.hpp"

#include <algorithm>
#include <sstream>

#include "input/bounded_json.hpp"
#include "input/file_reader.hpp"
#include "schema/embedded.hpp"

namespace smsreg::check {

namespace {

bool parseDocument(std::string_view text, const Limits& limits, const std::string& uri, nlohmann::json& out,
                   std::string& error) {
  input::ParseError parseError;
  if (!input::parseBounded(text, limits, out, parseError, false)) {
    error = "the document at " + uri + " is not usable JSON: " + parseError.message;
    return false;
  }
  return true;
}

// The path of an http(s) URI inside `dir`, or "" when it has none or would
// climb out of it.
std::string pathUnder(const std::string& dir, const std::string& uri) {
  std::size_t start;
  if (uri.rfind("http://", 0) == 0) {
    start = 7;
  } else if (uri.rfind("https://", 0) == 0) {
    start = 8;
  } else {
    return "";
  }
  std::size_t slash = uri.find('/', start);
  if (slash == std::string::npos) return "";
  std::string path =
      uri.substr(slash + 1, uri.find('?') == std::string::npos ? std::string::npos : uri.find('?') - slash - 1);
  if (path.empty() || path.back() == '/') return "";
  std::stringstream segments(path);
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    if (segment == ".." || segment == "." || segment.empty()) return "";
  }
  return dir + "/" + path;
}

}  // namespace

DocumentLoader makeRemoteLoader(const SchemaCheckOptions& options) {
  return [options](const std::string& uri, nlohmann::json& document, std::string& error) {
    auto mapped = options.remotes.find(uri);
    if (mapped != options.remotes.end()) return parseDocument(mapped->second, options.limits, uri, document, error);
    if (uri == "http://json-schema.org/draft-07/schema" || uri == "https://json-schema.org/draft-07/schema") {
      return parseDocument(embedded::find("meta/draft-07.json"), options.limits, uri, document, error);
    }
    if (options.remotesDir.empty()) return false;
    const std::string path = pathUnder(options.remotesDir, uri);
    if (path.empty()) return false;
    // A regular file only (a FIFO would block forever), read up to one
    // byte past the limit: enough for the parser to refuse it.
    std::string text;
    std::string why;
    bool missing = false;
    if (!input::readFileBounded(path, options.limits.maxBytes, input::FileKind::kRegular, text, why, &missing)) {
      if (missing) return false;  // not served: "cannot resolve" names the $ref
      error = "the document at " + uri + " " + why;
      return false;
    }
    return parseDocument(text, options.limits, uri, document, error);
  };
}

}  // namespace smsreg::check
