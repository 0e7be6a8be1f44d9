/* Between JavaScript values and smsreg's C API. Each function returns NULL
 * (or 0) with a JS exception pending when it cannot do its job. */
#ifndef SMSREG_NODE_CONVERT_H
#define SMSREG_NODE_CONVERT_H

#include <node_api.h>
#include <stddef.h>

#include "smsreg/smsreg.h"

/* A string, Buffer or object (JSON.stringify) as malloc'd UTF-8 text. */
char* smsreg_node_document_text(napi_env env, napi_value value, size_t* len);
/* {part, disable, rules, maxBytes, maxDepth, maxString, recentDays,
 * pendingHours} into options; undefined and null mean none. */
int smsreg_node_read_options(napi_env env, napi_value object, smsreg_options* options);
/* {status, errors: [{instanceLocation, code, message, params}], warnings} */
napi_value smsreg_node_report_object(napi_env env, const smsreg_report* report);
napi_value smsreg_node_parse_json(napi_env env, const char* json, size_t len);

#endif /* SMSREG_NODE_CONVERT_H */
