/* The C API's contract, from C99: statuses and messages on failure, options,
 * findings walked without JSON, the report's JSON, enablement diagnosis.
 *   capi_test VALID.json BROKEN.json ENABLEMENT.json */
#include <smsreg/smsreg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <smsreg/version.hpp>

static int failures = 0;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static char* slurp(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* data = malloc((size_t)size + 1);
  *len = fread(data, 1, (size_t)size, f);
  data[*len] = '\0';
  fclose(f);
  return data;
}

static smsreg_report* validate_with(const smsreg_validator* v, const char* json, size_t len) {
  smsreg_report* r = NULL;
  CHECK(smsreg_validate(v, json, len, &r) == SMSREG_OK);
  return r;
}

/* The finding at `location` with `code` in the report's errors, or NULL. */
static const smsreg_finding* find_error(const smsreg_report* r, const char* location, const char* code) {
  size_t n = 0;
  smsreg_report_count(r, SMSREG_SEVERITY_ERROR, &n);
  for (size_t i = 0; i < n; ++i) {
    const smsreg_finding* f = NULL;
    const char *l = NULL, *c = NULL;
    smsreg_report_finding(r, SMSREG_SEVERITY_ERROR, i, &f);
    smsreg_finding_instance_location(f, &l);
    smsreg_finding_code(f, &c);
    if (strcmp(l, location) == 0 && strcmp(c, code) == 0) return f;
  }
  return NULL;
}

static const char* param_value(const smsreg_finding* f, const char* wanted) {
  size_t n = 0;
  smsreg_finding_param_count(f, &n);
  for (size_t i = 0; i < n; ++i) {
    const char *name = NULL, *value = NULL;
    smsreg_finding_param(f, i, &name, NULL, &value);
    if (strcmp(name, wanted) == 0) return value;
  }
  return NULL;
}

static void test_version_and_arguments(void) {
  CHECK(strcmp(smsreg_version(), SMSREG_VERSION_STRING) == 0);
  CHECK(smsreg_validator_create(NULL, NULL) == SMSREG_ERROR_ARGUMENT);
  CHECK(strstr(smsreg_last_error(), "smsreg_validator_create") != NULL);
  smsreg_report* r = (smsreg_report*)&failures; /* must be reset to NULL */
  CHECK(smsreg_validate(NULL, "{}", 2, &r) == SMSREG_ERROR_ARGUMENT && r == NULL);
  int verified = 7;
  CHECK(smsreg_report_verified(NULL, &verified) == SMSREG_ERROR_ARGUMENT && verified == 7);
  smsreg_options* o = NULL;
  CHECK(smsreg_options_create(&o) == SMSREG_OK);
  CHECK(smsreg_options_set_part(o, (smsreg_part)9) == SMSREG_ERROR_ARGUMENT);
  CHECK(smsreg_options_set_max_bytes(o, 0) == SMSREG_ERROR_ARGUMENT);
  CHECK(smsreg_options_set_recent_days(o, -1) == SMSREG_ERROR_ARGUMENT);
  CHECK(smsreg_options_set_clock_skew_seconds(o, -1) == SMSREG_ERROR_ARGUMENT);
  CHECK(smsreg_options_set_clock_skew_seconds(o, 60) == SMSREG_OK);
  smsreg_options_free(o);
  smsreg_options_free(NULL); /* every free accepts NULL */
  smsreg_report_free(NULL);
  smsreg_validator_free(NULL);
  smsreg_diagnoser_free(NULL);
  smsreg_diagnosis_free(NULL);
}

static void test_build_failures(void) {
  smsreg_options* o = NULL;
  smsreg_validator* v = (smsreg_validator*)&failures;
  smsreg_options_create(&o);
  CHECK(smsreg_options_disable_rule(o, "NO_SUCH_CODE") == SMSREG_OK);
  CHECK(smsreg_validator_create(o, &v) == SMSREG_ERROR_BUILD && v == NULL);
  CHECK(strstr(smsreg_last_error(), "NO_SUCH_CODE") != NULL);
  smsreg_options_free(o);

  smsreg_options_create(&o);
  CHECK(smsreg_options_set_rules(o, "{\"rules\": 3", 11) == SMSREG_OK);
  CHECK(smsreg_validator_create(o, &v) == SMSREG_ERROR_BUILD && v == NULL);
  CHECK(strlen(smsreg_last_error()) > 0);
  smsreg_diagnoser* d = NULL;
  CHECK(smsreg_diagnoser_create(o, &d) == SMSREG_ERROR_BUILD && d == NULL);
  smsreg_options_free(o);

  /* A shipped provider profile builds; an unknown one fails, naming it. */
  smsreg_options_create(&o);
  CHECK(smsreg_options_set_profile(o, "twilio-2026") == SMSREG_OK);
  CHECK(smsreg_validator_create(o, &v) == SMSREG_OK && v != NULL);
  smsreg_validator_free(v);
  CHECK(smsreg_options_set_profile(o, "no-such-provider") == SMSREG_OK);
  CHECK(smsreg_validator_create(o, &v) == SMSREG_ERROR_BUILD && v == NULL);
  CHECK(strstr(smsreg_last_error(), "no-such-provider") != NULL);
  smsreg_options_free(o);
}

static void test_reports(const char* valid, size_t valid_len, const char* broken, size_t broken_len) {
  smsreg_validator* v = NULL;
  CHECK(smsreg_validator_create(NULL, &v) == SMSREG_OK);
  if (v == NULL) return;

  smsreg_report* ok = validate_with(v, valid, valid_len);
  int verified = 0;
  size_t errors = 99;
  CHECK(smsreg_report_verified(ok, &verified) == SMSREG_OK && verified == 1);
  CHECK(smsreg_report_count(ok, SMSREG_SEVERITY_ERROR, &errors) == SMSREG_OK && errors == 0);
  const char* json = NULL;
  size_t json_len = 0;
  CHECK(smsreg_report_json(ok, &json, &json_len) == SMSREG_OK);
  CHECK(strncmp(json, "{\"status\":\"VERIFIED\"", 20) == 0 && json_len == strlen(json));
  smsreg_report_free(ok);

  smsreg_report* bad = validate_with(v, broken, broken_len);
  CHECK(smsreg_report_verified(bad, &verified) == SMSREG_OK && verified == 0);
  const smsreg_finding* prefix = find_error(bad, "/brand/ein", "EIN_PREFIX_INVALID");
  CHECK(prefix != NULL && strcmp(param_value(prefix, "prefix"), "07") == 0);
  const smsreg_finding* phone = find_error(bad, "/brand/phone", "FIELD_FORMAT");
  CHECK(phone != NULL && strcmp(param_value(phone, "suggestion"), "+13125478810") == 0);
  const char* message = NULL;
  CHECK(smsreg_finding_message(prefix, &message) == SMSREG_OK && strstr(message, "07") != NULL);
  const smsreg_finding* f = NULL;
  CHECK(smsreg_report_finding(bad, SMSREG_SEVERITY_ERROR, 10000, &f) == SMSREG_ERROR_ARGUMENT && f == NULL);
  CHECK(smsreg_report_finding(bad, (smsreg_severity)5, 0, &f) == SMSREG_ERROR_ARGUMENT);
  const char* name = NULL;
  CHECK(smsreg_finding_param(prefix, 99, &name, NULL, NULL) == SMSREG_ERROR_ARGUMENT);
  CHECK(smsreg_report_json(bad, &json, NULL) == SMSREG_OK && strstr(json, "EIN_PREFIX_INVALID") != NULL);
  smsreg_report_free(bad);

  /* Bad input is a report, not a failure (INTERFACE 2.5); a buffer need not end in NUL. */
  smsreg_report* truncated = validate_with(v, "{\"brand\": {}}XYZ", 5);
  CHECK(find_error(truncated, "", "INPUT_MALFORMED") != NULL);
  smsreg_report_free(truncated);
  smsreg_report* empty = validate_with(v, NULL, 0);
  CHECK(find_error(empty, "", "INPUT_EMPTY") != NULL);
  smsreg_report_free(empty);
  smsreg_validator_free(v);
}

static void test_options(const char* broken, size_t broken_len) {
  smsreg_options* o = NULL;
  smsreg_validator* v = NULL;
  smsreg_options_create(&o);
  CHECK(smsreg_options_set_max_bytes(o, 100) == SMSREG_OK);
  CHECK(smsreg_validator_create(o, &v) == SMSREG_OK);
  smsreg_report* r = validate_with(v, broken, broken_len);
  CHECK(find_error(r, "", "INPUT_TOO_LARGE") != NULL);
  smsreg_report_free(r);
  smsreg_validator_free(v);
  smsreg_options_free(o);

  /* Part and disabled codes: brand alone, EIN prefix turned off. */
  smsreg_options_create(&o);
  CHECK(smsreg_options_set_part(o, SMSREG_PART_BRAND) == SMSREG_OK);
  CHECK(smsreg_options_disable_rule(o, "EIN_PREFIX_INVALID") == SMSREG_OK);
  CHECK(smsreg_validator_create(o, &v) == SMSREG_OK);
  smsreg_options_free(o); /* copied: the validator does not need it */
  r = validate_with(v, broken, broken_len);
  CHECK(find_error(r, "/brand/ein", "EIN_PREFIX_INVALID") == NULL);
  CHECK(find_error(r, "/brand/phone", "FIELD_FORMAT") != NULL);
  size_t n = 0;
  smsreg_report_count(r, SMSREG_SEVERITY_ERROR, &n);
  for (size_t i = 0; i < n; ++i) {
    const smsreg_finding* f = NULL;
    const char* location = NULL;
    smsreg_report_finding(r, SMSREG_SEVERITY_ERROR, i, &f);
    smsreg_finding_instance_location(f, &location);
    CHECK(strncmp(location, "/campaign", 9) != 0);
  }
  smsreg_report_free(r);
  smsreg_validator_free(v);
}

static void test_diagnosis(const char* input, size_t len) {
  smsreg_options* o = NULL;
  smsreg_diagnoser* d = NULL;
  smsreg_diagnosis* out = NULL;
  smsreg_options_create(&o);
  smsreg_options_set_recent_days(o, 10);
  CHECK(smsreg_diagnoser_create(o, &d) == SMSREG_OK);
  smsreg_options_free(o);
  CHECK(smsreg_diagnose(d, input, len, &out) == SMSREG_OK);
  int diagnosed = 0;
  const char* json = NULL;
  CHECK(smsreg_diagnosis_ok(out, &diagnosed) == SMSREG_OK && diagnosed == 1);
  CHECK(smsreg_diagnosis_json(out, &json, NULL) == SMSREG_OK && strstr(json, "\"PHONE_NUMBER_CHANGED\"") != NULL);
  smsreg_diagnosis_free(out);
  CHECK(smsreg_diagnose(d, "{\"asOf\": 1}", 11, &out) == SMSREG_OK);
  CHECK(smsreg_diagnosis_ok(out, &diagnosed) == SMSREG_OK && diagnosed == 0);
  CHECK(smsreg_diagnosis_json(out, &json, NULL) == SMSREG_OK && strncmp(json, "{\"error\":", 9) == 0);
  smsreg_diagnosis_free(out);
  smsreg_diagnoser_free(d);
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s VALID.json BROKEN.json ENABLEMENT.json\n", argv[0]);
    return 2;
  }
  size_t valid_len = 0, broken_len = 0, enablement_len = 0;
  char* valid = slurp(argv[1], &valid_len);
  char* broken = slurp(argv[2], &broken_len);
  char* enablement = slurp(argv[3], &enablement_len);
  test_version_and_arguments();
  test_build_failures();
  test_reports(valid, valid_len, broken, broken_len);
  test_options(broken, broken_len);
  test_diagnosis(enablement, enablement_len);
  free(valid);
  free(broken);
  free(enablement);
  if (failures == 0) printf("capi_test: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
