/* smsreg for Node.js (INTERFACE section 7): a Node-API addon in C on smsreg's
 * C API. validate() runs on the calling thread; validateAsync() runs the
 * validation on the libuv thread pool (napi_create_async_work) and resolves a
 * Promise; both return {status, errors, warnings}. */
#include <node_api.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "smsreg/smsreg.h"

/* Throws a JS Error and returns NULL, for `return fail(env, ...)`. */
static napi_value fail(napi_env env, const char* message) {
  napi_throw_error(env, NULL, message);
  return NULL;
}

static void finalize_validator(napi_env env, void* data, void* hint) {
  (void)env;
  (void)hint;
  smsreg_validator_free((smsreg_validator*)data);
}

/* new Validator({part, disable, rules, maxBytes, maxDepth, maxString}) */
static napi_value validator_new(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], self;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  smsreg_options* options = NULL;
  if (smsreg_options_create(&options) != SMSREG_OK) return fail(env, smsreg_last_error());
  if (argc >= 1 && !smsreg_node_read_options(env, argv[0], options)) {
    smsreg_options_free(options);
    return NULL; /* an exception is pending */
  }
  smsreg_validator* validator = NULL;
  smsreg_status status = smsreg_validator_create(options, &validator);
  smsreg_options_free(options);
  if (status != SMSREG_OK) return fail(env, smsreg_last_error());
  if (napi_wrap(env, self, validator, finalize_validator, NULL, NULL) != napi_ok) {
    smsreg_validator_free(validator);
    return fail(env, "cannot wrap the validator");
  }
  return self;
}

static smsreg_validator* unwrap(napi_env env, napi_value self) {
  void* data = NULL;
  if (napi_unwrap(env, self, &data) != napi_ok || data == NULL) {
    fail(env, "not a smsreg.Validator");
    return NULL;
  }
  return (smsreg_validator*)data;
}

static napi_value validate_sync(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], self;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  smsreg_validator* validator = unwrap(env, self);
  if (validator == NULL) return NULL;
  if (argc < 1) return fail(env, "validate(document): a string, Buffer or object is required");
  size_t len = 0;
  char* text = smsreg_node_document_text(env, argv[0], &len);
  if (text == NULL) return NULL;
  smsreg_report* report = NULL;
  smsreg_status status = smsreg_validate(validator, text, len, &report);
  free(text);
  if (status != SMSREG_OK) return fail(env, smsreg_last_error());
  napi_value result = smsreg_node_report_object(env, report);
  smsreg_report_free(report);
  return result;
}

/* One validateAsync call: the text is copied before the work is queued, the
 * validator is kept alive by a reference to its JS object. */
typedef struct {
  napi_async_work work;
  napi_deferred deferred;
  napi_ref self;
  smsreg_validator* validator;
  char* text;
  size_t len;
  smsreg_report* report;
  smsreg_status status;
  char error[512];
} async_call;

static void execute(napi_env env, void* data) {
  (void)env; /* runs on a pool thread: no JS here */
  async_call* call = (async_call*)data;
  call->status = smsreg_validate(call->validator, call->text, call->len, &call->report);
  if (call->status != SMSREG_OK) {
    strncpy(call->error, smsreg_last_error(), sizeof call->error - 1);
    call->error[sizeof call->error - 1] = '\0';
  }
}

static void complete(napi_env env, napi_status work_status, void* data) {
  async_call* call = (async_call*)data;
  napi_value value = NULL;
  if (work_status == napi_ok && call->status == SMSREG_OK) value = smsreg_node_report_object(env, call->report);
  if (value != NULL) {
    napi_resolve_deferred(env, call->deferred, value);
  } else {
    napi_value message, error;
    const char* text = call->status != SMSREG_OK ? call->error : "validation was cancelled or failed";
    napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, NULL, message, &error);
    napi_reject_deferred(env, call->deferred, error);
  }
  smsreg_report_free(call->report);
  napi_delete_reference(env, call->self);
  napi_delete_async_work(env, call->work);
  free(call->text);
  free(call);
}

static napi_value validate_async(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], self, promise, name;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  smsreg_validator* validator = unwrap(env, self);
  if (validator == NULL) return NULL;
  if (argc < 1) return fail(env, "validateAsync(document): a string, Buffer or object is required");
  async_call* call = (async_call*)calloc(1, sizeof *call);
  if (call == NULL) return fail(env, "out of memory");
  call->validator = validator;
  call->text = smsreg_node_document_text(env, argv[0], &call->len);
  if (call->text == NULL) {
    free(call);
    return NULL;
  }
  napi_create_reference(env, self, 1, &call->self);
  napi_create_promise(env, &call->deferred, &promise);
  napi_create_string_utf8(env, "smsreg.validateAsync", NAPI_AUTO_LENGTH, &name);
  if (napi_create_async_work(env, NULL, name, execute, complete, call, &call->work) != napi_ok ||
      napi_queue_async_work(env, call->work) != napi_ok) {
    return fail(env, "cannot queue the validation");
  }
  return promise;
}

/* smsreg.diagnose(input, {recentDays, pendingHours}): the diagnosis object,
 * or {error: {...}} for input of the wrong shape, as the CLI prints it. */
static napi_value diagnose(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1) return fail(env, "diagnose(input, options): input is required");
  smsreg_options* options = NULL;
  if (smsreg_options_create(&options) != SMSREG_OK) return fail(env, smsreg_last_error());
  if (argc >= 2 && !smsreg_node_read_options(env, argv[1], options)) {
    smsreg_options_free(options);
    return NULL;
  }
  smsreg_diagnoser* diagnoser = NULL;
  smsreg_status status = smsreg_diagnoser_create(options, &diagnoser);
  smsreg_options_free(options);
  if (status != SMSREG_OK) return fail(env, smsreg_last_error());
  size_t len = 0;
  char* text = smsreg_node_document_text(env, argv[0], &len);
  napi_value result = NULL;
  smsreg_diagnosis* diagnosis = NULL;
  if (text != NULL && smsreg_diagnose(diagnoser, text, len, &diagnosis) == SMSREG_OK) {
    const char* json = NULL;
    size_t json_len = 0;
    smsreg_diagnosis_json(diagnosis, &json, &json_len);
    result = smsreg_node_parse_json(env, json, json_len);
  } else if (text != NULL) {
    fail(env, smsreg_last_error());
  }
  smsreg_diagnosis_free(diagnosis);
  smsreg_diagnoser_free(diagnoser);
  free(text);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor methods[] = {
      {"validate", NULL, validate_sync, NULL, NULL, NULL, napi_default, NULL},
      {"validateAsync", NULL, validate_async, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_value cls, fn, version;
  napi_define_class(env, "Validator", NAPI_AUTO_LENGTH, validator_new, NULL, 2, methods, &cls);
  napi_set_named_property(env, exports, "Validator", cls);
  napi_create_function(env, "diagnose", NAPI_AUTO_LENGTH, diagnose, NULL, &fn);
  napi_set_named_property(env, exports, "diagnose", fn);
  napi_create_string_utf8(env, smsreg_version(), NAPI_AUTO_LENGTH, &version);
  napi_set_named_property(env, exports, "version", version);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
