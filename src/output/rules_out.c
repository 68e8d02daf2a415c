/*
** rules_out.c -- listing a rule set.
**
** The text tables are built as cells first, so every column can be as
** wide as its widest cell; the last column is not padded (it holds the
** free text: titles, file names).
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "output/json.h"
#include "output/rules_out.h"
#include "output/writer.h"
#include "core/grow.h"

/* A table of malloc'ed cells, row after row, the header row first. */
typedef struct table {
  char **cell;
  size_t ncols, n, cap;
  int oom;
} table;

static void table_free(table *t) {
  size_t i;
  for (i = 0; i < t->n; i++) free(t->cell[i]);
  free(t->cell);
}

/* Adds the next cell; a failure is remembered and reported at print. */
static void put(table *t, char *s) {
  if (s == NULL || t->oom) {
    t->oom = 1;
    free(s);
    return;
  }
  if (t->n == t->cap) {
    char **v = ct_grow(t->cell, t->n, &t->cap, sizeof *v, 64);
    if (v == NULL) {
      t->oom = 1;
      free(s);
      return;
    }
    t->cell = v;
  }
  t->cell[t->n++] = s;
}

/* Cells are fields of a line (ct_tsv_field): a title or file name with a
** line break or an escape sequence must not forge rows or colours. */
static void put_str(table *t, const char *s) {
  ct_buf b = {0};
  put(t, ct_tsv_field(&b, s ? s : "-") == CT_OK ? ct_buf_take(&b) : NULL);
  ct_buf_free(&b);
}

static void put_where(table *t, const char *file, int line) {
  ct_buf b = {0};
  put(t, ct_tsv_field(&b, file) == CT_OK &&
                 ct_buf_printf(&b, ":%d", line) == CT_OK
             ? ct_buf_take(&b) : NULL);
  ct_buf_free(&b);
}

static ct_status table_print(ct_buf *b, const table *t) {
  size_t w[8] = {0}, i;
  if (t->oom) return CT_ENOMEM;
  for (i = 0; i < t->n; i++) {
    size_t len = strlen(t->cell[i]);
    if (len > w[i % t->ncols]) w[i % t->ncols] = len;
  }
  for (i = 0; i < t->n; i++) {
    size_t col = i % t->ncols;
    int last = col == t->ncols - 1;
    if (ct_buf_printf(b, "%-*s%s", last ? 0 : (int)w[col], t->cell[i],
                      last ? "\n" : "  ") != CT_OK)
      return CT_ENOMEM;
  }
  return CT_OK;
}

/* What a rule matches and where it looks: "words,unless",
** "context=section", "scope=title", "focus", "vocabulary". */
#define NMATCHERS 8

static const char *matcher_name(const ct_rule_info *r, int k) {
  static const char *const scopes[] = {NULL, "title", "body"};
  switch (k) {
  case 0: return r->words ? "words" : NULL;
  case 1: return r->regex ? "regex" : NULL;
  case 2: return r->unless ? "unless" : NULL;
  case 3: return r->when ? "when" : NULL;
  case 4: return ct_context_name(r->context);
  case 5: return scopes[r->scope];
  case 6: return r->focus ? "focus" : NULL;
  default: return r->vocabulary ? "vocabulary" : NULL;
  }
}

/* What comes before matcher k's name: the key, for a key's value. */
static const char *matcher_key(int k) {
  return k == 4 ? "context=" : k == 5 ? "scope=" : "";
}

static char *matchers(const ct_rule_info *r) {
  ct_buf b = {0};
  int k, n = 0;
  for (k = 0; k < NMATCHERS; k++)
    if (matcher_name(r, k) &&
        ct_buf_printf(&b, "%s%s%s", n++ ? "," : "", matcher_key(k),
                      matcher_name(r, k)) != CT_OK)
      break;
  if (k < NMATCHERS || (n == 0 && ct_buf_adds(&b, "-") != CT_OK)) {
    ct_buf_free(&b);
    return NULL;
  }
  return ct_buf_take(&b);
}

/* A weight or threshold in effect, and what was declared when it was
** learned: "2.73 (declared 0.6)". */
static void put_learned(table *t, double v, double declared, int learned) {
  ct_buf b = {0};
  if (ct_json_number(&b, v) == CT_OK &&
      (!learned || (ct_buf_adds(&b, " (declared ") == CT_OK &&
                    ct_json_number(&b, declared) == CT_OK &&
                    ct_buf_addc(&b, ')') == CT_OK)))
    put(t, ct_buf_take(&b));
  else
    put(t, NULL);
  ct_buf_free(&b);
}

static void label_row(table *t, const ct_ruleset *rs, size_t i) {
  const ct_label_info *l = ct_ruleset_label(rs, i);
  put_str(t, l->name);
  put_learned(t, l->threshold, l->declared_threshold, l->learned);
  put_str(t, l->title);
}

static void rule_row(table *t, const ct_ruleset *rs, size_t i) {
  const ct_rule_info *r = ct_ruleset_rule(rs, i);
  put_str(t, r->id);
  put_str(t, ct_ruleset_label(rs, r->label)->name);
  put_learned(t, r->weight, r->declared, r->learned);
  put(t, matchers(r));
  put_where(t, r->file, r->line);
}

/* A header row, then row(i) for each of n items, printed aligned. */
static ct_status list_table(ct_buf *b, const ct_ruleset *rs,
                            const char *const *head, size_t ncols, size_t n,
                            void (*row)(table *, const ct_ruleset *, size_t)) {
  table t = {NULL, 0, 0, 0, 0};
  size_t i;
  ct_status st;
  t.ncols = ncols;
  for (i = 0; i < ncols; i++) put_str(&t, head[i]);
  for (i = 0; i < n; i++) row(&t, rs, i);
  st = table_print(b, &t);
  table_free(&t);
  return st;
}

ct_status ct_rules_list_text(ct_buf *b, const ct_ruleset *rs) {
  static const char *const label_head[] = {"LABEL", "THRESHOLD", "TITLE"};
  static const char *const rule_head[] = {"RULE", "LABEL", "WEIGHT",
                                          "MATCHERS", "FILE:LINE"};
  if (list_table(b, rs, label_head, 3, ct_ruleset_nlabels(rs), label_row)
          != CT_OK ||
      ct_buf_addc(b, '\n') != CT_OK)
    return CT_ENOMEM;
  return list_table(b, rs, rule_head, 5, ct_ruleset_nrules(rs), rule_row);
}

/* ---- jsonl ------------------------------------------------------------ */

/* ,"KEY":"value" (or null) */
static ct_status json_key(ct_buf *b, const char *key, const char *value) {
  if (ct_buf_printf(b, ",\"%s\":", key) != CT_OK) return CT_ENOMEM;
  return ct_json_cstr(b, value);
}

static ct_status json_where(ct_buf *b, const char *file, int line) {
  if (json_key(b, "file", file) != CT_OK) return CT_ENOMEM;
  return ct_buf_printf(b, ",\"line\":%d}\n", line);
}

static ct_status json_label(ct_buf *b, const ct_label_info *l) {
  if (ct_buf_adds(b, "{\"type\":\"label\"") != CT_OK ||
      json_key(b, "name", l->name) != CT_OK ||
      json_key(b, "title", l->title) != CT_OK ||
      json_key(b, "description", l->description) != CT_OK ||
      ct_buf_adds(b, ",\"threshold\":") != CT_OK ||
      ct_json_number(b, l->threshold) != CT_OK ||
      ct_buf_adds(b, ",\"declared_threshold\":") != CT_OK ||
      ct_json_number(b, l->declared_threshold) != CT_OK ||
      json_key(b, "color", l->color) != CT_OK)
    return CT_ENOMEM;
  return json_where(b, l->file, l->line);
}

static ct_status json_matchers(ct_buf *b, const ct_rule_info *r) {
  int k, n = 0;
  if (ct_buf_adds(b, ",\"matchers\":[") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < NMATCHERS; k++)
    if (matcher_name(r, k) &&
        ct_buf_printf(b, "%s\"%s%s\"", n++ ? "," : "", matcher_key(k),
                      matcher_name(r, k)) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_addc(b, ']');
}

/* ,"KEY":["phrase",...] as written in the rule file, or null. */
static ct_status json_phrases(ct_buf *b, const ct_ruleset *rs, size_t i,
                              int unless) {
  size_t n = 0, k, np = ct_ruleset_rule_nphrases(rs, i);
  int u;
  if (ct_buf_printf(b, ",\"%s\":", unless ? "unless" : "words") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < np; k++) {
    const char *p = ct_ruleset_rule_phrase(rs, i, k, &u);
    if (u != unless) continue;
    if (ct_buf_addc(b, n++ ? ',' : '[') != CT_OK ||
        ct_json_cstr(b, p) != CT_OK)
      return CT_ENOMEM;
  }
  return n ? ct_buf_addc(b, ']') : ct_buf_adds(b, "null");
}

static ct_status json_rule(ct_buf *b, const ct_ruleset *rs, size_t i) {
  const ct_rule_info *r = ct_ruleset_rule(rs, i);
  if (ct_buf_adds(b, "{\"type\":\"rule\"") != CT_OK ||
      json_key(b, "id", r->id) != CT_OK ||
      json_key(b, "label", ct_ruleset_label(rs, r->label)->name) != CT_OK ||
      ct_buf_adds(b, ",\"weight\":") != CT_OK ||
      ct_json_number(b, r->weight) != CT_OK ||
      ct_buf_adds(b, ",\"declared_weight\":") != CT_OK ||
      ct_json_number(b, r->declared) != CT_OK ||
      json_matchers(b, r) != CT_OK ||
      json_phrases(b, rs, i, 0) != CT_OK ||
      json_phrases(b, rs, i, 1) != CT_OK ||
      json_key(b, "description", r->description) != CT_OK)
    return CT_ENOMEM;
  return json_where(b, r->file, r->line);
}

ct_status ct_rules_list_jsonl(ct_buf *b, const ct_ruleset *rs) {
  size_t i;
  for (i = 0; i < ct_ruleset_nlabels(rs); i++)
    if (json_label(b, ct_ruleset_label(rs, i)) != CT_OK) return CT_ENOMEM;
  for (i = 0; i < ct_ruleset_nrules(rs); i++)
    if (json_rule(b, rs, i) != CT_OK) return CT_ENOMEM;
  return CT_OK;
}

ct_status ct_ruleset_write_listing(const ct_ruleset *rs, const char *format,
                                   FILE *out, ct_error *err) {
  ct_buf b = {0};
  ct_status s;
  int e = 0;
  if (format != NULL && strcmp(format, "text") == 0)
    s = ct_rules_list_text(&b, rs);
  else if (format != NULL && strcmp(format, "jsonl") == 0)
    s = ct_rules_list_jsonl(&b, rs);
  else
    return ct_fail(err, CT_EUSAGE, "unknown format '%s' (known: text and "
                   "jsonl)", format ? format : "(null)");
  if (s != CT_OK) {
    ct_buf_free(&b);
    return ct_fail(err, s, "out of memory");
  }
  errno = 0;
  if (b.len > 0 && fwrite(b.s, 1, b.len, out) != b.len)
    e = errno ? errno : EIO;
  ct_buf_free(&b);
  if (e == 0) return CT_OK;
  s = ct_fail(err, CT_EIO, "write error: %s", strerror(e));
  errno = e;   /* the caller may name the file with it */
  return s;
}
