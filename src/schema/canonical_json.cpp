#include "schema/canonical_json.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace smsreg::schema {

namespace {

void appendQuoted(const std::string& s, std::string& out) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void append(const valijson::adapters::Adapter& v, std::string& out) {
  if (v.isNull()) {
    out += "null";
  } else if (v.isBool()) {
    out += v.getBool() ? "true" : "false";
  } else if (v.isInteger()) {
    out += std::to_string(v.getInteger());
  } else if (v.isNumber()) {
    double d = v.getNumber();
    char buf[64];
    if (d == std::floor(d) && std::fabs(d) < 9.2e18) {  // 1e16 equals the integer 10000000000000000
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
    } else {
      std::snprintf(buf, sizeof buf, "%.17g", d);
    }
    out += buf;
  } else if (v.isString()) {
    appendQuoted(v.getString(), out);
  } else if (v.isArray()) {
    out += '[';
    v.applyToArray([&](const valijson::adapters::Adapter& item) {
      append(item, out);
      out += ',';
      return true;
    });
    out += ']';
  } else if (v.isObject()) {
    std::map<std::string, std::string> members;  // sorted: key order never matters
    v.applyToObject([&](const std::string& key, const valijson::adapters::Adapter& item) {
      std::string text;
      append(item, text);
      members.emplace(key, std::move(text));
      return true;
    });
    out += '{';
    for (const auto& [key, text] : members) {
      appendQuoted(key, out);
      out += ':';
      out += text;
      out += ',';
    }
    out += '}';
  }
}

}  // namespace

std::string canonicalJson(const valijson::adapters::Adapter& value) {
  std::string out;
  append(value, out);
  return out;
}

}  // namespace smsreg::schema
