/*
** testreport.c -- writing what `clausetag test` found (see testreport.h).
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli/testreport.h"
#include "cli/memtext.h"

void ct_cli_outcome_free(ct_cli_outcome *o) {
  free(o->title);
  free(o->summary);
  free(o->detail);
  memset(o, 0, sizeof *o);
}

/* How many outcomes are `passed` (1 passed, 0 failed, -1 an error). */
static size_t count(const ct_cli_outcome *v, size_t n, int passed) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) k += v[i].passed == passed;
  return k;
}

int ct_cli_test_text(FILE *out, const ct_cli_outcome *v, size_t n) {
  size_t i, errors;
  errno = 0;
  for (i = 0; i < n; i++)
    if (v[i].passed == 0 && v[i].detail) fputs(v[i].detail, out);
  fprintf(out, "%zu passed, %zu failed", count(v, n, 1), count(v, n, 0));
  if ((errors = count(v, n, -1)) > 0)   /* a rule failed on the example */
    fprintf(out, ", %zu %s", errors, errors == 1 ? "error" : "errors");
  fputc('\n', out);
  if (fflush(out) != 0 || ferror(out)) return errno ? errno : EIO;
  return 0;
}

/* The report is built in memory first, so that a failure to build it
** (memory) leaves out nothing half-written.  f writes into the memory
** text; *oom is set when an escape could not be made. */
typedef struct report {
  FILE *f;
  int oom;
} report;

/* Writes s escaped as the junit writer escapes (NULL: nothing). */
static void xml_cstr(report *r, const char *s) {
  char *e;
  if (s == NULL) return;
  if ((e = ct_xml_escape(s, strlen(s))) == NULL) {
    r->oom = 1;
    return;
  }
  fputs(e, r->f);
  ct_string_free(e);
}

static void attr(report *r, const char *name, const char *value) {
  fprintf(r->f, " %s=\"", name);
  xml_cstr(r, value);
  fputc('"', r->f);
}

static void testcase(report *r, const ct_cli_outcome *o) {
  const char *tag = o->passed < 0 ? "error" : "failure";
  fputs("    <testcase", r->f);
  attr(r, "name", o->title);
  fputs(" classname=\"clausetag.example\"", r->f);
  if (o->passed > 0) {
    fputs("/>\n", r->f);
    return;
  }
  fprintf(r->f, ">\n      <%s", tag);
  attr(r, "message", o->summary);
  fputs(" type=\"example\">", r->f);
  xml_cstr(r, o->detail ? o->detail : o->summary);
  fprintf(r->f, "</%s>\n    </testcase>\n", tag);
}

/* The suite of the examples of one file: v[from..] with that file. */
static void suite(report *r, const ct_cli_outcome *v, size_t n, size_t from,
                  unsigned char *done) {
  const char *file = v[from].ex->file;
  size_t i, tests = 0, failures = 0, errors = 0;
  for (i = from; i < n; i++)
    if (strcmp(v[i].ex->file, file) == 0) {
      tests++;
      failures += v[i].passed == 0;
      errors += v[i].passed < 0;
    }
  fputs("  <testsuite", r->f);
  attr(r, "name", file);
  fprintf(r->f, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
          "skipped=\"0\">\n", tests, failures, errors);
  for (i = from; i < n; i++)
    if (!done[i] && strcmp(v[i].ex->file, file) == 0) {
      done[i] = 1;
      testcase(r, &v[i]);
    }
  fputs("  </testsuite>\n", r->f);
}

int ct_cli_test_junit(FILE *out, const ct_cli_outcome *v, size_t n) {
  unsigned char *done = calloc(n + 1, 1);
  ct_cli_memtext m = {0};
  report r = {NULL, 0};
  size_t i, len;
  char *text;
  if (done == NULL || (r.f = ct_cli_memtext_file(&m)) == NULL) {
    free(done);
    ct_cli_memtext_free(&m);
    return ENOMEM;
  }
  fprintf(r.f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<testsuites name=\"clausetag test\" tests=\"%zu\" "
          "failures=\"%zu\" errors=\"%zu\">\n", n, count(v, n, 0),
          count(v, n, -1));
  for (i = 0; i < n; i++)
    if (!done[i]) suite(&r, v, n, i, done);
  fputs("</testsuites>\n", r.f);
  free(done);
  fflush(r.f);
  len = m.len;
  if ((text = ct_cli_memtext_take(&m)) == NULL || r.oom) {
    free(text);
    return ENOMEM;
  }
  errno = 0;
  if (fwrite(text, 1, len, out) != len || fflush(out) != 0) {
    free(text);
    return errno ? errno : EIO;
  }
  free(text);
  return 0;
}
