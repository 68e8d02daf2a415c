/*
** goldcmp.c -- how many gold clauses does the segmenter reproduce exactly?
**
**   clausetag segment -f jsonl samples/ | goldcmp [--min PCT] GOLD.jsonl
**
** Gold lines carry {"doc": STEM, "text": ...}; clausetag's lines carry
** {"file": PATH, "text": ...}.  A document is matched by the file's stem.
** Texts are compared with white space collapsed (as gold stores them).
** A gold clause counts when the same document has a clause with exactly
** its text (each clause used once).  Missing and extra clauses go to
** stderr; the figure to stdout; exit 1 when it is below --min.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct item { char *doc, *text; int used; } item;
typedef struct list { item *v; size_t n, cap; } list;

static char *collapse(const char *s) {
  char *out = malloc(strlen(s) + 1), *o = out;
  int sp = 0;
  if (out == NULL) abort();
  for (; *s; s++) {
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') { sp = 1; continue; }
    if (sp && o > out) *o++ = ' ';
    sp = 0;
    *o++ = *s;
  }
  *o = '\0';
  return out;
}

static char *stem(const char *path) {
  const char *b = strrchr(path, '/'), *dot;
  char *s;
  b = b ? b + 1 : path;
  dot = strrchr(b, '.');
  s = strndup(b, dot ? (size_t)(dot - b) : strlen(b));
  if (s == NULL) abort();
  return s;
}

static void push(list *l, char *doc, char *text) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 256;
    if ((l->v = realloc(l->v, l->cap * sizeof *l->v)) == NULL) abort();
  }
  l->v[l->n].doc = doc;
  l->v[l->n].text = text;
  l->v[l->n++].used = 0;
}

static int read_jsonl(FILE *f, const char *what, const char *dockey, list *l) {
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  while (getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je), *d, *t;
    lineno++;
    d = json_object_get(o, dockey);
    t = json_object_get(o, "text");
    if (!json_is_string(d) || !json_is_string(t)) {
      fprintf(stderr, "goldcmp: %s:%zu: need \"%s\" and \"text\"\n", what,
              lineno, dockey);
      json_decref(o);
      free(line);
      return -1;
    }
    push(l, strcmp(dockey, "file") == 0 ? stem(json_string_value(d))
                                        : strdup(json_string_value(d)),
         collapse(json_string_value(t)));
    json_decref(o);
  }
  free(line);
  return 0;
}

static int take(list *got, const item *g) {
  size_t i;
  for (i = 0; i < got->n; i++)
    if (!got->v[i].used && strcmp(got->v[i].doc, g->doc) == 0 &&
        strcmp(got->v[i].text, g->text) == 0)
      return got->v[i].used = 1;
  return 0;
}

static void release(list *l) {
  size_t i;
  for (i = 0; i < l->n; i++) { free(l->v[i].doc); free(l->v[i].text); }
  free(l->v);
}

int main(int argc, char **argv) {
  list gold = {0}, got = {0};
  double min = 0, pct;
  size_t i, hit = 0;
  FILE *f;
  int a = 1;
  if (argc > 2 && strcmp(argv[1], "--min") == 0) { min = atof(argv[2]); a = 3; }
  if (a + 1 != argc) {
    fprintf(stderr, "usage: goldcmp [--min PCT] GOLD.jsonl < clausetag.jsonl\n");
    return 2;
  }
  if ((f = fopen(argv[a], "r")) == NULL) { perror(argv[a]); return 2; }
  if (read_jsonl(f, argv[a], "doc", &gold) || read_jsonl(stdin, "<stdin>", "file", &got))
    return 2;
  fclose(f);
  for (i = 0; i < gold.n; i++) {
    if (take(&got, &gold.v[i])) hit++;
    else fprintf(stderr, "missing  %s: %s\n", gold.v[i].doc, gold.v[i].text);
  }
  for (i = 0; i < got.n; i++)
    if (!got.v[i].used) fprintf(stderr, "extra    %s: %s\n", got.v[i].doc, got.v[i].text);
  pct = gold.n ? 100.0 * (double)hit / (double)gold.n : 100.0;
  printf("gold clauses reproduced exactly: %zu/%zu (%.1f%%)\n", hit, gold.n, pct);
  release(&gold);
  release(&got);
  return pct + 1e-9 < min ? 1 : 0;
}
