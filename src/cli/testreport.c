/*
** testreport.c -- writing what `clausetag test` found (see testreport.h).
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli/testreport.h"
#include "core/buf.h"

void ct_cli_outcome_free(ct_cli_outcome *o) {
  free(o->title);
  free(o->summary);
  free(o->detail);
  memset(o, 0, sizeof *o);
}

static size_t count(const ct_cli_outcome *v, size_t n, int passed) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) k += passed ? v[i].passed > 0 : v[i].passed <= 0;
  return k;
}

int ct_cli_test_text(FILE *out, const ct_cli_outcome *v, size_t n) {
  size_t i;
  errno = 0;
  for (i = 0; i < n; i++)
    if (v[i].passed == 0 && v[i].detail) fputs(v[i].detail, out);
  fprintf(out, "%zu passed, %zu failed\n", count(v, n, 1), count(v, n, 0));
  if (fflush(out) != 0 || ferror(out)) return errno ? errno : EIO;
  return 0;
}

/* Appends s escaped as the junit writer escapes (NULL: nothing). */
static ct_status xml_cstr(ct_buf *b, const char *s) {
  char *e;
  ct_status st;
  if (s == NULL) return CT_OK;
  if ((e = ct_xml_escape(s, strlen(s))) == NULL) return CT_ENOMEM;
  st = ct_buf_adds(b, e);
  ct_string_free(e);
  return st;
}

static ct_status attr(ct_buf *b, const char *name, const char *value) {
  if (ct_buf_printf(b, " %s=\"", name) != CT_OK ||
      xml_cstr(b, value) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '"');
}

static ct_status testcase(ct_buf *b, const ct_cli_outcome *o) {
  const char *tag = o->passed < 0 ? "error" : "failure";
  if (ct_buf_adds(b, "    <testcase") != CT_OK ||
      attr(b, "name", o->title) != CT_OK ||
      ct_buf_adds(b, " classname=\"clausetag.example\"") != CT_OK)
    return CT_ENOMEM;
  if (o->passed > 0) return ct_buf_adds(b, "/>\n");
  if (ct_buf_printf(b, ">\n      <%s", tag) != CT_OK ||
      attr(b, "message", o->summary) != CT_OK ||
      ct_buf_printf(b, " type=\"example\">") != CT_OK ||
      xml_cstr(b, o->detail ? o->detail : o->summary) != CT_OK ||
      ct_buf_printf(b, "</%s>\n    </testcase>\n", tag) != CT_OK)
    return CT_ENOMEM;
  return CT_OK;
}

/* The suite of the examples of one file: v[from..] with that file. */
static ct_status suite(ct_buf *b, const ct_cli_outcome *v, size_t n,
                       size_t from, unsigned char *done) {
  const char *file = v[from].ex->file;
  size_t i, tests = 0, failures = 0, errors = 0;
  for (i = from; i < n; i++)
    if (strcmp(v[i].ex->file, file) == 0) {
      tests++;
      failures += v[i].passed == 0;
      errors += v[i].passed < 0;
    }
  if (ct_buf_adds(b, "  <testsuite") != CT_OK ||
      attr(b, "name", file) != CT_OK ||
      ct_buf_printf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
                    "skipped=\"0\">\n", tests, failures, errors) != CT_OK)
    return CT_ENOMEM;
  for (i = from; i < n; i++)
    if (!done[i] && strcmp(v[i].ex->file, file) == 0) {
      done[i] = 1;
      if (testcase(b, &v[i]) != CT_OK) return CT_ENOMEM;
    }
  return ct_buf_adds(b, "  </testsuite>\n");
}

int ct_cli_test_junit(FILE *out, const ct_cli_outcome *v, size_t n) {
  unsigned char *done = calloc(n + 1, 1);
  ct_buf b = {0};
  size_t i, errors = 0;
  ct_status st = done ? CT_OK : CT_ENOMEM;
  for (i = 0; i < n; i++) errors += v[i].passed < 0;
  if (st == CT_OK)
    st = ct_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuites name=\"clausetag test\" tests=\"%zu\" "
                       "failures=\"%zu\" errors=\"%zu\">\n", n,
                       count(v, n, 0) - errors, errors);
  for (i = 0; st == CT_OK && i < n; i++)
    if (!done[i]) st = suite(&b, v, n, i, done);
  if (st == CT_OK) st = ct_buf_adds(&b, "</testsuites>\n");
  free(done);
  if (st != CT_OK) {
    ct_buf_free(&b);
    return ENOMEM;
  }
  errno = 0;
  if (fwrite(b.s, 1, b.len, out) != b.len || fflush(out) != 0) {
    ct_buf_free(&b);
    return errno ? errno : EIO;
  }
  ct_buf_free(&b);
  return 0;
}
