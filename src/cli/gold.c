/*
** gold.c -- reading gold JSONL files into documents of labelled clauses.
*/
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/gold.h"

/* A label no rule declares is only printed, so it is kept as one field
** of a line (ct_line_field): a gold file cannot forge output lines. */
static long label_index(ct_gold *gd, const char *name) {
  size_t k, nrs = ct_ruleset_nlabels(gd->rs);
  char **v, *field;
  for (k = 0; k < nrs; k++)
    if (strcmp(ct_ruleset_label(gd->rs, k)->name, name) == 0) return (long)k;
  if ((field = ct_line_field(name, strlen(name))) == NULL) return -1;
  for (k = 0; k < gd->nextra; k++)
    if (strcmp(gd->extra[k], field) == 0) {
      ct_string_free(field);
      return (long)(nrs + k);
    }
  v = realloc(gd->extra, (gd->nextra + 1) * sizeof *v);
  if (v == NULL) {
    ct_string_free(field);
    return -1;
  }
  gd->extra = v;
  v[gd->nextra] = field;
  return (long)(nrs + gd->nextra++);
}

const char *ct_gold_label_name(const ct_gold *gd, size_t k) {
  size_t nrs = ct_ruleset_nlabels(gd->rs);
  return k < nrs ? ct_ruleset_label(gd->rs, k)->name : gd->extra[k - nrs];
}

/* Checks one parsed line; returns the message of what is wrong or NULL. */
static const char *check_line(json_t *o) {
  json_t *labels = json_object_get(o, "labels"), *d = json_object_get(o, "doc");
  size_t i;
  if (!json_is_object(o)) return "expected a JSON object";
  if (!json_is_string(json_object_get(o, "text")))
    return "missing \"text\" string";
  if (!json_is_array(labels)) return "missing \"labels\" list";
  for (i = 0; i < json_array_size(labels); i++)
    if (!json_is_string(json_array_get(labels, i)))
      return "\"labels\" must hold strings";
  if (d && !json_is_string(d) && !json_is_integer(d))
    return "\"doc\" must be a string or a number";
  return NULL;
}

static char *doc_name(json_t *d) {
  char buf[32];
  if (d == NULL) return NULL;
  if (json_is_string(d)) return strdup(json_string_value(d));
  snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(d));
  return strdup(buf);
}

static int push_label(ct_gold *gd, long k) {
  if (gd->nlab == gd->caplab) {
    size_t cap = gd->caplab ? gd->caplab * 2 : 1024;
    long *v = realloc(gd->labels, cap * sizeof *v);
    if (v == NULL) return -1;
    gd->labels = v;
    gd->caplab = cap;
  }
  gd->labels[gd->nlab++] = k;
  return 0;
}

static int add_clause(ct_gold *gd, json_t *o, const char *path,
                      size_t lineno) {
  ct_gold_clause *g;
  json_t *labels = json_object_get(o, "labels");
  size_t i;
  if (gd->n == gd->cap) {
    size_t cap = gd->cap ? gd->cap * 2 : 256;
    ct_gold_clause *v = realloc(gd->g, cap * sizeof *v);
    if (v == NULL) return -1;
    gd->g = v;
    gd->cap = cap;
  }
  g = &gd->g[gd->n++];
  memset(g, 0, sizeof *g);
  g->path = path;
  g->line = lineno;
  g->doc = doc_name(json_object_get(o, "doc"));
  g->text = strdup(json_string_value(json_object_get(o, "text")));
  if (g->text == NULL) return -1;
  for (i = 0; i < json_array_size(labels); i++) {
    long k = label_index(gd, json_string_value(json_array_get(labels, i)));
    if (k < 0 || push_label(gd, k) != 0) return -1;
  }
  return push_label(gd, -1);
}

/* 0, or 2 after printing every bad line. */
static int read_file(ct_gold *gd, const char *path) {
  FILE *f = fopen(path, "r");
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  int status = 0;
  if (f == NULL) {
    fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
    return 2;
  }
  while (getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o;
    const char *bad;
    lineno++;
    if (strspn(line, " \t\r\n") == strlen(line)) continue;
    o = json_loads(line, JSON_DISABLE_EOF_CHECK, &je);
    bad = o ? check_line(o) : je.text;
    if (bad) {
      fprintf(stderr, "%s:%zu: %s%s\n", path, lineno,
              o ? "" : "invalid JSON: ", bad);
      status = 2;
    } else if (add_clause(gd, o, path, lineno) != 0) {
      fprintf(stderr, "%s:%zu: out of memory\n", path, lineno);
      status = 2;
    }
    json_decref(o);
  }
  if (ferror(f)) {   /* a directory named as a gold file, say */
    fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
    status = 2;
  }
  free(line);
  fclose(f);
  return status;
}

/* Hangul syllables, U+AC00..U+D7A3, are three bytes EA..ED in UTF-8. */
static int has_hangul(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++)
    if (*p >= 0xEA && *p <= 0xED && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
      long cp = (long)(*p & 0x0F) << 12 | (long)(p[1] & 0x3F) << 6 |
                (p[2] & 0x3F);
      if (cp >= 0xAC00 && cp <= 0xD7A3) return 1;
    }
  return 0;
}

/* Documents: runs of one file's consecutive lines with the same doc. */
static int group(ct_gold *gd) {
  size_t i = 0, j;
  gd->docs = calloc(gd->n + 1, sizeof *gd->docs);
  if (gd->docs == NULL) return -1;
  while (i < gd->n) {
    ct_gold_doc *d = &gd->docs[gd->ndocs++];
    const ct_gold_clause *a = &gd->g[i];
    for (j = i + 1; a->doc && j < gd->n && gd->g[j].doc &&
                    gd->g[j].path == a->path &&
                    strcmp(gd->g[j].doc, a->doc) == 0; j++) {}
    d->first = i;
    d->end = j;
    for (; i < j; i++) d->korean |= has_hangul(gd->g[i].text);
  }
  return 0;
}

/* The label sets, now that every label name is known. */
static int fill_want(ct_gold *gd) {
  size_t i, p = 0;
  gd->nlabels = ct_ruleset_nlabels(gd->rs) + gd->nextra;
  gd->want = calloc(gd->n * gd->nlabels + 1, 1);
  if (gd->want == NULL) return -1;
  for (i = 0; i < gd->n; i++, p++) {
    gd->g[i].want = gd->want + i * gd->nlabels;
    for (; gd->labels[p] >= 0; p++)
      gd->want[i * gd->nlabels + (size_t)gd->labels[p]] = 1;
  }
  return 0;
}

int ct_gold_read(ct_gold *gd, const ct_ruleset *rs, const char *const *paths,
                 size_t npaths) {
  size_t i;
  int status = 0;
  memset(gd, 0, sizeof *gd);
  gd->rs = rs;
  for (i = 0; i < npaths; i++)
    if (read_file(gd, paths[i]) != 0) status = 2;
  if (status == 0 && (fill_want(gd) != 0 || group(gd) != 0)) {
    fprintf(stderr, "clausetag: out of memory\n");
    status = 2;
  }
  return status;
}

ct_status ct_gold_lines(const ct_gold *gd, size_t d, ct_cli_lines *l,
                        ct_error *err) {
  const ct_gold_doc *doc = &gd->docs[d];
  size_t k, n = doc->end - doc->first;
  const char **texts = malloc((n + 1) * sizeof *texts);
  ct_status st;
  if (texts == NULL) {
    err->status = CT_ENOMEM;
    snprintf(err->msg, sizeof err->msg, "out of memory");
    return CT_ENOMEM;
  }
  for (k = 0; k < n; k++) texts[k] = gd->g[doc->first + k].text;
  st = ct_cli_lines_build(gd->g[doc->first].path, texts, n, l, err);
  free(texts);
  return st;
}

void ct_gold_free(ct_gold *gd) {
  size_t i;
  for (i = 0; i < gd->n; i++) {
    free(gd->g[i].doc);
    free(gd->g[i].text);
  }
  for (i = 0; i < gd->nextra; i++) ct_string_free(gd->extra[i]);
  free(gd->g);
  free(gd->docs);
  free(gd->extra);
  free(gd->want);
  free(gd->labels);
  memset(gd, 0, sizeof *gd);
}
