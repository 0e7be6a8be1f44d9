// The files of web/ (the form and enablement pages), compiled into smsreg by
// cmake/embed_files.cmake, so the service needs no files at run time.
#ifndef SMSREG_SERVE_WEB_FILES_HPP
#define SMSREG_SERVE_WEB_FILES_HPP

#include <string_view>
#include <vector>

namespace smsreg::serve::web {

struct File {
  std::string_view path;  // relative to web/, e.g. "static/form.js"
  std::string_view text;
};

const std::vector<File>& files();

}  // namespace smsreg::serve::web

#endif  // SMSREG_SERVE_WEB_FILES_HPP
