#include "rules/rule_context.hpp"

#include "input/json_pointer.hpp"

namespace smsreg::rules {

const nlohmann::json* RuleContext::value(const std::string& pointer) const {
  return input::findPointer(document_, pointer);
}

std::string RuleContext::text(const std::string& pointer) const {
  const nlohmann::json* v = value(pointer);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

std::string RuleContext::clean(const std::string& pointer) const {
  return flagged_.count(pointer) != 0 ? std::string() : text(pointer);
}

bool RuleContext::flag(const std::string& pointer, bool absent) const {
  const nlohmann::json* v = value(pointer);
  return v != nullptr && v->is_boolean() ? v->get<bool>() : absent;
}

std::string RuleContext::original(const std::string& pointer) const {
  if (flagged_.count(pointer) != 0) return std::string();
  const nlohmann::json* v = input::findPointer(original_, pointer);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

RuleContext::RuleContext(const nlohmann::json& document, const nlohmann::json& original, std::set<std::string> flagged,
                         const ContentData& content, std::vector<Finding>& out)
    : document_(document), original_(original), flagged_(std::move(flagged)), content_(content), out_(out) {
  for (int i = 1; i <= 5; ++i) {
    std::string pointer = "/campaign/sample" + std::to_string(i);
    std::string t = text(pointer);
    if (!t.empty()) samples_.emplace_back(pointer, std::move(t));
  }
}

}  // namespace smsreg::rules
