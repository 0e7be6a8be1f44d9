#include "input/json_pointer.hpp"

#include <string>

namespace smsreg::input {

namespace {

// Undoes RFC 6901 escaping; false on a "~" not followed by 0 or 1.
bool unescape(std::string_view token, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out += token[i];
      continue;
    }
    if (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1')) return false;
    out += token[i + 1] == '0' ? '~' : '/';
    ++i;
  }
  return true;
}

bool parseIndex(std::string_view token, std::size_t& index) {
  if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0')) return false;
  index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

}  // namespace

bool splitPointer(std::string_view pointer, std::vector<std::string>& tokens) {
  tokens.clear();
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  std::size_t start = 1;
  while (true) {
    std::size_t end = pointer.find('/', start);
    std::string token;
    if (!unescape(pointer.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), token)) {
      return false;
    }
    tokens.push_back(std::move(token));
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

const nlohmann::json* findPointer(const nlohmann::json& root, std::string_view pointer) noexcept {
  if (pointer.empty()) return &root;
  if (pointer[0] != '/') return nullptr;
  const nlohmann::json* node = &root;
  std::string key;
  std::size_t start = 1;
  while (true) {
    std::size_t end = pointer.find('/', start);
    std::string_view token =
        pointer.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (node->is_object()) {
      if (!unescape(token, key)) return nullptr;
      auto it = node->find(key);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      std::size_t index;
      if (!parseIndex(token, index) || index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
    if (end == std::string_view::npos) return node;
    start = end + 1;
  }
}

}  // namespace smsreg::input
