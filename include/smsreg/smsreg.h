/* smsreg's C API (C99): validate a 10DLC registration and diagnose SMS
 * enablement from any language that can call C.
 *
 * A thin layer over the C++ API (validator.hpp, enablement.hpp): the same
 * reports, codes and messages. Conventions:
 *
 * - Every function that can fail returns an smsreg_status. On failure the
 *   reason is in smsreg_last_error(), a message kept per thread until the
 *   thread's next failing call. Nothing throws or aborts across this boundary;
 *   an allocation failure is SMSREG_ERROR_MEMORY.
 * - Objects are opaque handles, created by *_create (or returned by
 *   smsreg_validate, smsreg_diagnose) and released by the matching *_free,
 *   which accepts NULL.
 * - Strings handed out (const char*) are UTF-8, NUL-terminated, and owned by
 *   the handle they came from: valid until that handle is freed.
 * - Input buffers are (pointer, length); they need no terminating NUL and may
 *   be freed as soon as the call returns.
 *
 * Thread safety, as in the C++ API: a validator or diagnoser, once created,
 * may be used by any number of threads at once. A report or diagnosis is
 * immutable and may be read from several threads. An options handle is plain
 * data: do not change it while another thread reads it.
 *
 * Options are a handle with setters, not a struct, so later versions can add
 * options without changing the ABI within a minor release (at 0.x the
 * SONAME is libsmsreg.so.MAJOR.MINOR: a minor release may break it).
 */
#ifndef SMSREG_SMSREG_H
#define SMSREG_SMSREG_H

#include <stddef.h>

#include "smsreg/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum smsreg_status {
  SMSREG_OK = 0,
  SMSREG_ERROR_ARGUMENT = 1, /* NULL handle or out-pointer, unknown enum value, index out of range */
  SMSREG_ERROR_BUILD = 2,    /* a validator or diagnoser could not be built (bad rule file, unknown code) */
  SMSREG_ERROR_MEMORY = 3,   /* out of memory */
  SMSREG_ERROR_INTERNAL = 4  /* a bug in smsreg: please report it with the message */
} smsreg_status;

/* Which parts of a submission ({brand, campaign, phoneNumbers}) are validated;
 * checks that need an absent part are skipped. */
typedef enum smsreg_part { SMSREG_PART_BOTH = 0, SMSREG_PART_BRAND = 1, SMSREG_PART_CAMPAIGN = 2 } smsreg_part;

/* The two lists of a report: errors block VERIFIED, warnings never do. */
typedef enum smsreg_severity { SMSREG_SEVERITY_ERROR = 0, SMSREG_SEVERITY_WARNING = 1 } smsreg_severity;

/* How a finding's param is written in the report's JSON. */
typedef enum smsreg_param_kind {
  SMSREG_PARAM_STRING = 0,
  SMSREG_PARAM_NUMBER = 1, /* value is its decimal text, e.g. "160" */
  SMSREG_PARAM_LIST = 2    /* a list of strings: see smsreg_finding_param_item */
} smsreg_param_kind;

typedef struct smsreg_options smsreg_options;
typedef struct smsreg_validator smsreg_validator;
typedef struct smsreg_report smsreg_report;
typedef struct smsreg_finding smsreg_finding; /* borrowed from its report */
typedef struct smsreg_diagnoser smsreg_diagnoser;
typedef struct smsreg_diagnosis smsreg_diagnosis;

/* The library's version, "MAJOR.MINOR.PATCH". Never fails. */
SMSREG_API const char* smsreg_version(void);

/* Why the calling thread's last failing call failed; "" if none did. */
SMSREG_API const char* smsreg_last_error(void);

/* --- options -------------------------------------------------------------
 * Defaults: both parts, no code disabled, no rule file; limits 1 MiB per
 * document for validation and 64 MiB for enablement input, nesting 64 levels,
 * strings 64 KiB; "recently enabled" 30 days; pending overdue after 48 hours.
 * A limit of 0 is an argument error. */
SMSREG_API smsreg_status smsreg_options_create(smsreg_options** out);
SMSREG_API void smsreg_options_free(smsreg_options* options);
SMSREG_API smsreg_status smsreg_options_set_part(smsreg_options* options, smsreg_part part);
SMSREG_API smsreg_status smsreg_options_set_max_bytes(smsreg_options* options, size_t max_bytes);
SMSREG_API smsreg_status smsreg_options_set_max_depth(smsreg_options* options, size_t max_depth);
SMSREG_API smsreg_status smsreg_options_set_max_string(smsreg_options* options, size_t max_string);
/* Turns a rule code off; an unknown code makes smsreg_validator_create fail. */
SMSREG_API smsreg_status smsreg_options_disable_rule(smsreg_options* options, const char* code);
/* The text of a rule file (its JSON Schema is installed as
 * share/smsreg/schemas/rules-file.schema.json); len 0 for none. */
SMSREG_API smsreg_status smsreg_options_set_rules(smsreg_options* options, const char* text, size_t len);
/* Enablement only: days and hours, at least 0. */
SMSREG_API smsreg_status smsreg_options_set_recent_days(smsreg_options* options, int days);
SMSREG_API smsreg_status smsreg_options_set_pending_hours(smsreg_options* options, int hours);
/* Enablement only: event times this close to the console's enable are read in
 * causal order (default 300 seconds; at least 0). */
SMSREG_API smsreg_status smsreg_options_set_clock_skew_seconds(smsreg_options* options, int seconds);
/* A shipped provider profile by name (e.g. "twilio-2026"), NULL or "" for
 * none; an unknown name makes smsreg_validator_create fail. */
SMSREG_API smsreg_status smsreg_options_set_profile(smsreg_options* options, const char* name);

/* --- validation ----------------------------------------------------------
 * options may be NULL for the defaults; it is copied, so it may be freed
 * right after. Building compiles the schemas and every rule: do it once. */
SMSREG_API smsreg_status smsreg_validator_create(const smsreg_options* options, smsreg_validator** out);
SMSREG_API void smsreg_validator_free(smsreg_validator* validator);

/* Validates len bytes of JSON. Bad input (malformed, too large, not an
 * object...) is not a failure: it gives a NOT_VERIFIED report with one
 * INPUT_* error, at "" or at the pointer the parser knew. */
SMSREG_API smsreg_status smsreg_validate(const smsreg_validator* validator, const char* json, size_t len,
                                         smsreg_report** out);
SMSREG_API void smsreg_report_free(smsreg_report* report);

/* *verified is 1 for VERIFIED (no errors), 0 for NOT_VERIFIED. */
SMSREG_API smsreg_status smsreg_report_verified(const smsreg_report* report, int* verified);
SMSREG_API smsreg_status smsreg_report_count(const smsreg_report* report, smsreg_severity severity, size_t* count);
/* The index-th finding of a list, in the contract's order. */
SMSREG_API smsreg_status smsreg_report_finding(const smsreg_report* report, smsreg_severity severity, size_t index,
                                               const smsreg_finding** out);
/* The report as JSON, {"status", "errors", "warnings"} as the CLI's
 * `validate --format json` writes it: one line, no trailing newline. */
SMSREG_API smsreg_status smsreg_report_json(const smsreg_report* report, const char** json, size_t* len);

SMSREG_API smsreg_status smsreg_finding_instance_location(const smsreg_finding* finding, const char** out);
SMSREG_API smsreg_status smsreg_finding_code(const smsreg_finding* finding, const char** out);
SMSREG_API smsreg_status smsreg_finding_message(const smsreg_finding* finding, const char** out);
SMSREG_API smsreg_status smsreg_finding_param_count(const smsreg_finding* finding, size_t* count);
/* The index-th param: its name, kind, and for strings and numbers its value
 * (for a list, *value is "" and the items come from smsreg_finding_param_item).
 * Any out-pointer but name may be NULL. */
SMSREG_API smsreg_status smsreg_finding_param(const smsreg_finding* finding, size_t index, const char** name,
                                              smsreg_param_kind* kind, const char** value);
SMSREG_API smsreg_status smsreg_finding_param_item_count(const smsreg_finding* finding, size_t index, size_t* count);
SMSREG_API smsreg_status smsreg_finding_param_item(const smsreg_finding* finding, size_t index, size_t item,
                                                   const char** out);

/* --- enablement ----------------------------------------------------------
 * A diagnoser reads enablement input (a user, its account and events, or a
 * batch of users), as `smsreg enablement` does. When the input
 * carries account.registration, it is validated with the options' part,
 * disabled codes and rule file (and the validation limits). */
SMSREG_API smsreg_status smsreg_diagnoser_create(const smsreg_options* options, smsreg_diagnoser** out);
SMSREG_API void smsreg_diagnoser_free(smsreg_diagnoser* diagnoser);

/* Diagnoses len bytes of JSON. Input of the wrong shape is not a failure: the
 * diagnosis is then {"error": {...}} and *diagnosed (smsreg_diagnosis_ok) is 0. */
SMSREG_API smsreg_status smsreg_diagnose(const smsreg_diagnoser* diagnoser, const char* json, size_t len,
                                         smsreg_diagnosis** out);
SMSREG_API void smsreg_diagnosis_free(smsreg_diagnosis* diagnosis);
SMSREG_API smsreg_status smsreg_diagnosis_ok(const smsreg_diagnosis* diagnosis, int* diagnosed);
/* One user's diagnosis, the batch output, or the error object; one line. */
SMSREG_API smsreg_status smsreg_diagnosis_json(const smsreg_diagnosis* diagnosis, const char** json, size_t* len);

#ifdef __cplusplus
}
#endif

#endif /* SMSREG_SMSREG_H */
