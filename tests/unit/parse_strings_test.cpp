// The parse tells the normalising step which string values are not plain
// ASCII (issue 12): the fast path lists them (NonPlainStrings), the validator
// asks normalising about those alone instead of walking the tree, and
// tidyKeywordLists says when it writes a string the parse did not read.
// Each must answer as the definitions do: plainAscii as plainRun, the list
// as a walk of the tree, a report as the one the walk gives.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "input/fast_json.hpp"
#include "input/plain_text.hpp"
#include "input/recycled_tree.hpp"
#include "registration/tidy.hpp"
#include "smsreg/validator.hpp"

namespace {

using nlohmann::json;
namespace input = smsreg::input;

// The string values (not keys) of `tree` that are not plain, in the order
// written is not kept by the tree: compared as sorted lists.
void nonPlainByWalk(const json& tree, std::vector<std::string>& out) {
  if (tree.is_string()) {
    const std::string& s = tree.get_ref<const std::string&>();
    if (input::plainRun(s, 0) != s.size()) out.push_back(s);
  } else if (tree.is_structured()) {
    for (const json& child : tree) nonPlainByWalk(child, out);
  }
}

std::string readFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("plainAscii answers as plainRun over the whole text", "[plain_text]") {
  const char palette[] = {'a', 'Z', ' ', '~', '\x7F', '\t', '\n', '\r', '\x01', '\x1F', '\x80', '\xC3', '\xA9', '\xFF'};
  std::uint32_t seed = 77;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    const unsigned length = next() % 40;
    // Mostly plain, so that one odd byte at any place is met.
    for (unsigned k = 0; k < length; ++k) text += next() % 8 == 0 ? palette[next() % sizeof palette] : 'q';
    INFO(round);
    REQUIRE(input::plainAscii(text) == (input::plainRun(text, 0) == text.size()));
  }
}

TEST_CASE("the fast parse lists exactly the string values that are not plain", "[plain_text]") {
  const std::string documents[] = {
      R"({"a":"plain","b":"caf\u00e9","c":["x","\u2713 done",1,{"d":"tab\there"}],"\u00e9":"key not listed"})",
      R"({"a":"line\nbreak","b":"bell\u0007","c":"\u00ff","d":"\ufb01ne","e":null,"f":true,"g":-1.5})",
      "{\"a\":\"caf\xC3\xA9\",\"b\":[\"\xE2\x9C\x93\",\"ok\"],\"c\":{\"d\":{\"e\":\"\\b\\f\"}}}",
      R"({"a":"","b":"1234567","c":"12345678","d":"123456789","e":"\u001f"})",
      R"({"a":"plain","b":"caf\u00e9","c":["x","\u2713 done",1,{"d":"tab\there"}],"\u00e9":"key not listed"})",
  };
  json kept;  // updated in place from one document to the next, as RecycledTree's
  input::NonPlainStrings listed;
  for (const std::string& text : documents) {
    INFO(text);
    REQUIRE(input::parseFastReusing(text, smsreg::Limits{}, kept, true, &listed));
    std::vector<std::string> walked, got(listed.begin(), listed.end());
    nonPlainByWalk(kept, walked);
    std::sort(walked.begin(), walked.end());
    std::sort(got.begin(), got.end());
    CHECK(got == walked);
  }
  input::releaseTree(kept);
}

TEST_CASE("tidyKeywordLists says when it writes a list that is not plain", "[plain_text][tidy]") {
  auto tidied = [](const std::string& list, bool& wroteOther) {
    json document = {{"campaign", {{"helpKeywords", list}, {"optinKeywords", "START"}}}};
    wroteOther = smsreg::registration::tidyKeywordLists(document);
    return document["campaign"]["helpKeywords"].get<std::string>();
  };
  bool wroteOther = true;
  CHECK(tidied("HELP,INFO", wroteOther) == "HELP,INFO");
  CHECK_FALSE(wroteOther);
  CHECK(tidied("HELP, INFO ,", wroteOther) == "HELP,INFO");
  CHECK_FALSE(wroteOther);
  CHECK(tidied("HELP,\u00A0AIDE", wroteOther) == "HELP,AIDE");  // a no-break space goes
  CHECK_FALSE(wroteOther);
  CHECK(tidied("AIDE, CAF\u00C9", wroteOther) == "AIDE,CAF\u00C9");
  CHECK(wroteOther);
}

// What the validator gives when the parse lists the strings (a document of
// up to 16 KiB, read by the fast path into the kept tree) and when it does
// not (the same document padded past that: the reference parser, and the
// walk): the same report, whatever the strings hold.
TEST_CASE("reports are the same whether the parse lists the strings or the tree is walked", "[plain_text]") {
  const smsreg::Validator validator;
  REQUIRE(validator.ok());
  const std::string base = readFile(SMSREG_SOURCE_DIR "/examples/registration-us.json");
  REQUIRE(base.size() < (16u << 10));
  const std::string texts[] = {"Plain text only.", "Caf\\u00e9 \\u2713 as written.", "Fullwidth \\uff33TOP and \\ufb01",
                               "Zero\\u200bwidth and \\u201cquotes\\u201d", "Tab\\tand line\\nbreak"};
  const std::string fields[] = {"\"sample1\": \"", "\"helpKeywords\": \"", "\"displayName\": \""};
  for (const std::string& field : fields) {
    for (const std::string& text : texts) {
      std::string document = base;
      const std::size_t at = document.find(field);
      REQUIRE(at != std::string::npos);
      const std::size_t start = at + field.size();
      document.replace(start, document.find('"', start) - start, text);
      std::string padded = document;
      padded.append(std::size_t{17} << 10, ' ');
      INFO(document);
      const std::string fast = validator.validate(document).toJson();
      CHECK(fast == validator.validate(padded).toJson());
      CHECK(fast == validator.validate(document).toJson());  // the kept tree again
    }
  }
}
