#include "rules/rule_context.hpp"

#include <iterator>

#include "input/json_pointer.hpp"
#include "rules/domain_checks.hpp"

namespace smsreg::rules {

namespace {

const std::string kNoText;

// An array index as findPointer reads one: digits, no leading zero, at
// most 18 of them; false for anything else.
bool arrayIndex(std::string_view token, std::size_t& index) {
  if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0')) return false;
  index = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// Rules name fields by literal pointers ("/campaign/sample1",
// "/phoneNumbers/0"), looked up thousands of times a second: object keys are
// found by string_view and array items by index, in one walk; a "~" escape
// goes to findPointer. Both give findPointer's answer.
const nlohmann::json* lookup(const nlohmann::json& root, std::string_view pointer) {
  if (pointer.empty() || pointer[0] != '/' || pointer.find('~') != std::string_view::npos) {
    return input::findPointer(root, pointer);
  }
  const nlohmann::json* node = &root;
  std::size_t start = 1;
  while (true) {
    const std::size_t end = pointer.find('/', start);
    const std::string_view key =
        pointer.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (node->is_object()) {
      const auto& object = node->get_ref<const nlohmann::json::object_t&>();
      auto it = object.find(key);
      if (it == object.end()) return nullptr;
      node = &it->second;
    } else if (node->is_array()) {
      const auto& items = node->get_ref<const nlohmann::json::array_t&>();
      std::size_t index = 0;
      if (!arrayIndex(key, index) || index >= items.size()) return nullptr;
      node = &items[index];
    } else {
      return nullptr;
    }
    if (end == std::string_view::npos) return node;
    start = end + 1;
  }
}

const std::string& stringAt(const nlohmann::json* v) {
  return v != nullptr && v->is_string() ? v->get_ref<const std::string&>() : kNoText;
}

// The index answers the brand's and the campaign's own fields; anything else
// (a nested pointer, an escape, a part that is not an object) is walked.
const nlohmann::json* find(const MemberIndex& index, const nlohmann::json& root, std::string_view pointer) {
  const nlohmann::json* member = nullptr;
  return index.find(pointer, member) ? member : lookup(root, pointer);
}

}  // namespace

const nlohmann::json* RuleContext::value(std::string_view pointer) const {
  return find(documentMembers_, document_, pointer);
}

const std::string& RuleContext::text(std::string_view pointer) const { return stringAt(value(pointer)); }

const std::string& RuleContext::clean(std::string_view pointer) const {
  // Most documents flag nothing: skip the set's string compares then.
  return !flagged_.empty() && flagged_.count(pointer) != 0 ? kNoText : text(pointer);
}

bool RuleContext::flag(std::string_view pointer, bool absent) const {
  const nlohmann::json* v = value(pointer);
  return v != nullptr && v->is_boolean() ? v->get<bool>() : absent;
}

const std::string& RuleContext::original(std::string_view pointer) const {
  if (!flagged_.empty() && flagged_.count(pointer) != 0) return kNoText;
  // Without normalising, the original is the document itself.
  return stringAt(&original_ == &document_ ? value(pointer) : lookup(original_, pointer));
}

const std::string& RuleContext::websiteHost() const {
  if (!websiteHost_) websiteHost_ = urlHost(clean("/brand/website"));
  return *websiteHost_;
}

bool RuleContext::isObjectAt(std::string_view part) const {
  if (!document_.is_object()) return false;
  const auto& top = document_.get_ref<const nlohmann::json::object_t&>();
  auto it = top.find(part);
  return it != top.end() && it->second.is_object();
}

RuleContext::RuleContext(const nlohmann::json& document, const nlohmann::json& original,
                         std::set<std::string, std::less<>> flagged, const ContentData& content,
                         std::vector<Finding>& out, const MemberIndex::Known* known)
    : document_(document),
      original_(original),
      documentMembers_(known != nullptr ? MemberIndex(*known) : MemberIndex(document)),
      flagged_(std::move(flagged)),
      content_(content),
      out_(out) {
  static constexpr std::string_view kSamples[] = {"/campaign/sample1", "/campaign/sample2", "/campaign/sample3",
                                                  "/campaign/sample4", "/campaign/sample5"};
  hasBrand_ = isObjectAt("brand");
  hasCampaign_ = isObjectAt("campaign");
  // Absent samples are the common case: copy only the ones present, into
  // room made once (growing one at a time moved the ones before).
  samples_.reserve(std::size(kSamples));
  for (const std::string_view pointer : kSamples) {
    const std::string& t = text(pointer);
    if (!t.empty()) samples_.emplace_back(pointer, t);
  }
}

}  // namespace smsreg::rules
