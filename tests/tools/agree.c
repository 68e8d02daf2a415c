/*
** agree.c -- how far do two annotators agree?
**
**   agree FIRST.jsonl... -- SECOND.jsonl
**
** Every clause of SECOND (a second, independent labelling of some of the
** documents) is matched with the clause of FIRST that has its doc and id;
** per label, the F1 of one against the other (positive agreement) and
** Cohen's kappa, then micro-F1 and the share of clauses with the same
** label set.  Labels are the five of the shipped scheme.  Exit 2 when a
** clause of SECOND has no counterpart.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const labels[] = {"security", "trade", "health", "climate",
                                     "people"};
#define NL 5

typedef struct item { char *key; unsigned set; } item;
typedef struct list { item *v; size_t n, cap; } list;

static unsigned label_set(json_t *a) {
  unsigned set = 0;
  size_t i, k;
  for (i = 0; i < json_array_size(a); i++)
    for (k = 0; k < NL; k++)
      if (strcmp(json_string_value(json_array_get(a, i)), labels[k]) == 0)
        set |= 1u << k;
  return set;
}

static void read_file(const char *path, list *l) {
  FILE *f = fopen(path, "r");
  char *line = NULL;
  size_t cap = 0;
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  while (getline(&line, &cap, f) > 0) {
    json_t *o = json_loads(line, 0, NULL);
    char key[512];
    if (o == NULL) continue;
    if (l->n == l->cap) {
      l->cap = l->cap ? l->cap * 2 : 1024;
      l->v = realloc(l->v, l->cap * sizeof *l->v);
      if (l->v == NULL) abort();
    }
    snprintf(key, sizeof key, "%s\t%lld",
             json_string_value(json_object_get(o, "doc")),
             (long long)json_integer_value(json_object_get(o, "id")));
    l->v[l->n].key = strdup(key);
    l->v[l->n++].set = label_set(json_object_get(o, "labels"));
    json_decref(o);
  }
  free(line);
  fclose(f);
}

static int cmp_item(const void *a, const void *b) {
  return strcmp(((const item *)a)->key, ((const item *)b)->key);
}

int main(int argc, char **argv) {
  list a = {NULL, 0, 0}, b = {NULL, 0, 0};
  size_t i, k, tp[NL] = {0}, fp[NL] = {0}, fn[NL] = {0}, same = 0, docs = 0;
  size_t TP = 0, FP = 0, FN = 0;
  int sep = 0;
  for (i = 1; i < (size_t)argc; i++) {
    if (strcmp(argv[i], "--") == 0) sep = 1;
    else read_file(argv[i], sep ? &b : &a);
  }
  if (!sep || b.n == 0) {
    fprintf(stderr, "usage: agree FIRST.jsonl... -- SECOND.jsonl\n");
    return 2;
  }
  qsort(a.v, a.n, sizeof *a.v, cmp_item);
  for (i = 0; i < b.n; i++) {
    item *m = bsearch(&b.v[i], a.v, a.n, sizeof *a.v, cmp_item);
    if (m == NULL) {
      fprintf(stderr, "agree: no first labelling of %s\n", b.v[i].key);
      return 2;
    }
    same += m->set == b.v[i].set;
    if (i == 0 || strncmp(b.v[i].key, b.v[i - 1].key,
                          strcspn(b.v[i].key, "\t")) != 0)
      docs++;
    for (k = 0; k < NL; k++) {
      int x = m->set >> k & 1, y = b.v[i].set >> k & 1;
      tp[k] += x && y, fp[k] += !x && y, fn[k] += x && !y;
    }
  }
  printf("%zu clauses in %zu documents labelled twice\n", b.n, docs);
  printf("%-10s %6s %6s %6s %6s\n", "label", "first", "second", "F1", "kappa");
  for (k = 0; k < NL; k++) {
    double n = (double)b.n, tn = n - tp[k] - fp[k] - fn[k];
    double po = (tp[k] + tn) / n, pa = (tp[k] + fn[k]) / n, pb = (tp[k] + fp[k]) / n;
    double pe = pa * pb + (1 - pa) * (1 - pb);
    double f1 = tp[k] + fp[k] + fn[k] ? 2.0 * tp[k] / (2.0 * tp[k] + fp[k] + fn[k]) : 1;
    printf("%-10s %6zu %6zu %6.3f %6.3f\n", labels[k], tp[k] + fn[k],
           tp[k] + fp[k], f1, pe < 1 ? (po - pe) / (1 - pe) : 1.0);
    TP += tp[k], FP += fp[k], FN += fn[k];
  }
  printf("micro-F1 %.3f, same label set %.3f (%zu of %zu)\n",
         2.0 * TP / (2.0 * TP + FP + FN), (double)same / (double)b.n, same,
         b.n);
  for (i = 0; i < a.n; i++) free(a.v[i].key);
  for (i = 0; i < b.n; i++) free(b.v[i].key);
  free(a.v);
  free(b.v);
  return 0;
}
