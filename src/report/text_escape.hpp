// Safe text for the CLI's people-facing output and streaming JSON writing.
//
// Text output is read line by line, by people and by scripts: a key name or
// file name that carries a newline must not be able to forge a line such as
// "fake.json: VERIFIED", nor a terminal escape sequence reach the screen.
#ifndef SMSREG_REPORT_TEXT_ESCAPE_HPP
#define SMSREG_REPORT_TEXT_ESCAPE_HPP

#include <string>
#include <string_view>

namespace smsreg::report {

// `text` with every control character (C0, DEL, C1 and the Unicode line and
// paragraph separators) written as a visible escape: \n, \r, \t, \u001b...
std::string escapeForText(std::string_view text);

// Appends `text` to `out` as a JSON string (quoted, escaped; bytes that are
// not UTF-8 become U+FFFD). Writing JSON text directly, instead of building
// a DOM and dumping it, means a failed allocation leaves nothing behind
// whose teardown could allocate again.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace smsreg::report

#endif  // SMSREG_REPORT_TEXT_ESCAPE_HPP
