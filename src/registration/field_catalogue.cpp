#include "registration/field_catalogue.hpp"

#include "input/bounded_json.hpp"
#include "registration/suggest.hpp"

namespace smsreg::registration {

namespace {

using json = nlohmann::json;

const json& resolve(const json& root, const json& node) {
  auto ref = node.find("$ref");
  if (ref != node.end() && ref->is_string()) {
    const std::string s = ref->get<std::string>();
    if (!s.empty() && s[0] == '#') {
      try {
        return root.at(json::json_pointer(s.substr(1)));
      } catch (...) {
        return node;
      }
    }
  }
  return node;
}

std::string text(const json& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool isIndexToken(const std::string& t) {
  if (t.empty()) return false;
  for (char c : t) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string wildcardIndices(const std::string& pointer) {
  std::string out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t end = pointer.find('/', i + 1);
    if (end == std::string::npos) end = pointer.size();
    std::string token = pointer.substr(i + 1, end - i - 1);
    out += "/" + (isIndexToken(token) ? std::string("*") : token);
    i = end;
  }
  return out;
}

FieldCatalogue::FieldCatalogue(const json& schema) {
  walk(schema, schema, "", 0);
  parts_ = {find(""), find("/brand"), find("/campaign")};
  const char* const bases[] = {"", "/brand", "/campaign"};
  for (std::size_t part = 0; part < parts_.size(); ++part) {
    if (parts_[part] == nullptr) continue;
    auto& info = fields_.at(bases[part]);  // parts_[part], writable
    for (const std::string& name : info.properties) {
      info.propertyInfo.push_back(find(bases[part] + ("/" + input::escapePointerToken(name))));
    }
  }
}

void FieldCatalogue::walk(const json& root, const json& raw, const std::string& key, int depth) {
  if (depth > 16 || !raw.is_object()) return;
  const json& node = resolve(root, raw);
  FieldInfo info;
  info.title = text(node, "title");
  info.type = text(node, "type");
  if (auto t = node.find("type"); t != node.end()) {
    if (t->is_string()) info.types.push_back(t->get<std::string>());
    if (t->is_array()) {
      for (const json& v : *t) {
        if (v.is_string()) info.types.push_back(v.get<std::string>());
      }
    }
  }
  info.hint = text(node, "x-smsreg-hint");
  if (auto e = node.find("enum"); e != node.end() && e->is_array()) {
    for (const json& v : *e) {
      if (!v.is_string()) continue;
      info.allowed.push_back(v.get<std::string>());
      info.foldedAllowed.push_back(foldForSuggestion(info.allowed.back()));
    }
  }
  if (auto m = node.find("maxItems"); m != node.end() && m->is_number_unsigned()) {
    info.maxItems = m->get<long long>();
  }
  if (auto ap = node.find("additionalProperties"); ap != node.end() && ap->is_boolean()) {
    info.closed = !ap->get<bool>();
  }
  if (auto props = node.find("properties"); props != node.end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      info.properties.push_back(it.key());
      info.foldedProperties.push_back(foldForSuggestion(it.key()));
      walk(root, it.value(), key + "/" + input::escapePointerToken(it.key()), depth + 1);
    }
    info.propertyIndex = schema::NameTable(info.properties);
  }
  if (auto items = node.find("items"); items != node.end() && items->is_object()) {
    walk(root, *items, key + "/*", depth + 1);
  }
  fields_[key] = std::move(info);
}

const FieldInfo* FieldCatalogue::find(const std::string& pointer) const {
  auto it = fields_.find(pointer);  // most pointers name a field directly
  if (it != fields_.end()) return &it->second;
  it = fields_.find(wildcardIndices(pointer));
  return it == fields_.end() ? nullptr : &it->second;
}

}  // namespace smsreg::registration
