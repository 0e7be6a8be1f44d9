#include "check/ref_resolver.hpp"

#include <map>
#include <memory>

#include "check/uri.hpp"
#include "input/bounded_json.hpp"
#include "input/json_pointer.hpp"

namespace smsreg::check {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxDocuments = 256;
constexpr const char* kAliasesKey = "x-smsreg-aliases";

bool isDataKeyword(const std::string& k) { return k == "enum" || k == "const" || k == "default" || k == "examples"; }
bool isSchemaMapKeyword(const std::string& k) {
  return k == "properties" || k == "patternProperties" || k == "definitions" || k == "dependencies";
}

// A token as valijson 1.0 reads it back: ~0 ~1 escapes, then %XX decoding.
std::string tokenForValijson(const std::string& token) {
  std::string out;
  for (char c : input::escapePointerToken(token)) out += c == '%' ? std::string("%25") : std::string(1, c);
  return out;
}

class Resolver {
 public:
  Resolver(const DocumentLoader& loader, std::string& error) : loader_(loader), error_(error) {}

  bool run(json root, std::vector<schema::SchemaDocument>& out) {
    addDocument(std::move(root), kDefaultBaseUri, "");
    for (std::size_t i = 0; i < sites_.size(); ++i) {
      const Site site = sites_[i];  // a copy: loading a document adds sites
      if (!resolve(site)) return false;
    }
    makeAliases();
    for (std::size_t i = 0; i < documents_.size(); ++i) {
      out.push_back({std::move(*documents_[i]), i == 0 ? "" : uris_[i] + "#"});
    }
    return true;
  }

 private:
  struct Location {
    std::size_t document;
    std::string pointer;  // RFC 6901, into the document as written
  };
  struct Site {
    std::size_t document;
    json* node;            // the object holding "$ref"
    std::string base;      // base URI in effect there
    std::string location;  // keywordLocation of the $ref, for errors
  };

  void addDocument(json document, const std::string& uri, const std::string& keywordBase) {
    documents_.push_back(std::make_unique<json>(std::move(document)));
    uris_.push_back(uri);
    const std::size_t index = documents_.size() - 1;
    resources_.emplace(uri, Location{index, ""});
    walk(index, *documents_[index], "", uri, keywordBase);
  }

  // Records $id resources and $ref sites in schema positions (data keywords
  // are skipped: an "$id" inside "enum" is data).
  void walk(std::size_t document, json& node, const std::string& pointer, const std::string& base,
            const std::string& keywordBase) {
    if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        walk(document, node[i], pointer + "/" + std::to_string(i), base, keywordBase);
      }
      return;
    }
    if (!node.is_object()) return;
    std::string here = base;
    auto ref = node.find("$ref");
    if (ref != node.end() && ref->is_string()) {
      // draft 7: beside $ref every keyword is ignored, "$id" included.
      sites_.push_back({document, &node, base, keywordBase + pointer + "/$ref"});
    } else {
      auto id = node.find("$id");
      if (id != node.end() && id->is_string()) {
        std::string resource, name;
        splitFragment(resolveUri(base, id->get<std::string>()), resource, name);
        if (id->get<std::string>().empty() || id->get<std::string>()[0] != '#') {
          resources_.emplace(resource, Location{document, pointer});
          here = resource;
        }
        if (!name.empty() && name[0] != '/') anchors_.emplace(resource + "#" + name, Location{document, pointer});
      }
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string& key = it.key();
      if (isDataKeyword(key)) continue;
      const std::string at = pointer + "/" + input::escapePointerToken(key);
      if (isSchemaMapKeyword(key) && it->is_object()) {
        for (auto m = it->begin(); m != it->end(); ++m) {
          walk(document, m.value(), at + "/" + input::escapePointerToken(m.key()), here, keywordBase);
        }
      } else {
        walk(document, it.value(), at, here, keywordBase);
      }
    }
  }

  bool resolve(const Site& site) {
    const std::string ref = (*site.node)["$ref"].get<std::string>();
    std::string resource, fragment;
    splitFragment(resolveUri(site.base, ref), resource, fragment);
    fragment = percentDecode(fragment);
    if (resources_.find(resource) == resources_.end() && !load(resource, site, ref)) return false;
    Location target;
    if (fragment.empty() || fragment[0] == '/') {
      target = resources_.at(resource);
      target.pointer += fragment;
    } else {
      auto anchor = anchors_.find(resource + "#" + fragment);
      if (anchor == anchors_.end()) return fail(site, ref, "no schema has \"$id\": \"#" + fragment + "\"");
      target = anchor->second;
    }
    std::string placed;
    bool emptyToken = false;
    if (!translate(target, placed, emptyToken)) return fail(site, ref, "it points at nothing");
    const std::string document = std::string("#/") + schema::kDocumentsKey + "/" + std::to_string(target.document);
    if (emptyToken) {
      // valijson 1.0 drops empty pointer tokens ("#/definitions//x"): point
      // at a copy of the target instead, made once every $ref is resolved.
      if (!documents_[target.document]->is_object()) return fail(site, ref, "it points at nothing");
      placed = std::string("/") + kAliasesKey + "/" + std::to_string(aliases_.size());
      aliases_.push_back(target);
    }
    (*site.node)["$ref"] = document + placed;
    return true;
  }

  // Appends the copies the aliases point at, in order, so each lands at the
  // index its $ref was given.
  void makeAliases() {
    for (const Location& target : aliases_) {
      json copy = documents_[target.document]->at(json::json_pointer(target.pointer));
      (*documents_[target.document])[kAliasesKey].push_back(std::move(copy));
    }
  }

  // Follows `target` through its document, spelling each token as it will
  // be after keyword_rewrite renames patternProperties (and the
  // additionalProperties beside it) out of valijson's sight.
  bool translate(const Location& target, std::string& placed, bool& emptyToken) const {
    std::vector<std::string> tokens;
    if (!input::splitPointer(target.pointer, tokens)) return false;
    const json* node = documents_[target.document].get();
    for (const std::string& token : tokens) {
      std::string spelled = token;
      if (node->is_object()) {
        auto it = node->find(token);
        if (it == node->end()) return false;
        if (node->contains("patternProperties") && (token == "patternProperties" || token == "additionalProperties")) {
          spelled = "x-smsreg-" + token;
        }
        if ((token == "anyOf" || token == "oneOf") && it->is_array())
          spelled = "x-smsreg-" + token;  // smsreg evaluates them
        node = &*it;
      } else if (node->is_array()) {
        if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos)
          return false;
        std::size_t index = std::stoul(token);
        if (index >= node->size()) return false;
        node = &(*node)[index];
      } else {
        return false;
      }
      emptyToken = emptyToken || spelled.empty();
      placed += "/" + tokenForValijson(spelled);
    }
    return true;
  }

  bool load(const std::string& uri, const Site& site, const std::string& ref) {
    if (documents_.size() >= kMaxDocuments) return fail(site, ref, "the schema reaches too many documents");
    json document;
    std::string why;
    if (!loader_ || !loader_(uri, document, why)) {
      return fail(site, ref, why.empty() ? "no document is known at " + uri + " (see --remotes)" : why);
    }
    addDocument(std::move(document), uri, uri + "#");
    return true;
  }

  bool fail(const Site& site, const std::string& ref, const std::string& why) {
    error_ = site.location + ": $ref \"" + ref + "\" cannot be resolved: " + why;
    return false;
  }

  const DocumentLoader& loader_;
  std::string& error_;
  std::vector<std::unique_ptr<json>> documents_;  // stable addresses: sites point into them
  std::vector<std::string> uris_;
  std::map<std::string, Location> resources_;  // absolute URI (no fragment) → schema
  std::map<std::string, Location> anchors_;    // "URI#name" → schema
  std::vector<Site> sites_;
  std::vector<Location> aliases_;
};

}  // namespace

bool resolveReferences(json root, const DocumentLoader& loader, std::vector<schema::SchemaDocument>& documents,
                       std::string& error) {
  Resolver resolver(loader, error);
  return resolver.run(std::move(root), documents);
}

}  // namespace smsreg::check
