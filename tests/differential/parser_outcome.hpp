// What a parse gave, as text that tells apart what dump() does not (number
// types, a float's exact bits, embedded NULs) and includes the whole
// ParseError. Shared by tests/differential/parser_diff.cpp and
// fuzz/fuzz_differential.cpp, which hold parseBounded's simdjson fast path to
// parseBoundedReference (nlohmann's SAX parser alone).
#ifndef SMSREG_TESTS_DIFFERENTIAL_PARSER_OUTCOME_HPP
#define SMSREG_TESTS_DIFFERENTIAL_PARSER_OUTCOME_HPP

#include <cstdint>
#include <cstdio>
#include <string>

#include "input/bounded_json.hpp"

namespace {

using json = nlohmann::json;

// A description of a tree that tells apart what dump() does not: number
// types, the float's exact bits, embedded NULs.
void describe(const json& j, std::string& out) {
  switch (j.type()) {
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      out += "i:" + std::to_string(j.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      out += "u:" + std::to_string(j.get<std::uint64_t>());
      return;
    case json::value_t::number_float: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "f:%a", j.get<double>());
      out += buf;
      return;
    }
    case json::value_t::string: {
      const auto& s = j.get_ref<const json::string_t&>();
      out += "s" + std::to_string(s.size()) + ":" + s;
      return;
    }
    case json::value_t::array:
      out += '[';
      for (const json& item : j) {
        describe(item, out);
        out += ',';
      }
      out += ']';
      return;
    case json::value_t::object:
      out += '{';
      for (const auto& [key, value] : j.items()) {
        out += "k" + std::to_string(key.size()) + ":" + key + "=";
        describe(value, out);
        out += ',';
      }
      out += '}';
      return;
    default:
      out += "?";
  }
}

std::string outcome(bool ok, const json& tree, const smsreg::input::ParseError& e) {
  std::string out = ok ? "ok " : "error ";
  out += e.code + " | " + e.pointer + " | " + e.message + " | " + std::to_string(e.offset) + " | ";
  describe(tree, out);
  return out;
}

}  // namespace

#endif  // SMSREG_TESTS_DIFFERENTIAL_PARSER_OUTCOME_HPP
