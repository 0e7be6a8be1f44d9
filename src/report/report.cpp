#include "smsreg/report.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "report/report_json.hpp"

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

std::string escapeText(const std::string& s) {
  // Findings may quote user text; keep each on one line.
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
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
  nlohmann::ordered_json j;
  if (!source.empty()) j["source"] = source;
  nlohmann::ordered_json body = report::reportToJson(*this);
  for (auto& [k, v] : body.items()) j[k] = v;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string Report::toText(const std::string& source) const {
  std::string out = source + ": " + (verified() ? "VERIFIED" : "NOT_VERIFIED");
  out += " (" + std::to_string(errors.size()) + (errors.size() == 1 ? " error, " : " errors, ") +
         std::to_string(warnings.size()) + (warnings.size() == 1 ? " warning)\n" : " warnings)\n");
  auto line = [&](const char* kind, const Finding& f) {
    out += "  " + source + ": " + kind + " " + (f.instanceLocation.empty() ? "(document)" : f.instanceLocation) + " " +
           f.code + ": " + escapeText(f.message) + "\n";
  };
  for (const Finding& f : errors) line("error", f);
  for (const Finding& f : warnings) line("warning", f);
  return out;
}

namespace report {

nlohmann::ordered_json findingToJson(const Finding& f) {
  nlohmann::ordered_json j;
  j["instanceLocation"] = f.instanceLocation;
  j["code"] = f.code;
  j["message"] = f.message;
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  for (const Param& p : f.params) {
    switch (p.kind) {
      case Param::Kind::kNumber: {
        char* end = nullptr;
        long long v = std::strtoll(p.value.c_str(), &end, 10);
        if (end != nullptr && *end == '\0' && !p.value.empty()) {
          params[p.name] = v;
        } else {
          params[p.name] = p.value;
        }
        break;
      }
      case Param::Kind::kList:
        params[p.name] = p.list;
        break;
      case Param::Kind::kString:
        params[p.name] = p.value;
        break;
    }
  }
  j["params"] = std::move(params);
  return j;
}

nlohmann::ordered_json findingsToJson(const std::vector<Finding>& findings) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const Finding& f : findings) a.push_back(findingToJson(f));
  return a;
}

nlohmann::ordered_json reportToJson(const Report& r) {
  nlohmann::ordered_json j;
  j["status"] = r.verified() ? "VERIFIED" : "NOT_VERIFIED";
  j["errors"] = findingsToJson(r.errors);
  j["warnings"] = findingsToJson(r.warnings);
  return j;
}

}  // namespace report
}  // namespace smsreg
