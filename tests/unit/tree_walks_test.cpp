// The shortcuts in building and walking a submission's tree (issue 12), each
// held to the plain way: the simdjson copy's sorted inserts (into a new tree
// or the last document's) to nlohmann's reference parser, alreadyTidy to
// tidyKeywordList, prepareSubmission's one pass to the three passes it
// replaced (written out here), and the rules' pointer walk to findPointer.
#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "input/bounded_json.hpp"
#include "input/fast_json.hpp"
#include "input/json_pointer.hpp"
#include "registration/field_catalogue.hpp"
#include "registration/schema_findings.hpp"
#include "registration/tidy.hpp"
#include "rules/content_data.hpp"
#include "rules/rule_context.hpp"
#include "schema/embedded.hpp"

namespace {

using nlohmann::json;

// Keys that order differently by their first eight bytes and by the rest,
// share prefixes, are empty, or hold bytes above 0x7F (std::map orders
// them as unsigned).
const std::vector<std::string> kKeys = {
    "sample1",           "sample10", "sample1x", "optinKeywords", "optinMessage", "", "a",
    "\xC3\xA9t\xC3\xA9", "Z",        "zz",       "abcdefgh",      "abcdefgha"};

std::string jsonText(const std::string& s) { return json(s).dump(); }

}  // namespace

TEST_CASE("tree walks: the fast parser's tree equals the reference parser's, keys in any order",
          "[tree_walks][parser]") {
  const smsreg::Limits limits;
  // Each document is also read into the tree of the one before, as the
  // validator reads (parseFastReusing): every merge position is met too.
  json kept;
  // Rotations and reversals of the key list, with a nested object and a
  // list of objects inside, so every insert position is met.
  for (std::size_t shift = 0; shift < kKeys.size(); ++shift) {
    for (const bool reversed : {false, true}) {
      std::vector<std::string> keys = kKeys;
      std::rotate(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(shift), keys.end());
      if (reversed) std::reverse(keys.begin(), keys.end());
      std::string text = "{";
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) text += ",";
        text += jsonText(keys[i]) + ":";
        if (i == 2) {
          text += "{\"b\":1,\"a\":[{\"y\":2,\"x\":3}],\"c\":\"t\"}";
        } else {
          text += std::to_string(i);
        }
      }
      text += "}";
      INFO(text);
      json fast, reference;
      smsreg::input::ParseError error;
      REQUIRE(smsreg::input::parseFast(text, limits, fast, true));
      REQUIRE(smsreg::input::parseBoundedReference(text, limits, reference, error, true));
      CHECK(fast == reference);
      CHECK(fast.dump() == reference.dump());
      REQUIRE(smsreg::input::parseFastReusing(text, limits, kept, true));
      CHECK(kept == reference);
      smsreg::input::releaseTree(fast);
      smsreg::input::releaseTree(reference);
    }
  }
  smsreg::input::releaseTree(kept);
}

TEST_CASE("tree walks: the fast parser gives up on a duplicate key anywhere in an object", "[tree_walks][parser]") {
  const smsreg::Limits limits;
  for (const char* text : {R"({"a":1,"b":2,"a":3})", R"({"b":1,"a":2,"b":3})", R"({"x":{"k":1,"j":2,"k":3}})",
                           R"({"sample1":1,"sample10":2,"sample1":3})", R"({"":1,"":2})"}) {
    INFO(text);
    json fast, reference;
    smsreg::input::ParseError error;
    CHECK_FALSE(smsreg::input::parseFast(text, limits, fast, true));
    CHECK(fast.is_null());
    CHECK_FALSE(smsreg::input::parseBoundedReference(text, limits, reference, error, true));
    CHECK(error.code == "INPUT_DUPLICATE_KEY");
  }
  // One that gave up leaves nothing behind for the next document.
  json fast;
  REQUIRE(smsreg::input::parseFast(R"({"b":{"d":1,"c":2},"a":3})", limits, fast, true));
  CHECK(fast.dump() == R"({"a":3,"b":{"c":2,"d":1}})");
  smsreg::input::releaseTree(fast);
}

TEST_CASE("tree walks: a list alreadyTidy takes is one tidyKeywordList leaves as it is", "[tree_walks][keywords]") {
  using smsreg::registration::alreadyTidy;
  using smsreg::registration::tidyKeywordList;
  // Every list of up to four of these pieces: spaces, no-break spaces,
  // control and high bytes, commas at either end and doubled.
  const std::vector<std::string> pieces = {"S", "t", ",", " ", "\t", "~", "\x7F", "\x01", "\xC3\xA9", "\xC2\xA0"};
  std::size_t taken = 0, lists = 0;
  std::vector<std::string> level = {""};
  for (int length = 0; length <= 4; ++length) {
    std::vector<std::string> next;
    for (const std::string& list : level) {
      ++lists;
      const bool tidy = tidyKeywordList(list) == list;
      INFO(jsonText(list));
      if (alreadyTidy(list)) {
        ++taken;
        CHECK(tidy);
      }
      for (const std::string& piece : pieces) next.push_back(list + piece);
    }
    level = std::move(next);
  }
  CHECK(taken > 100);  // the shortcut is taken, not just never wrong
  CHECK(alreadyTidy("STOP,CANCEL,END,QUIT,UNSUBSCRIBE"));
  CHECK_FALSE(alreadyTidy("STOP, CANCEL"));
  CHECK_FALSE(alreadyTidy(""));
  INFO(lists);
}

namespace {

using smsreg::Finding;
using smsreg::registration::FieldCatalogue;
using smsreg::registration::FieldInfo;

const FieldCatalogue& catalogue() {
  static const FieldCatalogue fields = [] {
    json schema;
    smsreg::input::ParseError why;
    const bool parsed =
        smsreg::input::parseBoundedReference(smsreg::embedded::find("registration.schema.json"),
                                             smsreg::Limits{16u << 20, 64, 1u << 20}, schema, why, false);
    if (!parsed) throw std::runtime_error(why.message);
    return FieldCatalogue(schema);
  }();
  return fields;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The three passes prepareSubmission replaced, each over the objects as the
// one before left them; findings as (pointer, code).
using Found = std::vector<std::pair<std::string, std::string>>;

void threePasses(json& document, Found& errors, Found& unknown) {
  const FieldCatalogue& fields = catalogue();
  const auto objects = [&document]() {
    std::vector<std::pair<json*, std::string>> out;
    if (!document.is_object()) return out;
    out.emplace_back(&document, "");
    for (const char* part : {"brand", "campaign"}) {
      if (document.contains(part) && document[part].is_object())
        out.emplace_back(&document[part], "/" + std::string(part));
    }
    return out;
  };
  for (auto& [object, base] : objects()) {
    for (auto it = object->begin(); it != object->end();) {
      bool absent = it->is_null();
      if (it->is_string() && blank(it->get<std::string>())) {
        const FieldInfo* info = fields.find(base + "/" + smsreg::input::escapePointerToken(it.key()));
        absent = info != nullptr && info->type == "string";
      }
      it = absent ? object->erase(it) : std::next(it);
    }
  }
  for (auto& [object, base] : objects()) {
    for (auto it = object->begin(); it != object->end(); ++it) {
      if (!it->is_array()) continue;
      const std::string pointer = base + "/" + smsreg::input::escapePointerToken(it.key());
      const FieldInfo* info = fields.find(pointer);
      if (info == nullptr || info->maxItems < 0 || it->size() <= static_cast<std::size_t>(info->maxItems)) continue;
      errors.emplace_back(pointer, "FIELD_TOO_LONG");
      it->erase(it->begin() + info->maxItems, it->end());
    }
  }
  for (auto& [object, base] : objects()) {
    const FieldInfo* info = fields.find(base);
    if (info == nullptr || !info->closed) continue;
    std::size_t count = 0;
    for (auto it = object->begin(); it != object->end(); ++it) {
      const auto& known = info->properties;
      if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
      if (++count <= smsreg::registration::kMaxUnknownPerObject) {
        unknown.emplace_back(base + "/" + smsreg::input::escapePointerToken(it.key()), "FIELD_UNKNOWN");
      }
    }
    if (count > smsreg::registration::kMaxUnknownPerObject) unknown.emplace_back(base, "FIELD_UNKNOWN");
  }
}

Found found(const std::vector<Finding>& findings) {
  Found out;
  for (const Finding& f : findings) out.emplace_back(f.instanceLocation, f.code);
  return out;
}

}  // namespace

TEST_CASE("tree walks: prepareSubmission does what the three passes did", "[tree_walks][registration]") {
  std::vector<json> documents = {
      json::parse(R"({"brand": {"displayName": "  ", "ein": null, "city": "", "junk": null, "Junk": 1,
                               "a/b~c": "", "email": "x@example.com"},
                     "campaign": {"sample1": "\t", "subUsecases": [], "usecase": null, "x": [1, 2, 3],
                                  "embeddedLink": true, "sampel1": "Hi"},
                     "phoneNumbers": ["+13125550100", "+13125550101"], "extra": null, "other": "",
                     "brandx": {}})"),
      json::parse(R"({"brand": null, "campaign": "text", "": 1})"),
      json::parse(R"([1, 2])"),
      json::parse(R"({"campaign": {"usecase": "MARKETING"}})"),
  };
  // A list past its limit, and past a hundred unknown keys.
  json many = json::parse(R"({"brand": {}, "campaign": {}})");
  many["phoneNumbers"] = json::array();
  for (int i = 0; i < 50; ++i) many["phoneNumbers"].push_back("+1312555" + std::to_string(1000 + i));
  for (int i = 0; i < 70; ++i) many["brand"]["tag"].push_back("t" + std::to_string(i));
  for (int i = 0; i < 130; ++i) many["brand"]["unknown" + std::to_string(i)] = i;
  many["campaign"]["subUsecases"] = json::array({"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"});
  documents.push_back(many);

  for (const json& original : documents) {
    INFO(original.dump().substr(0, 300));
    json plain = original, fused = original;
    Found plainErrors, plainUnknown;
    threePasses(plain, plainErrors, plainUnknown);
    std::vector<Finding> errors, unknown;
    smsreg::registration::prepareSubmission(fused, catalogue(), errors, unknown);
    CHECK(fused == plain);
    CHECK(found(errors) == plainErrors);
    CHECK(found(unknown) == plainUnknown);
  }
  // The parts found once are the ones find gives.
  CHECK(catalogue().part(FieldCatalogue::kSubmission) == catalogue().find(""));
  CHECK(catalogue().part(FieldCatalogue::kBrand) == catalogue().find("/brand"));
  CHECK(catalogue().part(FieldCatalogue::kCampaign) == catalogue().find("/campaign"));
  CHECK(catalogue().part(FieldCatalogue::kBrand) != nullptr);
  // The cases above reach every branch.
  json first = documents[0];
  std::vector<Finding> errors, unknown;
  smsreg::registration::prepareSubmission(first, catalogue(), errors, unknown);
  CHECK_FALSE(first["brand"].contains("displayName"));
  CHECK_FALSE(first.contains("extra"));
  CHECK(unknown.size() >= 3);
  json last = documents.back();
  errors.clear();
  unknown.clear();
  smsreg::registration::prepareSubmission(last, catalogue(), errors, unknown);
  CHECK(errors.size() == 2);  // the brand's tags and the campaign's sub-use cases
  CHECK(unknown.size() == smsreg::registration::kMaxUnknownPerObject + 1);
}

TEST_CASE("tree walks: prepareSubmission with kept members tidies, and its members answer as findPointer",
          "[tree_walks][registration][member_index]") {
  const std::vector<json> documents = {
      json::parse(R"({"brand": {"displayName": "  ", "ein": null, "Junk": 1, "a/b~c": "", "email": "x@example.com",
                               "tag": ["a"]},
                     "campaign": {"sample1": "\t", "helpKeywords": " HELP , INFO,", "optinKeywords": "START",
                                  "optoutKeywords": "  ", "embeddedLink": true, "sampel1": "Hi", "x": {"y": 1}},
                     "phoneNumbers": ["+13125550100"]})"),
      json::parse(R"({"brand": null, "campaign": {"helpKeywords": 3}})"),
      json::parse(R"({"brand": {"city": "Chicago"}, "campaign": "text"})"),
      json::parse(R"([1, 2])"),
  };
  std::vector<std::string> pointers = {"/brand/Junk", "/brand/a~1b~0c", "/brand/tag/0",     "/campaign/x/y",
                                       "/campaign/",  "/brand",         "/campaign/sampel1"};
  for (const char* part : {"/brand", "/campaign"}) {
    for (const std::string& name : catalogue().find(part)->properties) pointers.push_back(part + ("/" + name));
  }
  for (const json& original : documents) {
    INFO(original.dump());
    json plain = original, fused = original;
    std::vector<Finding> plainErrors, plainUnknown, errors, unknown;
    smsreg::registration::tidyKeywordLists(plain);
    smsreg::registration::prepareSubmission(plain, catalogue(), plainErrors, plainUnknown);
    smsreg::registration::KeptMembers kept;
    smsreg::registration::prepareSubmission(fused, catalogue(), errors, unknown, kept);
    CHECK(fused == plain);
    CHECK(found(errors) == found(plainErrors));
    CHECK(found(unknown) == found(plainUnknown));
    smsreg::rules::MemberIndex::Known known;
    for (std::size_t part = 0; part < 2; ++part) {
      known.names[part] = kept.names[part];
      known.byId[part] = kept.byId[part].data();
    }
    const smsreg::rules::MemberIndex index(known);
    std::size_t answered = 0;
    for (const std::string& pointer : pointers) {
      INFO(pointer);
      const json* member = &fused;  // find must overwrite it when it answers
      if (!index.find(pointer, member)) continue;
      ++answered;
      CHECK(member == smsreg::input::findPointer(fused, pointer));
    }
    // Every field of a part that is an object is answered, present or not.
    std::size_t expected = 0;
    if (kept.names[0] != nullptr) expected += catalogue().find("/brand")->properties.size();
    if (kept.names[1] != nullptr) expected += catalogue().find("/campaign")->properties.size();
    CHECK(answered == expected);
  }
}

TEST_CASE("tree walks: the rules' pointer walk into arrays answers as findPointer", "[tree_walks][lookup]") {
  const smsreg::rules::ContentData* content = smsreg::rules::contentData();
  REQUIRE(content != nullptr);
  const json doc = json::parse(R"({"phoneNumbers": ["+13125550100", "x", {"x": [1, [2, 3]]}],
                                   "brand": {"tag": ["t0"], "a/b": [1]}, "campaign": {"": [0], "a": {"": [5]}},
                                   "n": 3, "s": "text"})");
  std::vector<smsreg::Finding> out;
  const smsreg::rules::RuleContext ctx(doc, doc, {}, *content, out);
  std::vector<std::string> pointers = {"/phoneNumbers",
                                       "/phoneNumbers/2/x/1/0",
                                       "/phoneNumbers/2/x/1/1/0",
                                       "/phoneNumbers/0/",
                                       "/phoneNumbers/2/x",
                                       "/n/0",
                                       "/s/0",
                                       "/brand/tag/0",
                                       "/brand/a~1b/0",
                                       "/brand/a/b/0",
                                       "/campaign//0",
                                       "/campaign/a//0",
                                       "/campaign/a/~0",
                                       "/campaign/a//",
                                       "/phoneNumbers//"};
  // Every way of writing an index: leading zeros, signs, spaces, too many
  // digits, past the end.
  for (const char* index : {"0", "1", "2", "3", "00", "01", "-", "-0", "+1", " 1", "1 ", "1e0", "", "0x1", "a",
                            "999999999999999999", "9999999999999999999", "18446744073709551617"}) {
    pointers.push_back(std::string("/phoneNumbers/") + index);
    pointers.push_back(std::string("/phoneNumbers/2/x/") + index);
    pointers.push_back(std::string("/campaign//") + index);
  }
  for (const std::string& pointer : pointers) {
    INFO(pointer);
    CHECK(ctx.value(pointer) == smsreg::input::findPointer(doc, pointer));
  }
  CHECK(ctx.value("/phoneNumbers/2/x/1/1") != nullptr);  // the walk goes into arrays, not just around them
}
