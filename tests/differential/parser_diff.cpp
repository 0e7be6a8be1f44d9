// Parser differential (issue 12): parseBounded, whose fast path reads with
// simdjson, against parseBoundedReference, nlohmann's SAX parser alone. Every
// document must give the same answer, the same tree (types included: signed,
// unsigned and float numbers, the float's bits) or the same ParseError (code,
// pointer, message, offset), under several limits and with and without
// requireObject. Also counts how often the fast path took a document, so a
// fast path that silently gave up everywhere shows. Each document is also
// read into the tree the previous one left, disturbed as the validator
// disturbs it (parseFastReusing, as RecycledTree reads), which must make no
// difference either.
//
//   parser_diff --root DIR PATH...
//
// PATH is a file or a folder (walked); a .ndjson file gives one document a
// line. Targeted cases (limits at ±1, duplicate keys, bad UTF-8, surrogates,
// numbers at the edges, ...) are generated below and always run.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "input/bounded_json.hpp"
#include "input/fast_json.hpp"
#include "inputs.hpp"
#include "parser_outcome.hpp"

namespace fs = std::filesystem;
using smsreg::Limits;

namespace {

struct Config {
  const char* name;
  Limits limits;
  bool requireObject;
};

// validate's and check's defaults, a tight set that the targeted cases and
// the corpus run into mid-document, and a depth above the ceiling (512).
const Config kConfigs[] = {
    {"default", Limits{}, true},
    {"any-root", Limits{}, false},
    {"tight", Limits{4096, 6, 40}, true},
    {"tight-any-root", Limits{4096, 6, 40}, false},
    {"ceiling", Limits{std::size_t{1} << 20, 100000, std::size_t{64} << 10}, false},
};

// The tree RecycledTree would keep, one for each config, carried from
// document to document.
json& keptTree(std::size_t config) {
  static json kept[std::size(kConfigs)];
  return kept[config];
}

// Changes a kept tree as the validator's passes do between the parse and the
// next document (members erased, strings rewritten) and more (a value of
// another type, a member added), so the next update meets trees unlike the
// ones it builds.
void disturb(json& tree, std::size_t seed) {
  if (!tree.is_object() || tree.empty()) return;
  auto& members = *tree.get_ptr<json::object_t*>();
  auto it = members.begin();
  std::advance(it, static_cast<std::ptrdiff_t>(seed % members.size()));
  switch (seed % 4) {
    case 0:
      smsreg::input::releaseTree(it->second);
      members.erase(it);
      break;
    case 1:
      it->second = std::string(seed % 50, 'w');
      break;
    case 2:
      it->second = json::array({1, "two", json::object({{"three", 3}})});
      break;
    default:
      members.emplace(std::string(seed % 9, 'q') + "added", json::object({{"x", -1}}));
      break;
  }
}

struct Tally {
  std::size_t compared = 0;
  std::size_t differ = 0;
  std::size_t fast = 0;  // documents the fast path took (default config)
};

void check(const std::string& label, const std::string& text, Tally& tally) {
  for (const Config& c : kConfigs) {
    json a, b;
    smsreg::input::ParseError ea, eb;
    const bool okA = smsreg::input::parseBounded(text, c.limits, a, ea, c.requireObject);
    const bool okB = smsreg::input::parseBoundedReference(text, c.limits, b, eb, c.requireObject);
    const std::string got = outcome(okA, a, ea);
    const std::string want = outcome(okB, b, eb);
    ++tally.compared;
    if (got != want) {
      ++tally.differ;
      std::cout << "DIFFERS: " << label << " [" << c.name << "]\n  fast path: " << got.substr(0, 400)
                << "\n  reference: " << want.substr(0, 400) << "\n";
    }
    if (&c == &kConfigs[0]) {
      json f;
      if (smsreg::input::parseFast(text, c.limits, f, c.requireObject)) ++tally.fast;
    }
    // Read as RecycledTree reads: into the previous document's tree, the
    // reference parser when the fast path gives up.
    const std::size_t config = static_cast<std::size_t>(&c - kConfigs);
    json& kept = keptTree(config);
    smsreg::input::ParseError ek;
    const bool okK = smsreg::input::parseFastReusing(text, c.limits, kept, c.requireObject) ||
                     smsreg::input::parseBoundedReference(text, c.limits, kept, ek, c.requireObject);
    const std::string reused = outcome(okK, kept, ek);
    if (reused != want) {
      ++tally.differ;
      std::cout << "DIFFERS: " << label << " [" << c.name
                << ", into the last tree]\n  fast path: " << reused.substr(0, 400)
                << "\n  reference: " << want.substr(0, 400) << "\n";
    }
    disturb(kept, tally.compared + text.size());
    smsreg::input::releaseTree(a);
    smsreg::input::releaseTree(b);
  }
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string nestedArrays(std::size_t levels) { return repeat("[", levels) + "1" + repeat("]", levels); }
std::string nestedObjects(std::size_t levels) { return repeat("{\"a\":", levels) + "1" + repeat("}", levels); }

// Documents at and around every limit and every special case of the
// reference parser. Sizes are around the tight config (depth 6, strings 40,
// 4096 bytes), the defaults (64, 64 KiB) and the ceiling (512).
std::vector<std::pair<std::string, std::string>> targetedCases() {
  std::vector<std::pair<std::string, std::string>> cases;
  auto add = [&cases](const std::string& name, const std::string& text) { cases.emplace_back(name, text); };

  for (std::size_t levels : {5, 6, 7, 63, 64, 65, 511, 512, 513}) {
    add("arrays nested " + std::to_string(levels), nestedArrays(levels));
    add("objects nested " + std::to_string(levels), nestedObjects(levels));
    add("array in object nested " + std::to_string(levels), "{\"x\":" + nestedArrays(levels - 1) + "}");
  }
  for (std::size_t n : {0, 1, 39, 40, 41, 65535, 65536, 65537}) {
    const std::string s(n, 'x');
    add("string of " + std::to_string(n), "{\"a\":\"" + s + "\"}");
    add("key of " + std::to_string(n), "{\"" + s + "\":1}");
    add("string of " + std::to_string(n) + " in an array", "{\"a\":[1,\"" + s + "\"]}");
  }
  for (std::size_t n : {19, 20, 21}) {  // 2 bytes a character once decoded
    add("escaped string of " + std::to_string(2 * n), "{\"a\":\"" + repeat("\\u00e9", n) + "\"}");
    add("UTF-8 string of " + std::to_string(2 * n), "{\"a\":\"" + repeat("\xC3\xA9", n) + "\"}");
  }
  for (std::size_t size : {4095, 4096, 4097, 65535, 65536, 65537}) {
    const std::string head = "{\"a\":\"", tail = "\"}";
    add("document of " + std::to_string(size), head + std::string(size - head.size() - tail.size(), 'y') + tail);
    add("padded document of " + std::to_string(size), "{}" + std::string(size - 2, ' '));
  }
  const char* dupes[] = {
      R"({"a":1,"a":2})", R"({"a":1,"b":{"c":1,"c":1}})", R"({"a":[{"x":1},{"y":1,"y":2}]})", R"({"a\u0062":1,"ab":2})",
      R"({"":1,"":2})",   R"({"a/b~c":{"d":1,"d":2}})"};
  for (const char* d : dupes) add(std::string("duplicate ") + d, d);
  const char* utf8[] = {"\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",
                        "\xC3", "\xE2\x82", "\xFF",         "\xC3\xA9"};
  for (const char* u : utf8) {
    add(std::string("UTF-8 in a string ") + u, std::string("{\"a\":\"") + u + "\"}");
    add(std::string("UTF-8 in a key ") + u, std::string("{\"") + u + "\":1}");
    add(std::string("UTF-8 outside strings ") + u, std::string("{\"a\":1}") + u);
  }
  const char* escapes[] = {"\\uD800",
                           "\\uDC00",
                           "\\uD800\\u0041",
                           "\\uD800x",
                           "\\uDBFF\\uDFFF",
                           "\\uD83D\\uDE00",
                           "\\uDE00\\uD83D",
                           "\\u0000",
                           "a\\u0000b",
                           "\\u001f",
                           "\\x",
                           "\\u12",
                           "\\uZZZZ",
                           "\\/\\b\\f\\n",
                           "\x01",
                           "\x1f",
                           "\x7f",
                           "\t",
                           "\\\"",
                           "\\"};
  for (const char* e : escapes) {
    add(std::string("escape in a string ") + e, std::string("{\"a\":\"") + e + "\"}");
    add(std::string("escape in a key ") + e, std::string("{\"") + e + "\":1}");
  }
  const char* numbers[] = {"0",
                           "-0",
                           "-0.0",
                           "0.0",
                           "-0e0",
                           "1",
                           "1.0",
                           "1e0",
                           "1E+2",
                           "1e-2",
                           "-1",
                           "1e400",
                           "-1e400",
                           "1e-400",
                           "-1e-400",
                           "5e-324",
                           "2.2250738585072011e-308",
                           "1.7976931348623157e308",
                           "1.7976931348623159e308",
                           "0.1",
                           "3.141592653589793238462643383279502884197",
                           "123456789012345678901234567890",
                           "9223372036854775807",
                           "9223372036854775808",
                           "18446744073709551615",
                           "18446744073709551616",
                           "-9223372036854775808",
                           "-9223372036854775809",
                           "-18446744073709551616",
                           "0e999999999999999999999",
                           "1e999999999999999999999",
                           "01",
                           "-01",
                           "1.",
                           ".5",
                           "+1",
                           "-",
                           "1e",
                           "1x",
                           "NaN",
                           "Infinity"};
  for (const char* n : numbers) {
    add(std::string("number ") + n, std::string("{\"n\":") + n + "}");
    add(std::string("number in an array ") + n, std::string("{\"n\":[") + n + ",2]}");
    add(std::string("number with -0 elsewhere ") + n, std::string("{\"d\":\"2024-05-01\",\"n\":") + n + "}");
    add(std::string("number as the root ") + n, n);
  }
  const std::string shapes[] = {"",
                                " ",
                                " \t\r\n",
                                "\xEF\xBB\xBF{}",
                                "\xEF\xBB\xBF",
                                "{}",
                                "{} ",
                                "{} x",
                                "{}{}",
                                "{},",
                                "[]",
                                "[1,2]",
                                "null",
                                "true",
                                "false",
                                "\"text\"",
                                "{",
                                "}",
                                "{\"a\"}",
                                "{\"a\":}",
                                "{\"a\":1,}",
                                "[1,]",
                                "{\"a\":1 \"b\":2}",
                                "{'a':1}",
                                "{\"a\":tru}",
                                "{\"a\":nul}",
                                "{\"a\":\"unterminated}",
                                std::string("{\"a\":1}\0", 8),
                                std::string("{\"a\":\0}", 7),
                                std::string("\0{}", 3),
                                std::string("{\"a\":\"x\0y\"}", 11),
                                "\v{}",
                                "\f{}",
                                "{\"a\":[1,{\"b\":[true,false,null,\"x\"]}],\"c\":{}}"};
  for (const std::string& s : shapes) add("shape " + s, s);
  // In turn, each read into the tree of the one before (keptTree): members
  // kept, added, dropped and retyped, strings and arrays grown and shrunk,
  // keys alike in their first seven bytes, an object over the sorted size.
  std::string wide = "{";
  for (int i = 0; i < 300; ++i)
    wide += (i ? ",\"k" : "\"k") + std::to_string((i * 7919) % 1000) + "\":" + std::to_string(i);
  wide += "}";
  const std::string sequence[] = {
      R"({"a":"short","b":[1,2,3],"c":{"d":1}})",
      R"({"a":"a much longer string than the one before, which needs a buffer of its own","b":[1],"c":{"d":"x","e":2}})",
      R"({"a":"tiny","b":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],"c":{"e":2,"d":"x"}})",
      R"({"a":1,"b":{"x":[]},"c":[{"d":1}]})",
      R"({"b":[[1],[2,[3]],{}],"a":null,"z":{"d":{"e":{"f":1}}}})",
      R"({"b":[1],"a":-5,"z":{"d":{"e":{"f":-0.5}}}})",
      R"({"c":{},"a":"","b":[]})",
      R"({"subscriberOptin":1,"subscriberHelp":2,"subscriberOptout":3,"subscriber":4,"subscri":5,"subscrj":6})",
      R"({"subscri":"5","subscriberOptout":[3],"subscriberHelp":2,"subscriberZ":0})",
      R"({"subscriberOptout":1,"subscriberHelp":2,"subscriberOptout":3})",
      R"({"subscriberHelp":2,"subscriberOptout":3})",
      wide,
      R"({"k5":1,"k7":2})",
      wide,
      wide.substr(0, wide.size() - 1) + ",\"k0\":1}",
      wide,
      R"({"x":[{"a":1,"b":2},{"a":1,"b":2}]})",
      R"({"x":[{"b":2,"c":3},{"a":1,"a":2}]})",
      R"({"x":[{"b":2,"c":3},{"a":"-0"}]})",
      R"({"x":[{"b":2,"c":3},{"a":-0}]})",
      R"({"x":[{"b":2,"c":3},{"a":0}]})",
      R"([{"b":2,"c":3},{"a":0}])",
      R"({"x":[{"b":2,"c":3},{"a":0}]})",
  };
  for (const std::string& s : sequence) add("in turn " + s.substr(0, 60), s);
  return cases;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = ".";
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--root" && i + 1 < argc)
      root = argv[++i];
    else
      paths.emplace_back(a);
  }
  Tally files, targeted;
  for (const fs::path& p : paths)
    differential::forEachDocument(
        root, p, [&](const std::string& label, const std::string& text) { check(label, text, files); });
  for (const auto& [name, text] : targetedCases()) check(name, text, targeted);
  std::cout << "parser_diff: " << files.compared << " parses of files and " << targeted.compared
            << " of targeted cases compared, " << files.differ + targeted.differ << " differ; the fast path took "
            << files.fast << " of " << files.compared / std::size(kConfigs) << " files and " << targeted.fast << " of "
            << targeted.compared / std::size(kConfigs) << " targeted cases\n";
  if (files.differ + targeted.differ != 0) return 1;
  // A fast path that gave up on every registration would pass the above.
  if (!paths.empty() && files.fast == 0) {
    std::cout << "parser_diff: the fast path took no document\n";
    return 1;
  }
  return 0;
}
