#include "smsreg/report.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string_view>

#include "report/report_json.hpp"
#include "report/text_escape.hpp"

namespace smsreg {

namespace {

// Splits "/a/b/0" into reference tokens; "" has none.
std::vector<std::string_view> tokens(std::string_view pointer) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t start = i + 1;  // skip '/'
    std::size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    out.push_back(pointer.substr(start, end - start));
    i = end;
  }
  return out;
}

bool isDigits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int compareBytes(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Array indices compare as numbers, so /phoneNumbers/10 comes after
// /phoneNumbers/9. The order must be total for std::sort even when object
// keys are digits too: all-digit tokens come first, by value (length without
// leading zeros, then digits, then the raw text), then the rest by bytes.
int compareToken(std::string_view a, std::string_view b) {
  const bool da = isDigits(a), db = isDigits(b);
  if (da != db) return da ? -1 : 1;
  if (!da) return compareBytes(a, b);
  std::string_view va = a.substr(std::min(a.find_first_not_of('0'), a.size() - 1));
  std::string_view vb = b.substr(std::min(b.find_first_not_of('0'), b.size() - 1));
  if (va.size() != vb.size()) return va.size() < vb.size() ? -1 : 1;
  int c = compareBytes(va, vb);
  return c != 0 ? c : compareBytes(a, b);
}

const std::string kEmpty;

// The value a param named `name` finally has: a later param of the same
// name replaces an earlier one in place, as a JSON object's member would.
const Param& lastOfName(const std::vector<Param>& params, std::size_t first) {
  const Param* last = &params[first];
  for (std::size_t j = first + 1; j < params.size(); ++j) {
    if (params[j].name == params[first].name) last = &params[j];
  }
  return *last;
}

void appendParam(std::string& out, const Param& p) {
  switch (p.kind) {
    case Param::Kind::kNumber: {
      char* end = nullptr;
      errno = 0;
      long long v = std::strtoll(p.value.c_str(), &end, 10);
      if (end != nullptr && *end == '\0' && !p.value.empty() && errno == 0) {
        out += std::to_string(v);
      } else {
        report::appendJsonString(out, p.value);
      }
      break;
    }
    case Param::Kind::kList: {
      out += '[';
      for (std::size_t i = 0; i < p.list.size(); ++i) {
        if (i > 0) out += ',';
        report::appendJsonString(out, p.list[i]);
      }
      out += ']';
      break;
    }
    case Param::Kind::kString:
      report::appendJsonString(out, p.value);
      break;
  }
}

void appendFinding(std::string& out, const Finding& f) {
  out += "{\"instanceLocation\":";
  report::appendJsonString(out, f.instanceLocation);
  out += ",\"code\":";
  report::appendJsonString(out, f.code);
  out += ",\"message\":";
  report::appendJsonString(out, f.message);
  out += ",\"params\":{";
  bool first = true;
  for (std::size_t i = 0; i < f.params.size(); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = f.params[j].name == f.params[i].name;
    if (seen) continue;
    if (!first) out += ',';
    first = false;
    report::appendJsonString(out, f.params[i].name);
    out += ':';
    appendParam(out, lastOfName(f.params, i));
  }
  out += "}}";
}

void appendFindings(std::string& out, const std::vector<Finding>& findings) {
  out += '[';
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out += ',';
    appendFinding(out, findings[i]);
  }
  out += ']';
}

}  // namespace

const std::string& Finding::param(const std::string& name) const {
  for (const Param& p : params) {
    if (p.name == name) return p.value;
  }
  return kEmpty;
}

bool findingLess(const Finding& a, const Finding& b) {
  auto ta = tokens(a.instanceLocation);
  auto tb = tokens(b.instanceLocation);
  std::size_t n = std::min(ta.size(), tb.size());
  for (std::size_t i = 0; i < n; ++i) {
    int c = compareToken(ta[i], tb[i]);
    if (c != 0) return c < 0;
  }
  if (ta.size() != tb.size()) return ta.size() < tb.size();
  return a.code < b.code;
}

std::string Report::toJson(const std::string& source) const {
  // Written directly, not through a JSON DOM: under memory pressure a
  // std::bad_alloc leaves only strings to free (see report/text_escape.hpp).
  std::string out = "{";
  if (!source.empty()) {
    out += "\"source\":";
    report::appendJsonString(out, source);
    out += ',';
  }
  out += verified() ? "\"status\":\"VERIFIED\"" : "\"status\":\"NOT_VERIFIED\"";
  out += ",\"errors\":";
  appendFindings(out, errors);
  out += ",\"warnings\":";
  appendFindings(out, warnings);
  out += '}';
  return out;
}

std::string Report::toText(const std::string& source) const {
  // Every piece that can carry user text is escaped: a key or file name with
  // a newline must not forge a verdict line of its own.
  const std::string shown = report::escapeForText(source);
  std::string out = shown + ": " + (verified() ? "VERIFIED" : "NOT_VERIFIED");
  out += " (" + std::to_string(errors.size()) + (errors.size() == 1 ? " error, " : " errors, ") +
         std::to_string(warnings.size()) + (warnings.size() == 1 ? " warning)\n" : " warnings)\n");
  auto line = [&](const char* kind, const Finding& f) {
    out += "  " + shown + ": " + kind + " " +
           (f.instanceLocation.empty() ? "(document)" : report::escapeForText(f.instanceLocation)) + " " + f.code +
           ": " + report::escapeForText(f.message) + "\n";
  };
  for (const Finding& f : errors) line("error", f);
  for (const Finding& f : warnings) line("warning", f);
  return out;
}

namespace report {

nlohmann::ordered_json findingsToJson(const std::vector<Finding>& findings) {
  // One writer for findings: the enablement diagnosis embeds the same text.
  std::string text;
  appendFindings(text, findings);
  return nlohmann::ordered_json::parse(text);
}

}  // namespace report
}  // namespace smsreg
