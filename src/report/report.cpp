#include "smsreg/report.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string_view>

#include "report/report_json.hpp"
#include "report/text_escape.hpp"

namespace smsreg {

namespace {

// The reference token that starts at `pos` (a '/') of `pointer`; moves
// `pos` to the next '/' or the end. Sorting a report compares pointers
// often, so they are walked in place rather than split into vectors.
std::string_view nextToken(std::string_view pointer, std::size_t& pos) {
  const std::size_t start = pos + 1;  // skip '/'
  std::size_t end = pointer.find('/', start);
  if (end == std::string_view::npos) end = pointer.size();
  pos = end;
  return pointer.substr(start, end - start);
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
  const std::string_view pa = a.instanceLocation, pb = b.instanceLocation;
  if (pa != pb) {
    std::size_t ia = 0, ib = 0;
    while (ia < pa.size() && ib < pb.size()) {
      const int c = compareToken(nextToken(pa, ia), nextToken(pb, ib));
      if (c != 0) return c < 0;
    }
    // One pointer is a prefix of the other, token for token: the shorter first.
    const bool aDone = ia >= pa.size(), bDone = ib >= pb.size();
    if (aDone != bDone) return aDone;
  }
  return a.code < b.code;
}

std::string Report::toJson(const std::string& source) const {
  // Written directly, not through a JSON DOM: under memory pressure a
  // std::bad_alloc leaves only strings to free (see report/text_escape.hpp).
  // Sized once from the findings (escapes aside), so the text is not
  // copied through a dozen regrowths on its way to a few kilobytes.
  std::size_t size = 64 + source.size();
  for (const auto* list : {&errors, &warnings}) {
    for (const Finding& f : *list) {
      size += 64 + f.instanceLocation.size() + f.code.size() + f.message.size();
      for (const Param& p : f.params) {
        size += 8 + p.name.size() + p.value.size();
        for (const std::string& item : p.list) size += 3 + item.size();
      }
    }
  }
  std::string out;
  out.reserve(size);
  out += '{';
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
