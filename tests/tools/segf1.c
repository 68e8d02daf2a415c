/*
** segf1.c -- how well does the segmenter cut documents a person cut?
**
**   segf1 [-v] [--docs DIR] [--min F] [--lang ko|en] GOLD.jsonl...
**
** Gold lines are {"doc": STEM, "text": CLAUSE, ...}, one document's
** clauses in order (tests/corpus/README.md); DIR/STEM.txt (default
** tests/corpus/docs) is segmented with the shipped abbreviations.  Per
** language (a document with Hangul in its clauses is Korean):
**
**   clause F1    a clause counts when its text (as jsonl prints it, white
**                space collapsed) is exactly a gold clause's text
**   boundary F1  where clauses end, as positions in the document's
**                characters other than white space; a boundary counts
**                when only punctuation lies between it and a gold one
**                (a '*' or a list number left out of one side)
**
** -v lists the clauses that differ on stderr.  Exit 1 when the clause F1
** of --lang (default: all documents) is below
** --min; 2 on bad input.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "text/utf8.h"

typedef struct tally {
  size_t docs, gold, got, clauses;    /* documents; clauses; exact matches */
  size_t bgold, bgot, bounds;         /* boundaries; matches */
} tally;

typedef struct gdoc {
  char *name;
  char **text;
  size_t n, cap;
  int korean;
} gdoc;

static int has_hangul(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s), i, k;
  for (i = 0; i < n; i += k ? k : 1) {
    int32_t cp;
    k = ct_utf8_decode(p + i, n - i, &cp);
    if (cp >= 0xAC00 && cp <= 0xD7A3) return 1;
  }
  return 0;
}

/* s with every run of white space (Unicode's) one space, ends trimmed. */
static char *collapse(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s), i, k, o = 0;
  char *out = malloc(n + 1);
  int sp = 0;
  if (out == NULL) abort();
  for (i = 0; i < n; i += k) {
    int32_t cp;
    k = ct_utf8_decode(p + i, n - i, &cp);
    if (ct_cp_isspace(cp)) {
      sp = 1;
      continue;
    }
    if (sp && o > 0) out[o++] = ' ';
    sp = 0;
    memcpy(out + o, s + i, k);
    o += k;
  }
  out[o] = '\0';
  return out;
}

/* The bytes of s[0..n) other than white space (Unicode's). */
static char *dense(const char *s, size_t n, size_t *len) {
  const unsigned char *p = (const unsigned char *)s;
  char *out = malloc(n + 1);
  size_t i, k, o = 0;
  if (out == NULL) abort();
  for (i = 0; i < n; i += k) {
    int32_t cp;
    k = ct_utf8_decode(p + i, n - i, &cp);
    if (!ct_cp_isspace(cp)) {
      memcpy(out + o, s + i, k);
      o += k;
    }
  }
  out[o] = '\0';
  *len = o;
  return out;
}

static size_t find(const char *hay, size_t hn, size_t from, const char *nd,
                   size_t nn) {
  size_t i;
  if (nn == 0) return (size_t)-1;
  for (i = from; i + nn <= hn; i++)
    if (hay[i] == nd[0] && memcmp(hay + i, nd, nn) == 0) return i;
  return (size_t)-1;
}

/* Only punctuation and digits between dense positions a and b (at most
** eight bytes)? */
static int near(const char *d, size_t a, size_t b) {
  size_t i, lo = a < b ? a : b, hi = a < b ? b : a;
  if (hi - lo > 8) return 0;
  for (i = lo; i < hi; i++)
    if ((unsigned char)d[i] >= 0x80 || (d[i] >= 'a' && d[i] <= 'z') ||
        (d[i] >= 'A' && d[i] <= 'Z'))
      return 0;
  return 1;
}

static int by_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Boundaries of gold clauses and of the segmenter's, as dense positions;
** counts the matches. */
static void bounds(const gdoc *gd, const ct_text *t, const ct_clause *c,
                   size_t n, tally *ty) {
  const char *data = ct_text_data(t);
  size_t dn, k, at = 0, *gb, *pb, ng = 0, i, j, body = ct_text_body(t);
  char *d = dense(data + body, ct_text_size(t) - body, &dn);
  gb = malloc((gd->n + 1) * sizeof *gb);
  pb = malloc((n + 1) * sizeof *pb);
  if (gb == NULL || pb == NULL) abort();
  for (k = 0; k < gd->n; k++) {
    size_t gn, p;
    char *g = dense(gd->text[k], strlen(gd->text[k]), &gn);
    if ((p = find(d, dn, at, g, gn)) != (size_t)-1) {
      gb[ng++] = p + gn;
      at = p + gn;
    }
    free(g);
  }
  for (k = 0; k < n; k++) {
    size_t e;
    free(dense(data + body, c[k].end - body, &e));
    pb[k] = e;
  }
  qsort(pb, n, sizeof *pb, by_size);
  for (i = j = 0; i < ng && j < n;) {
    if (near(d, gb[i], pb[j])) ty->bounds++, i++, j++;
    else if (gb[i] < pb[j]) i++;
    else j++;
  }
  ty->bgold += gd->n;
  ty->bgot += n;
  free(gb);
  free(pb);
  free(d);
}

static int verbose;   /* -v: the clauses that differ, to stderr */

static int score(const gdoc *gd, const char *dir, const ct_abbrevs *ab,
                 tally *ty) {
  char path[4096];
  ct_text *t;
  ct_clause *c;
  size_t n, i, k;
  ct_error err;
  unsigned char *used;
  snprintf(path, sizeof path, "%s/%s.txt", dir, gd->name);
  if (ct_text_read_file(path, CT_INVALID_REPLACE, &t, &err) != CT_OK ||
      ct_segment(t, ab, &c, &n, &err) != CT_OK) {
    fprintf(stderr, "segf1: %s\n", err.msg);
    return 2;
  }
  used = calloc(gd->n + 1, 1);
  if (used == NULL) abort();
  for (i = 0; i < n; i++) {
    char *raw = ct_clause_text(t, &c[i], 0), *s = collapse(raw);
    free(raw);
    for (k = 0; k < gd->n; k++)
      if (!used[k] && strcmp(gd->text[k], s) == 0) {
        used[k] = 1;
        ty->clauses++;
        break;
      }
    if (k == gd->n && verbose)
      fprintf(stderr, "extra    %s: %s\n", gd->name, s);
    free(s);
  }
  for (k = 0; k < gd->n && verbose; k++)
    if (!used[k]) fprintf(stderr, "missing  %s: %s\n", gd->name, gd->text[k]);
  ty->docs++;
  ty->gold += gd->n;
  ty->got += n;
  bounds(gd, t, c, n, ty);
  free(used);
  free(c);
  ct_text_free(t);
  return 0;
}

static double f1(size_t hit, size_t gold, size_t got) {
  double p = got ? (double)hit / (double)got : 1;
  double r = gold ? (double)hit / (double)gold : 1;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void row(const char *name, const tally *t) {
  if (t->docs == 0) return;
  printf("%-8s %5zu %6zu %6zu   %.3f  %.3f  %.3f     %.3f  %.3f  %.3f\n", name,
         t->docs, t->gold, t->got,
         t->got ? (double)t->clauses / (double)t->got : 1,
         t->gold ? (double)t->clauses / (double)t->gold : 1,
         f1(t->clauses, t->gold, t->got),
         t->bgot ? (double)t->bounds / (double)t->bgot : 1,
         t->bgold ? (double)t->bounds / (double)t->bgold : 1,
         f1(t->bounds, t->bgold, t->bgot));
}

static void push_text(gdoc *d, const char *s) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 64;
    if ((d->text = realloc(d->text, d->cap * sizeof *d->text)) == NULL) abort();
  }
  d->text[d->n++] = collapse(s);
  d->korean |= has_hangul(s);
}

/* Reads the documents of one gold file into *docs. */
static int read_gold(const char *path, gdoc **docs, size_t *nd) {
  FILE *f = fopen(path, "r");
  char *line = NULL;
  size_t cap = 0;
  if (f == NULL) { perror(path); return 2; }
  while (getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je);
    const char *doc = json_string_value(json_object_get(o, "doc"));
    const char *text = json_string_value(json_object_get(o, "text"));
    if (doc == NULL || text == NULL) {
      fprintf(stderr, "segf1: %s: need \"doc\" and \"text\"\n", path);
      return 2;
    }
    if (*nd == 0 || strcmp((*docs)[*nd - 1].name, doc) != 0) {
      if ((*docs = realloc(*docs, (*nd + 1) * sizeof **docs)) == NULL) abort();
      memset(&(*docs)[*nd], 0, sizeof **docs);
      if (((*docs)[(*nd)++].name = strdup(doc)) == NULL) abort();
    }
    push_text(&(*docs)[*nd - 1], text);
    json_decref(o);
  }
  free(line);
  fclose(f);
  return 0;
}

int main(int argc, char **argv) {
  const char *dir = "tests/corpus/docs", *lang = NULL;
  double min = 0, fig;
  gdoc *docs = NULL;
  size_t nd = 0, d, k;
  tally all = {0}, ko = {0}, en = {0};
  ct_abbrevs *ab = ct_abbrevs_new(1);
  int a, status = 0;
  for (a = 1; a + 1 < argc && argv[a][0] == '-'; a += 2) {
    if (strcmp(argv[a], "-v") == 0) {
      verbose = 1;
      a--;
    } else if (strcmp(argv[a], "--docs") == 0) dir = argv[a + 1];
    else if (strcmp(argv[a], "--min") == 0) min = atof(argv[a + 1]);
    else if (strcmp(argv[a], "--lang") == 0) lang = argv[a + 1];
    else break;
  }
  if (a >= argc || ab == NULL) {
    fprintf(stderr, "usage: segf1 [-v] [--docs DIR] [--min F] [--lang ko|en] "
                    "GOLD.jsonl...\n");
    return 2;
  }
  for (; a < argc; a++)
    if (read_gold(argv[a], &docs, &nd) != 0) return 2;
  for (d = 0; d < nd && status == 0; d++) {
    tally *t = docs[d].korean ? &ko : &en;
    status = score(&docs[d], dir, ab, t);
  }
  if (status) return status;
  all = en;
  all.docs += ko.docs, all.gold += ko.gold, all.got += ko.got;
  all.clauses += ko.clauses, all.bgold += ko.bgold, all.bgot += ko.bgot;
  all.bounds += ko.bounds;
  printf("set       docs   gold    got   clause P/R/F1"
         "           boundary P/R/F1\n");
  row("all", &all);
  row("English", &en);
  row("Korean", &ko);
  fig = lang && strcmp(lang, "ko") == 0 ? f1(ko.clauses, ko.gold, ko.got)
        : lang && strcmp(lang, "en") == 0 ? f1(en.clauses, en.gold, en.got)
        : f1(all.clauses, all.gold, all.got);
  for (d = 0; d < nd; d++) {
    for (k = 0; k < docs[d].n; k++) free(docs[d].text[k]);
    free(docs[d].text);
    free(docs[d].name);
  }
  free(docs);
  ct_abbrevs_free(ab);
  return fig + 1e-9 < min ? 1 : 0;
}
