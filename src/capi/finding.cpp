// smsreg_finding: read one finding of a report without parsing JSON.
#include "capi/handles.hpp"

using smsreg::capi::fail;
using smsreg::capi::nullArgument;

namespace {

const smsreg::Finding& cpp(const smsreg_finding* finding) { return *reinterpret_cast<const smsreg::Finding*>(finding); }

smsreg_status text(const char* function, const smsreg_finding* finding, const char** out,
                   const std::string smsreg::Finding::*field) noexcept {
  if (finding == nullptr || out == nullptr) return nullArgument(function);
  *out = (cpp(finding).*field).c_str();
  return SMSREG_OK;
}

const smsreg::Param* param(const smsreg_finding* finding, size_t index) {
  const auto& params = cpp(finding).params;
  if (index >= params.size()) {
    fail(SMSREG_ERROR_ARGUMENT, "param index out of range");
    return nullptr;
  }
  return &params[index];
}

}  // namespace

extern "C" {

smsreg_status smsreg_finding_instance_location(const smsreg_finding* finding, const char** out) {
  return text(__func__, finding, out, &smsreg::Finding::instanceLocation);
}

smsreg_status smsreg_finding_code(const smsreg_finding* finding, const char** out) {
  return text(__func__, finding, out, &smsreg::Finding::code);
}

smsreg_status smsreg_finding_message(const smsreg_finding* finding, const char** out) {
  return text(__func__, finding, out, &smsreg::Finding::message);
}

smsreg_status smsreg_finding_param_count(const smsreg_finding* finding, size_t* count) {
  if (finding == nullptr || count == nullptr) return nullArgument(__func__);
  *count = cpp(finding).params.size();
  return SMSREG_OK;
}

smsreg_status smsreg_finding_param(const smsreg_finding* finding, size_t index, const char** name,
                                   smsreg_param_kind* kind, const char** value) {
  if (finding == nullptr || name == nullptr) return nullArgument(__func__);
  const smsreg::Param* p = param(finding, index);
  if (p == nullptr) return SMSREG_ERROR_ARGUMENT;
  *name = p->name.c_str();
  if (kind != nullptr) {
    *kind = p->kind == smsreg::Param::Kind::kNumber ? SMSREG_PARAM_NUMBER
            : p->kind == smsreg::Param::Kind::kList ? SMSREG_PARAM_LIST
                                                    : SMSREG_PARAM_STRING;
  }
  if (value != nullptr) *value = p->value.c_str();
  return SMSREG_OK;
}

smsreg_status smsreg_finding_param_item_count(const smsreg_finding* finding, size_t index, size_t* count) {
  if (finding == nullptr || count == nullptr) return nullArgument(__func__);
  const smsreg::Param* p = param(finding, index);
  if (p == nullptr) return SMSREG_ERROR_ARGUMENT;
  *count = p->list.size();
  return SMSREG_OK;
}

smsreg_status smsreg_finding_param_item(const smsreg_finding* finding, size_t index, size_t item, const char** out) {
  if (finding == nullptr || out == nullptr) return nullArgument(__func__);
  const smsreg::Param* p = param(finding, index);
  if (p == nullptr) return SMSREG_ERROR_ARGUMENT;
  if (item >= p->list.size()) return fail(SMSREG_ERROR_ARGUMENT, "param item index out of range");
  *out = p->list[item].c_str();
  return SMSREG_OK;
}

}  // extern "C"
