/* One validator shared by 8 threads through the C API: every thread
 * validates every document many times and must get, byte for byte, the JSON
 * a single thread got. Run under TSan in CI with the C++ concurrency test.
 *   capi_threads_test FILE... */
#include <pthread.h>
#include <smsreg/smsreg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kThreads = 8, kRounds = 25, kMaxDocs = 16 };

static const smsreg_validator* validator;
static char* docs[kMaxDocs];
static size_t lengths[kMaxDocs];
static char* expected[kMaxDocs];
static int ndocs;

static char* report_json(const char* doc, size_t len) {
  smsreg_report* r = NULL;
  const char* json = NULL;
  char* copy = NULL;
  if (smsreg_validate(validator, doc, len, &r) == SMSREG_OK && smsreg_report_json(r, &json, NULL) == SMSREG_OK) {
    copy = malloc(strlen(json) + 1);
    strcpy(copy, json);
  }
  smsreg_report_free(r);
  return copy;
}

static void* worker(void* arg) {
  long mismatches = 0;
  long offset = (long)(size_t)arg; /* each thread starts at another document */
  for (int round = 0; round < kRounds; ++round) {
    for (int k = 0; k < ndocs; ++k) {
      int i = (int)((k + offset) % ndocs);
      char* got = report_json(docs[i], lengths[i]);
      if (got == NULL || strcmp(got, expected[i]) != 0) ++mismatches;
      free(got);
    }
  }
  return (void*)(size_t)mismatches;
}

int main(int argc, char** argv) {
  smsreg_validator* v = NULL;
  if (argc < 2 || argc - 1 > kMaxDocs || smsreg_validator_create(NULL, &v) != SMSREG_OK) {
    fprintf(stderr, "usage: %s FILE... (at most %d): %s\n", argv[0], kMaxDocs, smsreg_last_error());
    return 2;
  }
  validator = v;
  ndocs = argc - 1;
  for (int i = 0; i < ndocs; ++i) {
    FILE* f = fopen(argv[i + 1], "rb");
    if (f == NULL) return 2;
    fseek(f, 0, SEEK_END);
    lengths[i] = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    docs[i] = malloc(lengths[i]);
    if (fread(docs[i], 1, lengths[i], f) != lengths[i]) return 2;
    fclose(f);
    expected[i] = report_json(docs[i], lengths[i]);
    if (expected[i] == NULL) return 2;
  }
  pthread_t threads[kThreads];
  for (long t = 0; t < kThreads; ++t) pthread_create(&threads[t], NULL, worker, (void*)(size_t)t);
  long mismatches = 0;
  for (int t = 0; t < kThreads; ++t) {
    void* result = NULL;
    pthread_join(threads[t], &result);
    mismatches += (long)(size_t)result;
  }
  printf("%d threads x %d rounds x %d documents: %ld mismatches\n", kThreads, kRounds, ndocs, mismatches);
  for (int i = 0; i < ndocs; ++i) {
    free(docs[i]);
    free(expected[i]);
  }
  smsreg_validator_free(v);
  return mismatches == 0 ? 0 : 1;
}
