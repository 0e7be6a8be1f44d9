#include "rules/rule_context.hpp"

namespace smsreg::rules {

const nlohmann::json* RuleContext::value(const std::string& pointer) const {
  try {
    return &document_.at(nlohmann::json::json_pointer(pointer));
  } catch (...) {
    return nullptr;
  }
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

std::vector<std::pair<std::string, std::string>> RuleContext::samples() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 1; i <= 5; ++i) {
    std::string pointer = "/campaign/sample" + std::to_string(i);
    std::string t = text(pointer);
    if (!t.empty()) out.emplace_back(pointer, std::move(t));
  }
  return out;
}

}  // namespace smsreg::rules
