// src/rules/member_index.hpp answers the rules' pointers exactly as walking
// the tree does (input::findPointer), or declines them.
#include "rules/member_index.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "input/json_pointer.hpp"

namespace {

using nlohmann::json;

// Every pointer the index answers gets findPointer's answer.
void requireSameAnswers(const json& root, const std::vector<std::string>& pointers, bool expectAnswered) {
  const smsreg::rules::MemberIndex index(root);
  for (const std::string& pointer : pointers) {
    INFO(root.dump() << " " << pointer);
    const json* member = &root;  // find must overwrite it when it answers
    const bool answered = index.find(pointer, member);
    CHECK(answered == expectAnswered);
    if (answered) CHECK(member == smsreg::input::findPointer(root, pointer));
  }
}

}  // namespace

TEST_CASE("member index: the brand's and the campaign's fields, present or not", "[member_index]") {
  const json doc = json::parse(R"({"brand": {"displayName": "Brightside", "": 1, "ein": "12-3456789"},
                                   "campaign": {"sample1": "Hi", "embeddedLink": true, "subUsecases": ["A"]},
                                   "other": {"x": 1}})");
  requireSameAnswers(doc,
                     {"/brand/displayName", "/brand/", "/brand/ein", "/brand/missing", "/campaign/sample1",
                      "/campaign/embeddedLink", "/campaign/subUsecases", "/campaign/sample5", "/campaign/displayName"},
                     true);
}

TEST_CASE("member index: declines what it does not hold", "[member_index]") {
  const json doc = json::parse(R"({"brand": {"a/b": 1, "m~n": 2}, "campaign": {"subUsecases": ["A", "B"]},
                                   "other": {"x": 1}})");
  // Escapes, nested pointers, other parts and the root: the caller walks them.
  requireSameAnswers(doc, {"/brand/a~1b", "/brand/m~0n", "/campaign/subUsecases/1", "/other/x", "", "/", "/brand"},
                     false);
  // A part that is not an object is not indexed.
  requireSameAnswers(json::parse(R"({"brand": "x", "campaign": [1]})"), {"/brand/x", "/campaign/0"}, false);
  requireSameAnswers(json::parse(R"([{"brand": {}}])"), {"/brand/x"}, false);
}

TEST_CASE("member index: a document with many unknown keys is walked, not indexed", "[member_index]") {
  json doc = {{"brand", json::object()}, {"campaign", json::object()}};
  for (int i = 0; i < 200; ++i) doc["campaign"]["extra" + std::to_string(i)] = i;
  requireSameAnswers(doc, {"/campaign/extra7", "/brand/x"}, false);
  // Just under the limit every member is found, whatever the probe order.
  json full = {{"brand", json::object()}, {"campaign", json::object()}};
  std::vector<std::string> pointers;
  for (int i = 0; i < 96; ++i) {
    const std::string part = i % 2 == 0 ? "brand" : "campaign";
    full[part]["k" + std::to_string(i)] = i;
    pointers.push_back("/" + part + "/k" + std::to_string(i));
    pointers.push_back("/" + part + "/k" + std::to_string(i + 1000));
  }
  requireSameAnswers(full, pointers, true);
}

TEST_CASE("member index: keys the hash cannot tell apart, in both parts", "[member_index]") {
  // The hash reads a key's length and three of its bytes: these differ only
  // elsewhere, so every one shares a hash with every other of its part.
  json doc = {{"brand", json::object()}, {"campaign", json::object()}};
  std::vector<std::string> pointers;
  // Short and long ones: differing in the first word, the last, or both.
  for (const std::string& fill : {std::string(), std::string(9, 'f'), std::string(13, 'g')}) {
    for (char a = 'a'; a <= 'e'; ++a) {
      for (char b = 'a'; b <= 'e'; ++b) {
        const std::string key = std::string("k") + a + fill + "m" + fill + b + "z";
        doc[a < 'c' ? "brand" : "campaign"][key] = key;
        pointers.push_back("/brand/" + key);
        pointers.push_back("/campaign/" + key);
      }
    }
  }
  requireSameAnswers(doc, pointers, true);
}

TEST_CASE("member index: a key with '/' or '~' is never taken for a plain pointer", "[member_index]") {
  // "/brand/a/b" names b inside a, not the member "a/b"; both exist here.
  const json doc = json::parse(R"({"brand": {"a/b": 1, "a": {"b": 2}, "m~n": 3, "m": 4},
                                   "campaign": {"x~1y": 5, "x": {"~1y": 6}}})");
  requireSameAnswers(
      doc, {"/brand/a/b", "/brand/a~1b", "/brand/m~0n", "/brand/m~n", "/campaign/x~1y", "/campaign/x/~1y"}, false);
  requireSameAnswers(doc, {"/brand/a", "/brand/m", "/campaign/x", "/campaign/y"}, true);
  // Past the first eight bytes too, which are looked at a word at a time.
  const json longer = json::parse(R"({"brand": {"abcdefghij/k": 1, "abcdefghij": {"k": 2}, "abcdefgh~0": 3},
                                      "campaign": {"abcdefghijklmnop": 4}})");
  requireSameAnswers(longer,
                     {"/brand/abcdefghij/k", "/brand/abcdefgh~0", "/brand/abcdefgh~", "/campaign/abcdefghijklmnop/x",
                      "/campaign/abcdefghijklmno/"},
                     false);
  requireSameAnswers(longer, {"/brand/abcdefghij", "/brand/abcdefgh", "/campaign/abcdefghijklmnop"}, true);
}

TEST_CASE("member index: every key length, a '/' or '~' or a difference at every byte", "[member_index]") {
  // Keys are read a word at a time, short ones as two overlapping halves or
  // byte by byte: each length from 0 to 17, each position, is met here.
  for (std::size_t length = 0; length <= 17; ++length) {
    std::string key;
    for (std::size_t i = 0; i < length; ++i) key += static_cast<char>('a' + i);
    json doc = {{"brand", {{key, 1}}}, {"campaign", json::object()}};
    std::vector<std::string> found = {"/brand/" + key}, walked;
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = key;
      other[at] = 'Z';  // absent: differs in this byte only
      found.push_back("/brand/" + other);
      for (const char special : {'/', '~'}) {
        std::string odd = key;
        odd[at] = special;
        doc["campaign"][odd] = 2;  // never indexed, never taken for plain
        walked.push_back("/campaign/" + odd);
      }
    }
    INFO("length " << length);
    requireSameAnswers(doc, found, true);
    requireSameAnswers(doc, walked, false);
  }
}
