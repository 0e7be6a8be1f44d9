// The pages the service serves: `/` (the registration form), `/enablement`,
// and their scripts and styles under /static/, all from web/ compiled in.
#ifndef SMSREG_SERVE_WEB_PAGES_HPP
#define SMSREG_SERVE_WEB_PAGES_HPP

#include <httplib.h>

#include <string>
#include <vector>

namespace smsreg::serve {

// The URL paths with a page or asset behind them.
std::vector<std::string> webPaths();

// Answers GET/HEAD of one of webPaths() with the file, its media type and
// the headers that pin it to the service's own files (CSP, nosniff).
void serveWebFile(const std::string& path, httplib::Response& res);

}  // namespace smsreg::serve

#endif  // SMSREG_SERVE_WEB_PAGES_HPP
