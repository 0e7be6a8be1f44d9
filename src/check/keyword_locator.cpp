#include "check/keyword_locator.hpp"

#include <unordered_set>

#include "input/bounded_json.hpp"
#include "input/json_pointer.hpp"
#include "schema/keyword_table.hpp"

namespace smsreg::check {

namespace {

using json = nlohmann::json;

// Tokens of a pointer smsreg wrote; the resolver spelled "%" as "%25" for
// valijson, so that is undone after the RFC 6901 unescaping.
std::vector<std::string> tokensOf(const std::string& pointer) {
  std::vector<std::string> tokens;
  input::splitPointer(pointer, tokens);
  for (std::string& token : tokens) {
    for (std::size_t at = token.find("%25"); at != std::string::npos; at = token.find("%25", at + 1)) {
      token.replace(at, 3, "%");
    }
  }
  return tokens;
}

bool isIndex(const std::string& token) {
  return !token.empty() && token.size() < 10 && token.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

KeywordLocator::KeywordLocator(std::vector<schema::SchemaDocument> documents) : documents_(std::move(documents)) {}

KeywordLocator::Node KeywordLocator::follow(Node node) const {
  // Every $ref of a chain is followed, however long (a fixed hop limit gave
  // the location of a $ref in the middle). Circular chains were refused at
  // load; `seen` stops one all the same.
  std::unordered_set<const json*> seen;
  while (node.schema->is_object() && seen.insert(node.schema).second) {
    auto ref = node.schema->find("$ref");
    if (ref == node.schema->end() || !ref->is_string()) break;
    const std::string prefix = std::string("#/") + schema::kDocumentsKey + "/";
    const std::string target = ref->get<std::string>();
    if (target.rfind(prefix, 0) != 0) break;
    std::vector<std::string> tokens = tokensOf(target.substr(1));
    if (tokens.size() < 2 || !isIndex(tokens[1]) || std::stoul(tokens[1]) >= documents_.size()) break;
    const schema::SchemaDocument& doc = documents_[std::stoul(tokens[1])];
    const json* at = &doc.document;
    std::string location = doc.base;
    for (std::size_t i = 2; i < tokens.size() && at != nullptr; ++i) {
      std::string token = tokens[i];
      if (token.rfind("x-smsreg-", 0) == 0) token = token.substr(9);  // renamed for valijson
      if (at->is_object() && at->contains(token)) {
        at = &(*at)[token];
      } else if (at->is_array() && isIndex(token) && std::stoul(token) < at->size()) {
        at = &(*at)[std::stoul(token)];
      } else {
        at = nullptr;
      }
      location += "/" + input::escapePointerToken(token);
    }
    if (at == nullptr) break;
    node = Node{at, location};
  }
  return node;
}

bool KeywordLocator::child(const Node& parent, const std::string& token, Node& out) const {
  const json& s = *parent.schema;
  if (!s.is_object()) return false;
  auto properties = s.find("properties");
  if (properties != s.end() && properties->is_object() && properties->contains(token)) {
    out = {&(*properties)[token], parent.location + "/properties/" + input::escapePointerToken(token)};
    return true;
  }
  auto patterns = s.find("patternProperties");
  if (patterns != s.end() && patterns->is_object()) {
    for (auto it = patterns->begin(); it != patterns->end(); ++it) {
      std::string why;
      auto regex = schema::compileSchemaPattern(it.key(), why);
      if (regex && RE2::PartialMatch(token, *regex)) {
        out = {&it.value(), parent.location + "/patternProperties/" + input::escapePointerToken(it.key())};
        return true;
      }
    }
  }
  auto items = s.find("items");
  if (items != s.end() && isIndex(token)) {
    if (items->is_array()) {
      if (std::stoul(token) < items->size()) {
        out = {&(*items)[std::stoul(token)], parent.location + "/items/" + token};
        return true;
      }
      auto additional = s.find("additionalItems");
      if (additional != s.end()) {
        out = {&*additional, parent.location + "/additionalItems"};
        return true;
      }
    } else {
      out = {&*items, parent.location + "/items"};
      return true;
    }
  }
  auto additional = s.find("additionalProperties");
  if (additional != s.end() && !isIndex(token)) {
    out = {&*additional, parent.location + "/additionalProperties"};
    return true;
  }
  return false;
}

std::string KeywordLocator::locate(const std::string& instanceLocation, const std::string& keyword) const {
  if (documents_.empty()) return "/" + keyword;
  Node node = follow(Node{&documents_[0].document, ""});
  for (const std::string& token : tokensOf(instanceLocation)) {
    Node next;
    if (!child(node, token, next)) break;
    node = follow(next);
  }
  if (keyword.empty()) return node.location;
  // The keyword itself, or one branch down (allOf/anyOf/oneOf/if/then/else/not).
  std::vector<Node> queue{node};
  for (std::size_t i = 0; i < queue.size() && i < 64; ++i) {
    const json& s = *queue[i].schema;
    if (!s.is_object()) continue;
    if (s.contains(keyword)) return queue[i].location + "/" + input::escapePointerToken(keyword);
    for (const char* branch : {"allOf", "anyOf", "oneOf"}) {
      auto it = s.find(branch);
      if (it == s.end() || !it->is_array()) continue;
      for (std::size_t k = 0; k < it->size(); ++k) {
        queue.push_back(follow(Node{&(*it)[k], queue[i].location + "/" + branch + "/" + std::to_string(k)}));
      }
    }
    for (const char* branch : {"then", "else", "not"}) {
      auto it = s.find(branch);
      if (it != s.end()) queue.push_back(follow(Node{&*it, queue[i].location + "/" + branch}));
    }
  }
  return node.location + "/" + input::escapePointerToken(keyword);
}

const json* KeywordLocator::valueAt(const std::string& keywordLocation) const {
  for (const schema::SchemaDocument& doc : documents_) {
    if (keywordLocation.compare(0, doc.base.size(), doc.base) != 0) continue;
    std::string pointer = keywordLocation.substr(doc.base.size());
    if (!pointer.empty() && pointer[0] != '/') continue;
    if (const json* v = input::findPointer(doc.document, pointer)) return v;
  }
  return nullptr;
}

}  // namespace smsreg::check
