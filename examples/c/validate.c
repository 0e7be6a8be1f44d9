/* Validates one registration file with smsreg's C API and prints the verdict
 * and every finding with its params, as a C form backend would read them.
 *   validate_c FILE      exit 0 VERIFIED, 1 NOT_VERIFIED, 2 on failure */
#include <smsreg/smsreg.h>
#include <stdio.h>
#include <stdlib.h>

static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* data = NULL;
  size_t cap = 0;
  *len = 0;
  if (f == NULL) return NULL;
  for (;;) {
    if (*len == cap) {
      char* grown = realloc(data, cap = cap ? cap * 2 : 4096);
      if (grown == NULL) break;
      data = grown;
    }
    size_t n = fread(data + *len, 1, cap - *len, f);
    if (n == 0) break;
    *len += n;
  }
  fclose(f);
  return data;
}

static void print_findings(const smsreg_report* report, smsreg_severity severity, const char* label) {
  size_t count = 0;
  smsreg_report_count(report, severity, &count);
  for (size_t i = 0; i < count; ++i) {
    const smsreg_finding* f = NULL;
    const char *location = NULL, *code = NULL, *message = NULL;
    size_t params = 0;
    smsreg_report_finding(report, severity, i, &f);
    smsreg_finding_instance_location(f, &location);
    smsreg_finding_code(f, &code);
    smsreg_finding_message(f, &message);
    printf("%s %s %s: %s\n", label, location, code, message);
    smsreg_finding_param_count(f, &params);
    for (size_t p = 0; p < params; ++p) {
      const char *name = NULL, *value = NULL;
      smsreg_param_kind kind;
      smsreg_finding_param(f, p, &name, &kind, &value);
      if (kind != SMSREG_PARAM_LIST) {
        printf("  %s = %s\n", name, value);
        continue;
      }
      size_t items = 0;
      smsreg_finding_param_item_count(f, p, &items);
      printf("  %s = [", name);
      for (size_t j = 0; j < items; ++j) {
        const char* item = NULL;
        smsreg_finding_param_item(f, p, j, &item);
        printf("%s%s", j ? ", " : "", item);
      }
      printf("]\n");
    }
  }
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  size_t len = 0;
  char* json = read_file(argv[1], &len);
  if (json == NULL) {
    fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 2;
  }
  smsreg_validator* validator = NULL;
  smsreg_report* report = NULL;
  int verified = 0, exit_code = 2;
  /* Built once (schemas and rules compiled), then shared by every request. */
  if (smsreg_validator_create(NULL, &validator) != SMSREG_OK ||
      smsreg_validate(validator, json, len, &report) != SMSREG_OK ||
      smsreg_report_verified(report, &verified) != SMSREG_OK) {
    fprintf(stderr, "smsreg: %s\n", smsreg_last_error());
  } else {
    printf("smsreg %s: %s\n", smsreg_version(), verified ? "VERIFIED" : "NOT_VERIFIED");
    print_findings(report, SMSREG_SEVERITY_ERROR, "error");
    print_findings(report, SMSREG_SEVERITY_WARNING, "warning");
    exit_code = verified ? 0 : 1;
  }
  smsreg_report_free(report);
  smsreg_validator_free(validator);
  free(json);
  return exit_code;
}
