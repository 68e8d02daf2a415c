/*
** diag.c -- collecting the errors and warnings of rule files (see
** diag.h).
**
** A problem costs its message and, the first time a file has one, a
** second read of that file to find the line and column (locate.c): the
** common case, a rule set that loads, reads nothing twice.  Messages go
** through ct_fail's cleaning, so text from a rule file (a key, an
** error("...")) can neither forge a line nor a terminal escape.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "core/suggest.h"
#include "rules/diag.h"
#include "rules/locate.h"
#include "core/grow.h"

void ct_diags_init(ct_diags *d, ct_diagnostic_fn *fn, void *ud,
                   size_t max_errors) {
  memset(d, 0, sizeof *d);
  d->fn = fn;
  d->ud = ud;
  d->max_errors = max_errors ? max_errors : CT_DEFAULT_MAX_ERRORS;
}

void ct_diags_free(ct_diags *d) {
  size_t i;
  for (i = 0; i < d->n; i++) {
    free(d->v[i].file);
    free(d->v[i].message);
  }
  free(d->v);
  d->v = NULL;
  d->n = d->cap = 0;
  ct_srcfile_free(&d->src);
}

void ct_diagnostic_format(const ct_diagnostic *d, char *buf, size_t size) {
  const char *sev = d->severity == CT_SEVERITY_WARNING ? "warning: " : "";
  size_t n;
  if (size == 0) return;
  if (d->file == NULL)
    snprintf(buf, size, "clausetag: %s%s", sev, d->message);
  else if (d->line <= 0)
    snprintf(buf, size, "%s: %s%s", d->file, sev, d->message);
  else if (d->col <= 0)
    snprintf(buf, size, "%s:%d: %s%s", d->file, d->line, sev, d->message);
  else
    snprintf(buf, size, "%s:%d:%d: %s%s", d->file, d->line, d->col, sev,
             d->message);
  n = strlen(buf);                /* a cut leaves no half character */
  if (n + 1 == size)
    while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80) buf[--n] = 0;
  if (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0xC0) buf[n - 1] = 0;
}

/* Keeps one problem; errors past the cap are dropped, the first of them
** noted. */
static void emit(ct_diags *d, ct_severity sev, ct_status st, const char *file,
                 int line, int col, const char *msg) {
  ct_diag_entry *e;
  if (sev == CT_SEVERITY_ERROR) {
    if (d->stopped) return;
    if (d->errors == d->max_errors) {
      d->stopped = d->capped = 1;
      return;
    }
    d->errors++;
  } else {
    if (d->warnings == CT_MAX_WARNINGS) {
      d->wcapped = 1;
      return;
    }
    d->warnings++;
  }
  if (d->n == d->cap) {
    ct_diag_entry *v = ct_grow(d->v, d->n, &d->cap, sizeof *v, 16);
    if (v == NULL) {
      d->lost = 1;
      return;
    }
    d->v = v;
  }
  e = &d->v[d->n];
  e->severity = sev;
  e->status = sev == CT_SEVERITY_ERROR ? st : CT_OK;
  e->file = file ? strdup(file) : NULL;
  e->message = strdup(msg);
  e->line = line, e->col = col, e->seq = d->n;
  if (e->message == NULL || (file && e->file == NULL)) {
    free(e->file);
    free(e->message);
    d->lost = 1;
    return;
  }
  d->n++;
}

static void vadd(ct_diags *d, ct_severity sev, ct_status st, const char *file,
                 int line, int col, const char *fmt, va_list ap) {
  char text[sizeof ((ct_error *)0)->msg];
  ct_error msg;
  vsnprintf(text, sizeof text, fmt, ap);
  ct_fail(&msg, st, "%s", text);                  /* one clean line */
  emit(d, sev, st, file, line, col, msg.msg);
}

void ct_diags_add(ct_diags *d, ct_severity sev, ct_status st,
                  const char *file, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vadd(d, sev, st, file, line, col, fmt, ap);
  va_end(ap);
}

void ct_diags_at(ct_diags *d, ct_severity sev, ct_status st,
                 const ct_srcref *ref, const char *fmt, ...) {
  ct_srcpos pos = {0, 0};
  const char *src;
  size_t len = 0;
  va_list ap;
  if (sev == CT_SEVERITY_ERROR && d->stopped) return;
  if (sev == CT_SEVERITY_WARNING && d->warnings == CT_MAX_WARNINGS) {
    d->wcapped = 1;                   /* not placed: that is the cost */
    return;
  }
  pos.line = ref->line;
  if (ref->file != NULL && ref->line > 0 &&
      (src = ct_srcfile_get(&d->src, ref->file, &len)) != NULL) {
    ct_locate_query q;
    memset(&q, 0, sizeof q);
    q.line = ref->line;
    q.decl = ref->decl;
    q.name = ref->name;
    if (ref->key) q.keys[q.nkeys++] = ref->key;
    if (ref->key && ref->subkey) q.keys[q.nkeys++] = ref->subkey;
    q.elem = ref->elem;
    q.at_value = ref->at_value;
    q.value_line = ref->value_line;
    ct_locate(src, len, &q, &pos);
  }
  va_start(ap, fmt);
  vadd(d, sev, st, ref->file, pos.line, pos.col, fmt, ap);
  va_end(ap);
}

void ct_diags_suggest(char *buf, size_t n, const char *word,
                      const char *const *cands, size_t ncands) {
  const char *s = ct_suggest(word, cands, ncands);
  size_t len = strlen(buf);
  if (s != NULL && len < n)
    snprintf(buf + len, n - len, " (did you mean '%s'?)", s);
}

/* What rule code can name besides the declarations: the sandbox's
** globals (sandbox.h), for a suggestion after a misspelt one. */
static const char *const sandbox_globals[] = {
  "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
  "rawequal", "rawget", "rawlen", "rawset", "select", "tonumber",
  "tostring", "type", "warn", "xpcall", "string", "table", "math", "utf8",
  "ct", "_G", "_VERSION", NULL
};

/* The name in "... (global 'NAME')" of msg, into out; 0 when none. */
static int nil_global(const char *msg, const char *what, char *out,
                      size_t n) {
  const char *p = strstr(msg, what), *q;
  if (p == NULL || (p = strstr(p, "(global '")) == NULL) return 0;
  p += strlen("(global '");
  if ((q = strchr(p, '\'')) == NULL || (size_t)(q - p) >= n) return 0;
  memcpy(out, p, (size_t)(q - p));
  out[q - p] = '\0';
  return 1;
}

void ct_diags_hint_global(char *buf, size_t n) {
  char tok[256];
  if (nil_global(buf, "a nil value", tok, sizeof tok))
    ct_diags_suggest(buf, n, tok, sandbox_globals, (size_t)-1);
}

/* The token a Lua message names on its line, into out: 'x' after near,
** global, local, field, method, upvalue or constant. */
static int named_token(const char *msg, char *out, size_t n) {
  static const char *const marks[] = {"near '", "global '", "local '",
                                      "field '", "method '", "upvalue '",
                                      "constant '", NULL};
  const char *const *m;
  for (m = marks; *m; m++) {
    const char *p = strstr(msg, *m), *q;
    if (p == NULL) continue;
    p += strlen(*m);
    q = strrchr(p, '\'');
    if (strncmp(*m, "near", 4) != 0) q = strchr(p, '\'');
    if (q == NULL || (size_t)(q - p) >= n) continue;
    memcpy(out, p, (size_t)(q - p));
    out[q - p] = '\0';
    return 1;
  }
  if (strstr(msg, "near <eof>") != NULL) {
    snprintf(out, n, "<eof>");
    return 1;
  }
  return 0;
}

/* The name a runtime message names: as named_token, or the function a
** bad argument went to ("bad argument #2 to 'rep' (...)"). */
static int runtime_name(const char *msg, char *out, size_t n) {
  const char *p, *q;
  if (strncmp(msg, "bad argument #", 14) != 0) return named_token(msg, out, n);
  if ((p = strstr(msg, " to '")) == NULL || (q = strchr(p + 5, '\'')) == NULL ||
      (size_t)(q - p - 5) >= n)
    return 0;
  memcpy(out, p + 5, (size_t)(q - p - 5));
  out[q - p - 5] = '\0';
  return 1;
}

/* Where "PATH:LINE: " ends in msg (at the ':' after LINE), for a PATH of
** files; NULL when msg does not start so. */
static char *line_end(char *msg, char *const *files, size_t nfiles,
                      const char **path, int *line) {
  size_t i;
  for (i = 0; i < nfiles; i++) {
    size_t l = strlen(files[i]);
    char *end;
    long v;
    if (strncmp(msg, files[i], l) != 0 || msg[l] != ':' ||
        !(msg[l + 1] >= '0' && msg[l + 1] <= '9'))
      continue;
    v = strtol(msg + l + 1, &end, 10);
    if (*end != ':' || end[1] != ' ' || v <= 0 || v > 0x7FFFFFFF) continue;
    *path = files[i];
    *line = (int)v;
    return end;
  }
  return NULL;
}

void ct_diags_runtime_column(char *buf, size_t n, char *const *files,
                             size_t nfiles, ct_srcfile *src) {
  const char *path, *text;
  char tok[256], col[16], *end;
  size_t len, k;
  ct_srcpos pos;
  int line;
  if ((end = line_end(buf, files, nfiles, &path, &line)) == NULL ||
      !runtime_name(end + 2, tok, sizeof tok) ||
      (text = ct_srcfile_get(src, path, &len)) == NULL ||
      !ct_locate_name_once(text, len, line, tok, &pos))
    return;
  k = (size_t)snprintf(col, sizeof col, ":%d", pos.col);
  if (strlen(buf) + k >= n) return;
  memmove(end + k, end, strlen(end) + 1);
  memcpy(end, col, k);
}

/* Does a Lua syntax error that wants a table's closing brace, near
** `tok`, come from a missing ','?  It does when tok can begin a field
** (a name but a keyword that ends or joins a statement, a string, a
** number, '{', '['): Lua read a whole field, then another where it
** wanted ',' or '}'.  (A ')' it wanted may close an expression as well
** as a call's arguments, so that message is left as Lua words it.) */
static int missing_comma(const char *msg, const char *tok) {
  static const char *const closers[] = {
    "and", "break", "do", "else", "elseif", "end", "for", "goto", "if",
    "in", "local", "or", "repeat", "return", "then", "until", "while", NULL};
  unsigned char c = (unsigned char)tok[0];
  if (strncmp(msg, "'}' expected", 12) != 0) return 0;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
    const char *const *k;
    for (k = closers; *k; k++)
      if (strcmp(tok, *k) == 0) return 0;
    return 1;
  }
  return c == '"' || c == '\'' || (c >= '0' && c <= '9') ||
         strcmp(tok, "{") == 0 || c == '[';
}

/* "PATH:LINE: rest" -> *line and rest; else 0 and msg whole. */
static const char *split_line(const char *path, const char *msg, int *line) {
  size_t n = strlen(path);
  const char *p;
  long v = 0;
  *line = 0;
  if (strncmp(msg, path, n) != 0 || msg[n] != ':') return msg;
  p = msg + n + 1;
  if (*p < '0' || *p > '9') return p[0] == ' ' ? p + 1 : msg;
  while (*p >= '0' && *p <= '9' && v < 100000000) v = v * 10 + (*p++ - '0');
  if (p[0] != ':' || p[1] != ' ') return msg;
  *line = (int)v;
  return p + 2;
}

void ct_diags_lua(ct_diags *d, ct_status st, const char *path,
                  const char *msg, const char *const *decls) {
  char tok[256], text[1024];
  const char *rest, *src;
  ct_srcpos pos = {0, 0};
  size_t len;
  int line;
  if (d->stopped && st != CT_ELIMIT && st != CT_ENOMEM) return;
  rest = split_line(path, msg, &line);
  if (rest == msg) {
    ct_diags_add(d, CT_SEVERITY_ERROR, st, NULL, 0, 0, "%s", msg);
    return;
  }
  snprintf(text, sizeof text, "%s", rest);
  if (nil_global(rest, "attempt to call a nil value", tok, sizeof tok) &&
      ct_suggest(tok, decls, (size_t)-1) != NULL) {
    snprintf(text, sizeof text, "unknown declaration '%s'", tok);
    ct_diags_suggest(text, sizeof text, tok, decls, (size_t)-1);
  } else {
    ct_diags_hint_global(text, sizeof text);
  }
  pos.line = line;
  if (line > 0 && (src = ct_srcfile_get(&d->src, path, &len)) != NULL) {
    ct_srcpos after = {0, 0};
    if (!named_token(rest, tok, sizeof tok)) tok[0] = '\0';
    if (ct_locate_token(src, len, line, tok, &pos, &after) &&  /* else the
                                                          ** line's start */
        after.line > 0 && missing_comma(rest, tok)) {
      char at[32] = "";
      if (after.line != pos.line) snprintf(at, sizeof at, " (line %d)", pos.line);
      snprintf(text, sizeof text, "missing ',' before '%s'%s: the fields of "
               "a table are separated by ',' or ';'", tok, at);
      pos = after;
    }
  }
  ct_diags_add(d, CT_SEVERITY_ERROR, st, path, pos.line, line > 0 ? pos.col : 0,
               "%s", text);
}

/* Sorting: the file's rank, then the place, then the order found. */
typedef struct ranked {
  const ct_diag_entry *e;
  size_t rank;
} ranked;

static int cmp_ranked(const void *pa, const void *pb) {
  const ranked *a = pa, *b = pb;
  if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
  if (a->e->line != b->e->line) return a->e->line < b->e->line ? -1 : 1;
  if (a->e->col != b->e->col) return a->e->col < b->e->col ? -1 : 1;
  return a->e->seq < b->e->seq ? -1 : a->e->seq > b->e->seq;
}

/* A file's rank: its place among files, else after them in the order
** it was first found; no file at all last. */
static size_t rank_of(const ct_diags *d, const ct_diag_entry *e,
                      char *const *files, size_t nfiles) {
  size_t i;
  if (e->file == NULL) return (size_t)-1;
  for (i = 0; i < nfiles; i++)
    if (strcmp(files[i], e->file) == 0) return i;
  for (i = 0; i < d->n; i++)
    if (d->v[i].file && strcmp(d->v[i].file, e->file) == 0) break;
  return nfiles + i;
}

static void deliver(ct_diags *d, const ct_diag_entry *e, ct_error *err,
                    ct_status *first) {
  ct_diagnostic dg;
  dg.severity = e->severity;
  dg.status = e->status;
  dg.file = e->file;
  dg.line = e->line;
  dg.col = e->col;
  dg.message = e->message;
  if (e->severity == CT_SEVERITY_ERROR && *first == CT_OK) {
    *first = e->status != CT_OK ? e->status : CT_ESYNTAX;
    if (err) {
      ct_diagnostic_format(&dg, err->msg, sizeof err->msg);
      err->status = *first;
    }
  }
  if (d->fn) d->fn(d->ud, &dg);
}

ct_status ct_diags_flush(ct_diags *d, char *const *files, size_t nfiles,
                         ct_error *err) {
  ranked *order = malloc((d->n + 1) * sizeof *order);
  ct_status first = CT_OK;
  size_t i;
  for (i = 0; order && i < d->n; i++) {
    order[i].e = &d->v[i];
    order[i].rank = rank_of(d, &d->v[i], files, nfiles);
  }
  if (order) qsort(order, d->n, sizeof *order, cmp_ranked);
  for (i = 0; i < d->n; i++)         /* without memory: as found */
    deliver(d, order ? order[i].e : &d->v[i], err, &first);
  free(order);
  if (d->capped || (d->lost && d->errors > 0)) {
    ct_diag_entry note;
    char msg[96];
    memset(&note, 0, sizeof note);
    note.severity = CT_SEVERITY_ERROR;
    note.status = CT_OK;                /* a note, not an error of its own */
    note.message = msg;
    if (d->capped)
      snprintf(msg, sizeof msg, "too many errors; stopped after %zu",
               d->max_errors);
    else
      snprintf(msg, sizeof msg, "out of memory: not every error is shown");
    deliver(d, &note, err, &first);
  }
  if (d->wcapped) {
    ct_diag_entry note;
    char msg[96];
    memset(&note, 0, sizeof note);
    note.severity = CT_SEVERITY_WARNING;
    note.message = msg;
    snprintf(msg, sizeof msg, "too many warnings; stopped after %d",
             CT_MAX_WARNINGS);
    deliver(d, &note, err, &first);
  }
  ct_diags_free(d);
  return first;
}
