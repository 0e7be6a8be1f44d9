/* Between JavaScript values and smsreg's C API (see convert.h). */
#include "convert.h"

#include <stdlib.h>
#include <string.h>

static napi_value global_json(napi_env env, const char* method) {
  napi_value global, json, fn;
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "JSON", &json);
  napi_get_named_property(env, json, method, &fn);
  return fn;
}

static char* string_text(napi_env env, napi_value value, size_t* len) {
  if (napi_get_value_string_utf8(env, value, NULL, 0, len) != napi_ok) return NULL;
  char* text = (char*)malloc(*len + 1);
  if (text == NULL) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  napi_get_value_string_utf8(env, value, text, *len + 1, len);
  return text;
}

char* smsreg_node_document_text(napi_env env, napi_value value, size_t* len) {
  napi_valuetype type;
  bool is_buffer = false;
  napi_typeof(env, value, &type);
  napi_is_buffer(env, value, &is_buffer);
  if (type == napi_string) return string_text(env, value, len);
  if (is_buffer) {
    void* data = NULL;
    napi_get_buffer_info(env, value, &data, len);
    char* text = (char*)malloc(*len + 1);
    if (text == NULL) {
      napi_throw_error(env, NULL, "out of memory");
      return NULL;
    }
    if (*len > 0) memcpy(text, data, *len);
    return text;
  }
  if (type != napi_object) {
    napi_throw_type_error(env, NULL, "the document must be a string, a Buffer or an object");
    return NULL;
  }
  napi_value json;
  if (napi_call_function(env, value, global_json(env, "stringify"), 1, &value, &json) != napi_ok) return NULL;
  return string_text(env, json, len);
}

/* Reads property `name` as a positive integer into `set`; absent is fine. */
static int read_size(napi_env env, napi_value object, const char* name, smsreg_status (*set)(smsreg_options*, size_t),
                     smsreg_options* options) {
  bool has = false;
  napi_value value;
  double number = 0;
  napi_has_named_property(env, object, name, &has);
  if (!has) return 1;
  napi_get_named_property(env, object, name, &value);
  if (napi_get_value_double(env, value, &number) != napi_ok || number < 1 || number > 9007199254740991.0) {
    napi_throw_range_error(env, NULL, "limits must be positive integers");
    return 0;
  }
  if (set(options, (size_t)number) != SMSREG_OK) {
    napi_throw_range_error(env, NULL, smsreg_last_error());
    return 0;
  }
  return 1;
}

static int read_int(napi_env env, napi_value object, const char* name, smsreg_status (*set)(smsreg_options*, int),
                    smsreg_options* options) {
  bool has = false;
  napi_value value;
  int32_t number = 0;
  napi_has_named_property(env, object, name, &has);
  if (!has) return 1;
  napi_get_named_property(env, object, name, &value);
  if (napi_get_value_int32(env, value, &number) != napi_ok || set(options, number) != SMSREG_OK) {
    napi_throw_range_error(env, NULL, "recentDays, pendingHours and clockSkewSeconds must be integers >= 0");
    return 0;
  }
  return 1;
}

static int read_part(napi_env env, napi_value object, smsreg_options* options) {
  bool has = false;
  napi_value value;
  char part[16] = "";
  size_t len = 0;
  napi_has_named_property(env, object, "part", &has);
  if (!has) return 1;
  napi_get_named_property(env, object, "part", &value);
  napi_get_value_string_utf8(env, value, part, sizeof part, &len);
  smsreg_part p = strcmp(part, "brand") == 0      ? SMSREG_PART_BRAND
                  : strcmp(part, "campaign") == 0 ? SMSREG_PART_CAMPAIGN
                  : strcmp(part, "both") == 0     ? SMSREG_PART_BOTH
                                                  : (smsreg_part)-1;
  if (smsreg_options_set_part(options, p) != SMSREG_OK) {
    napi_throw_range_error(env, NULL, "part must be \"both\", \"brand\" or \"campaign\"");
    return 0;
  }
  return 1;
}

static int read_disable(napi_env env, napi_value object, smsreg_options* options) {
  bool has = false, is_array = false;
  napi_value list;
  uint32_t n = 0;
  napi_has_named_property(env, object, "disable", &has);
  if (!has) return 1;
  napi_get_named_property(env, object, "disable", &list);
  napi_is_array(env, list, &is_array);
  if (!is_array) {
    napi_throw_type_error(env, NULL, "disable must be an array of rule codes");
    return 0;
  }
  napi_get_array_length(env, list, &n);
  for (uint32_t i = 0; i < n; ++i) {
    napi_value item;
    size_t len = 0;
    napi_get_element(env, list, i, &item);
    char* code = string_text(env, item, &len);
    if (code == NULL) return 0;
    smsreg_status status = smsreg_options_disable_rule(options, code);
    free(code);
    if (status != SMSREG_OK) return 0;
  }
  return 1;
}

static int read_profile(napi_env env, napi_value object, smsreg_options* options) {
  bool has = false;
  napi_value value;
  size_t len = 0;
  napi_has_named_property(env, object, "profile", &has);
  if (!has) return 1;
  napi_get_named_property(env, object, "profile", &value);
  char* name = string_text(env, value, &len);
  if (name == NULL) return 0;
  smsreg_status status = smsreg_options_set_profile(options, name);
  free(name);
  return status == SMSREG_OK;
}

static int read_rules(napi_env env, napi_value object, smsreg_options* options) {
  bool has = false;
  napi_value value;
  size_t len = 0;
  napi_has_named_property(env, object, "rules", &has);
  if (!has) return 1;
  napi_get_named_property(env, object, "rules", &value);
  char* text = smsreg_node_document_text(env, value, &len);
  if (text == NULL) return 0;
  smsreg_status status = smsreg_options_set_rules(options, text, len);
  free(text);
  return status == SMSREG_OK;
}

int smsreg_node_read_options(napi_env env, napi_value object, smsreg_options* options) {
  napi_valuetype type;
  napi_typeof(env, object, &type);
  if (type == napi_undefined || type == napi_null) return 1;
  if (type != napi_object) {
    napi_throw_type_error(env, NULL, "options must be an object");
    return 0;
  }
  return read_part(env, object, options) && read_disable(env, object, options) && read_rules(env, object, options) &&
         read_profile(env, object, options) &&
         read_size(env, object, "maxBytes", smsreg_options_set_max_bytes, options) &&
         read_size(env, object, "maxDepth", smsreg_options_set_max_depth, options) &&
         read_size(env, object, "maxString", smsreg_options_set_max_string, options) &&
         read_int(env, object, "recentDays", smsreg_options_set_recent_days, options) &&
         read_int(env, object, "pendingHours", smsreg_options_set_pending_hours, options) &&
         read_int(env, object, "clockSkewSeconds", smsreg_options_set_clock_skew_seconds, options);
}

static napi_value string(napi_env env, const char* text) {
  napi_value value;
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &value);
  return value;
}

static napi_value param_value(napi_env env, const smsreg_finding* f, size_t i, smsreg_param_kind kind,
                              const char* value) {
  napi_value out;
  if (kind == SMSREG_PARAM_NUMBER) {
    napi_create_double(env, strtod(value, NULL), &out);
  } else if (kind == SMSREG_PARAM_LIST) {
    size_t n = 0;
    smsreg_finding_param_item_count(f, i, &n);
    napi_create_array_with_length(env, n, &out);
    for (size_t j = 0; j < n; ++j) {
      const char* item = NULL;
      smsreg_finding_param_item(f, i, j, &item);
      napi_set_element(env, out, (uint32_t)j, string(env, item));
    }
  } else {
    out = string(env, value);
  }
  return out;
}

static napi_value finding_object(napi_env env, const smsreg_finding* f) {
  const char *location = NULL, *code = NULL, *message = NULL;
  size_t count = 0;
  napi_value object, params;
  smsreg_finding_instance_location(f, &location);
  smsreg_finding_code(f, &code);
  smsreg_finding_message(f, &message);
  smsreg_finding_param_count(f, &count);
  napi_create_object(env, &object);
  napi_create_object(env, &params);
  for (size_t i = 0; i < count; ++i) {
    const char *name = NULL, *value = NULL;
    smsreg_param_kind kind;
    smsreg_finding_param(f, i, &name, &kind, &value);
    napi_set_named_property(env, params, name, param_value(env, f, i, kind, value));
  }
  napi_set_named_property(env, object, "instanceLocation", string(env, location));
  napi_set_named_property(env, object, "code", string(env, code));
  napi_set_named_property(env, object, "message", string(env, message));
  napi_set_named_property(env, object, "params", params);
  return object;
}

static napi_value finding_list(napi_env env, const smsreg_report* report, smsreg_severity severity) {
  size_t n = 0;
  napi_value list;
  smsreg_report_count(report, severity, &n);
  napi_create_array_with_length(env, n, &list);
  for (size_t i = 0; i < n; ++i) {
    const smsreg_finding* f = NULL;
    smsreg_report_finding(report, severity, i, &f);
    napi_set_element(env, list, (uint32_t)i, finding_object(env, f));
  }
  return list;
}

napi_value smsreg_node_report_object(napi_env env, const smsreg_report* report) {
  int verified = 0;
  napi_value object;
  smsreg_report_verified(report, &verified);
  napi_create_object(env, &object);
  napi_set_named_property(env, object, "status", string(env, verified ? "VERIFIED" : "NOT_VERIFIED"));
  napi_set_named_property(env, object, "errors", finding_list(env, report, SMSREG_SEVERITY_ERROR));
  napi_set_named_property(env, object, "warnings", finding_list(env, report, SMSREG_SEVERITY_WARNING));
  return object;
}

napi_value smsreg_node_parse_json(napi_env env, const char* json, size_t len) {
  napi_value text, result;
  napi_create_string_utf8(env, json, len, &text);
  if (napi_call_function(env, text, global_json(env, "parse"), 1, &text, &result) != napi_ok) return NULL;
  return result;
}
