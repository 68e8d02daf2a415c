/*
** align.c -- pairing the clauses of two versions of a document
** (clausetag.h's ct_align).
**
** What it promises:
**
** - Order is kept: the pairs, read in order, walk both sequences forward
**   (a pair's a and b are both after the previous pair's), and every item
**   of each side appears exactly once, paired or alone.  Between two
**   pairs, the items of `a` left alone (dropped) come before those of `b`
**   (new), as diff(1) prints deletions before insertions.
** - Reworded clauses pair up: two items may pair only when their
**   similarity (ct_align_similarity) reaches the threshold, and among the
**   order-keeping alignments the one with the largest sum of similarities
**   is chosen (a weighted longest common subsequence); byte-identical
**   texts weigh a little more than equal word sets, so an exact copy wins
**   over a reworded one.
** - Bounded: identical texts that occur once on each side are paired
**   first (the longest run of them that keeps order, as patience diff
**   does) and cut the problem into gaps (a gap too large to search whole
**   is cut again by the texts found once within it, up to 16 times);
**   each gap is solved by dynamic
**   programming over at most about max_cells cells in all, time and memory
**   (one byte per cell, two rows of scores).  When a gap would need more,
**   the programme looks only at a band of cells around the gap's diagonal,
**   whose width comes from the budget: large documents are then aligned
**   near the diagonal only (reported in ct_align_stats.banded), never in
**   quadratic time or memory.
** - Deterministic: the same texts always give the same pairs.
**
** Similarity is the Dice coefficient 2|A∩B| / (|A| + |B|) of the sets of
** words of the two texts, after NFKC and case folding (ct_fold): words are
** runs of letters, digits and marks; a word with Hangul, kana or CJK
** ideographs counts as the pairs of adjacent characters in it, since a
** Korean word changes its ending (particles) where an English one stays.
**
** Three steps: every text becomes a sorted set of word hashes; identical
** texts that occur once on each side are paired first (the longest
** order-keeping run of them, by patience sorting); each gap between two
** such anchors is aligned by a weighted longest-common-subsequence
** programme over a band of cells (the whole gap when the budget allows).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "core/error.h"
#include "text/utf8.h"

/* An exact copy weighs this much more than a reworded pair with the
** same words, so that it is preferred; small enough never to outweigh a
** real difference in similarity. */
#define EXACT_BONUS 1e-3

/* The least half-width of a band: even a huge document is searched this
** far off the diagonal. */
#define MIN_BAND 8

/* How many times a gap too large to search whole is looked at again for
** texts unique within it: each time costs a sort of the gap. */
#define MAX_DEPTH 16

enum { DIR_START, DIR_DIAG, DIR_LEFT, DIR_UP };

typedef struct item {
  const char *text;
  uint64_t *tok;        /* sorted, distinct word hashes */
  size_t ntok;
  uint64_t hash;        /* of the text's bytes */
} item;

typedef struct aligner {
  item *a, *b;
  size_t na, nb;
  double threshold;
  size_t band;          /* half-width of a band */
  ct_align_pair *steps; /* the result so far */
  size_t nsteps;
  ct_align_stats st;
} aligner;

/* ---- words ------------------------------------------------------------ */

static uint64_t fnv(const unsigned char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
  return h;
}

static int cmp_u64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static int is_word_char(int32_t cp) {
  return cp >= 0 && (ct_cp_isalnum(cp) || ct_cp_ismark(cp));
}

/* The hashes of word s[0..n): the word itself, or, with Hangul, kana or
** CJK in it, each pair of adjacent characters (the word when it has one
** character). */
static size_t word_tokens(const unsigned char *s, size_t n, int cjk,
                          uint64_t *out) {
  size_t i = 0, prev = 0, count = 0, k = 0;
  int32_t cp;
  if (!cjk) {
    out[0] = fnv(s, n);
    return 1;
  }
  while (i < n) {
    size_t len = ct_utf8_decode(s + i, n - i, &cp);
    if (count > 0) {
      /* the pair that ends with this character: from prev to i + len */
      out[k++] = fnv(s + prev, i + len - prev);
    }
    prev = i;
    i += len;
    count++;
  }
  if (count == 1) out[k++] = fnv(s, n);
  return k;
}

/* Fills it->tok with the word set of it->text; CT_ENOMEM or CT_OK. */
static ct_status tokenize(item *it) {
  size_t len = strlen(it->text), i = 0, start = 0, k = 0, w;
  char *f = ct_fold(it->text, len);
  const unsigned char *s = (const unsigned char *)f;
  int in_word = 0, cjk = 0;
  it->hash = fnv((const unsigned char *)it->text, len);
  if (f == NULL) return CT_ENOMEM;
  len = strlen(f);
  /* a word of b bytes gives at most b tokens */
  it->tok = malloc((len + 1) * sizeof *it->tok);
  if (it->tok == NULL) {
    free(f);
    return CT_ENOMEM;
  }
  while (i <= len) {
    int32_t cp = -1;
    size_t step = 1;
    if (i < len) step = ct_utf8_decode(s + i, len - i, &cp);
    if (i < len && is_word_char(cp)) {
      if (!in_word) start = i, cjk = 0, in_word = 1;
      cjk |= ct_cp_iscjk(cp);
    } else if (in_word) {
      k += word_tokens(s + start, i - start, cjk, it->tok + k);
      in_word = 0;
    }
    i += step;
  }
  free(f);
  qsort(it->tok, k, sizeof *it->tok, cmp_u64);
  for (i = 0, w = 0; i < k; i++)
    if (w == 0 || it->tok[w - 1] != it->tok[i]) it->tok[w++] = it->tok[i];
  it->ntok = w;
  /* a set is about an eighth of the room taken for it: give it back, or
  ** a large document holds eight bytes per byte of its text */
  if (w > 0) {
    uint64_t *fit = realloc(it->tok, w * sizeof *fit);
    if (fit != NULL) it->tok = fit;
  }
  return CT_OK;
}

static int same_text(const item *x, const item *y) {
  return x->hash == y->hash && strcmp(x->text, y->text) == 0;
}

/* Dice coefficient of the word sets; -1 when it cannot reach `least`
** (checked on the sizes first: most pairs stop there). */
static double dice(const item *x, const item *y, double least) {
  size_t i = 0, j = 0, common = 0, total = x->ntok + y->ntok;
  size_t small = x->ntok < y->ntok ? x->ntok : y->ntok;
  if (total == 0) return same_text(x, y) ? 1.0 : 0.0;
  if (2.0 * (double)small < least * (double)total) return -1.0;
  while (i < x->ntok && j < y->ntok) {
    if (x->tok[i] < y->tok[j]) i++;
    else if (x->tok[i] > y->tok[j]) j++;
    else common++, i++, j++;
  }
  return 2.0 * (double)common / (double)total;
}

static void items_free(item *v, size_t n) {
  size_t i;
  if (v == NULL) return;
  for (i = 0; i < n; i++) free(v[i].tok);
  free(v);
}

static ct_status items_make(const char *const *texts, size_t n, item **out) {
  size_t i;
  item *v = calloc(n ? n : 1, sizeof *v);
  *out = v;
  if (v == NULL) return CT_ENOMEM;
  for (i = 0; i < n; i++) {
    v[i].text = texts[i];
    if (tokenize(&v[i]) != CT_OK) return CT_ENOMEM;
  }
  return CT_OK;
}

double ct_align_similarity(const char *x, const char *y) {
  item ix, iy;
  double d = -1.0;
  memset(&ix, 0, sizeof ix);
  memset(&iy, 0, sizeof iy);
  ix.text = x, iy.text = y;
  if (tokenize(&ix) == CT_OK && tokenize(&iy) == CT_OK) d = dice(&ix, &iy, 0);
  free(ix.tok);
  free(iy.tok);
  return d;
}

/* ---- steps ------------------------------------------------------------ */

static void push(aligner *al, size_t a, size_t b, double sim) {
  ct_align_pair *p = &al->steps[al->nsteps++];
  p->a = a, p->b = b, p->similarity = sim;
  p->exact = a != CT_ALIGN_NONE && b != CT_ALIGN_NONE &&
             same_text(&al->a[a], &al->b[b]);
}

/* ---- anchors: unique identical texts, in order ------------------------ */

typedef struct entry {
  uint64_t hash;
  size_t side, index;
} entry;

static int cmp_entry(const void *x, const void *y) {
  const entry *a = x, *b = y;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  if (a->side != b->side) return a->side < b->side ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

typedef struct cand {
  size_t a, b;
} cand;

static int cmp_cand(const void *x, const void *y) {
  const cand *p = x, *q = y;
  return p->a < q->a ? -1 : p->a > q->a;
}

/* The candidates (a, b) of texts found once on each side of the range
** a[a0..a1) x b[b0..b1), sorted by a. */
static ct_status unique_pairs(const aligner *al, size_t a0, size_t a1,
                              size_t b0, size_t b1, cand **out, size_t *n) {
  size_t total = (a1 - a0) + (b1 - b0), i, k = 0;
  entry *e = malloc((total ? total : 1) * sizeof *e);
  cand *c = malloc((total ? total : 1) * sizeof *c);
  *out = c, *n = 0;
  if (e == NULL || c == NULL) {
    free(e);
    return CT_ENOMEM;
  }
  for (i = a0; i < a1; i++)
    e[k].hash = al->a[i].hash, e[k].side = 0, e[k++].index = i;
  for (i = b0; i < b1; i++)
    e[k].hash = al->b[i].hash, e[k].side = 1, e[k++].index = i;
  qsort(e, total, sizeof *e, cmp_entry);
  for (i = 0; i + 1 < total; i++) {
    int alone = (i == 0 || e[i - 1].hash != e[i].hash) &&
                (i + 2 >= total || e[i + 2].hash != e[i].hash);
    if (alone && e[i].hash == e[i + 1].hash && e[i].side == 0 &&
        e[i + 1].side == 1 &&
        same_text(&al->a[e[i].index], &al->b[e[i + 1].index])) {
      c[*n].a = e[i].index, c[*n].b = e[i + 1].index;
      (*n)++;
    }
  }
  free(e);
  qsort(c, *n, sizeof *c, cmp_cand);
  return CT_OK;
}

/* Keeps the longest run of c[0..n) (sorted by a) whose b increase too:
** patience sorting, n log n.  The kept ones are moved to the front. */
static ct_status longest_run(cand *c, size_t *n) {
  size_t *top = malloc((*n ? *n : 1) * sizeof *top);
  size_t *back = malloc((*n ? *n : 1) * sizeof *back);
  size_t piles = 0, i, k;
  cand *keep;
  if (top == NULL || back == NULL) {
    free(top);
    free(back);
    return CT_ENOMEM;
  }
  for (i = 0; i < *n; i++) {
    size_t lo = 0, hi = piles;   /* first pile whose top has b >= c[i].b */
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (c[top[mid]].b < c[i].b) lo = mid + 1;
      else hi = mid;
    }
    back[i] = lo > 0 ? top[lo - 1] : CT_ALIGN_NONE;
    top[lo] = i;
    if (lo == piles) piles++;
  }
  keep = malloc((piles ? piles : 1) * sizeof *keep);
  if (keep == NULL) {
    free(top);
    free(back);
    return CT_ENOMEM;
  }
  for (k = piles, i = piles ? top[piles - 1] : 0; k > 0; i = back[i])
    keep[--k] = c[i];
  memcpy(c, keep, piles * sizeof *c);
  *n = piles;
  free(keep);
  free(top);
  free(back);
  return CT_OK;
}

/* ---- the programme over one gap --------------------------------------- */

/* Columns lo..hi of row i of an n x m gap (rows 0..n, columns 0..m): the
** band around the diagonal, each row reaching where the next begins so
** that a path always exists. */
static void band_row(const aligner *al, size_t i, size_t n, size_t m,
                     size_t *lo, size_t *hi) {
  uint64_t from = (uint64_t)i * m / n;
  uint64_t to = ((uint64_t)(i + 1) * m + n - 1) / n;
  *lo = from > al->band ? (size_t)(from - al->band) : 0;
  *hi = to + al->band < m ? (size_t)(to + al->band) : m;
}

/* The weight of pairing a[i] with b[j]; -1 when they may not pair. */
static double weight(const aligner *al, size_t i, size_t j) {
  double d = dice(&al->a[i], &al->b[j], al->threshold);
  if (d < al->threshold) return -1.0;
  return same_text(&al->a[i], &al->b[j]) ? d + EXACT_BONUS : d;
}

typedef struct gap {
  size_t a0, n, b0, m;
  size_t *lo, *hi, *off;  /* per row: band and offset of its directions */
  unsigned char *dir;
  double *prev, *cur;
} gap;

static void gap_free(gap *g) {
  free(g->lo);
  free(g->hi);
  free(g->off);
  free(g->dir);
  free(g->prev);
  free(g->cur);
}

static ct_status gap_alloc(aligner *al, gap *g) {
  size_t i, rows = g->n + 1;
  g->lo = malloc(rows * sizeof *g->lo);
  g->hi = malloc(rows * sizeof *g->hi);
  g->off = malloc((rows + 1) * sizeof *g->off);
  g->prev = malloc((g->m + 1) * sizeof *g->prev);
  g->cur = malloc((g->m + 1) * sizeof *g->cur);
  if (!g->lo || !g->hi || !g->off || !g->prev || !g->cur) return CT_ENOMEM;
  g->off[0] = 0;
  for (i = 0; i < rows; i++) {
    band_row(al, i, g->n, g->m, &g->lo[i], &g->hi[i]);
    if (g->lo[i] > 0 || g->hi[i] < g->m) al->st.banded = 1;
    g->off[i + 1] = g->off[i] + (g->hi[i] - g->lo[i] + 1);
  }
  al->st.cells += g->off[rows];
  g->dir = malloc(g->off[rows]);
  return g->dir ? CT_OK : CT_ENOMEM;
}

/* Fills row i of the programme: the best sum of weights to reach each
** cell, and the move that gives it (ties: pair, then new, then dropped,
** so that dropped items come first when read forward). */
static void fill_row(const aligner *al, gap *g, size_t i) {
  size_t j, lo = g->lo[i], hi = g->hi[i];
  size_t plo = i > 0 ? g->lo[i - 1] : 1, phi = i > 0 ? g->hi[i - 1] : 0;
  unsigned char *dir = g->dir + g->off[i] - lo;
  for (j = lo; j <= hi; j++) {
    double best = -1.0, w;
    unsigned char d = DIR_START;
    if (i == 0 && j == 0) best = 0.0;
    if (i > 0 && j > 0 && j - 1 >= plo && j - 1 <= phi &&
        g->prev[j - 1] >= 0 &&
        (w = weight(al, g->a0 + i - 1, g->b0 + j - 1)) >= 0)
      best = g->prev[j - 1] + w, d = DIR_DIAG;
    if (j > lo && g->cur[j - 1] >= 0 && g->cur[j - 1] > best)
      best = g->cur[j - 1], d = DIR_LEFT;
    if (i > 0 && j >= plo && j <= phi && g->prev[j] >= 0 && g->prev[j] > best)
      best = g->prev[j], d = DIR_UP;
    g->cur[j] = best;
    dir[j] = d;
  }
}

/* Walks back from (n, m) and appends the gap's steps in order. */
static ct_status trace(aligner *al, gap *g) {
  size_t i = g->n, j = g->m, k = 0;
  ct_align_pair *rev = malloc((g->n + g->m + 1) * sizeof *rev);
  if (rev == NULL) return CT_ENOMEM;
  while (i > 0 || j > 0) {
    unsigned char d = g->dir[g->off[i] + (j - g->lo[i])];
    rev[k].a = CT_ALIGN_NONE, rev[k].b = CT_ALIGN_NONE;
    rev[k].similarity = 0;
    if (d == DIR_DIAG) {
      rev[k].a = g->a0 + --i, rev[k].b = g->b0 + --j;
      rev[k].similarity = dice(&al->a[rev[k].a], &al->b[rev[k].b], 0);
    } else if (d == DIR_LEFT) {
      rev[k].b = g->b0 + --j;
    } else {                 /* DIR_UP; DIR_START only at (0, 0) */
      rev[k].a = g->a0 + --i;
    }
    k++;
  }
  while (k > 0) {
    k--;
    push(al, rev[k].a, rev[k].b, rev[k].similarity);
  }
  free(rev);
  return CT_OK;
}

static ct_status solve_gap(aligner *al, size_t a0, size_t n, size_t b0,
                           size_t m) {
  gap g;
  size_t i;
  ct_status s;
  double *t;
  memset(&g, 0, sizeof g);
  g.a0 = a0, g.n = n, g.b0 = b0, g.m = m;
  if (n == 0 || m == 0) {    /* nothing to pair */
    for (i = 0; i < n; i++) push(al, a0 + i, CT_ALIGN_NONE, 0);
    for (i = 0; i < m; i++) push(al, CT_ALIGN_NONE, b0 + i, 0);
    return CT_OK;
  }
  if ((s = gap_alloc(al, &g)) == CT_OK) {
    for (i = 0; i <= n; i++) {
      t = g.prev, g.prev = g.cur, g.cur = t;
      fill_row(al, &g, i);
    }
    s = trace(al, &g);
  }
  gap_free(&g);
  return s;
}

/* ---- the whole alignment ---------------------------------------------- */

/* In each run of items left alone, those of a first, each side in its
** order (the band may have walked them the other way round); tmp holds n
** steps.  Linear. */
static void dropped_first(ct_align_pair *p, size_t n, ct_align_pair *tmp) {
  size_t i = 0, j, k, w;
  while (i < n) {
    if (p[i].a != CT_ALIGN_NONE && p[i].b != CT_ALIGN_NONE) {
      i++;
      continue;
    }
    for (j = i; j < n && (p[j].a == CT_ALIGN_NONE || p[j].b == CT_ALIGN_NONE);
         j++) {
    }
    w = 0;
    for (k = i; k < j; k++) if (p[k].b == CT_ALIGN_NONE) tmp[w++] = p[k];
    for (k = i; k < j; k++) if (p[k].b != CT_ALIGN_NONE) tmp[w++] = p[k];
    memcpy(p + i, tmp, w * sizeof *p);
    i = j;
  }
}

void ct_align_free(ct_align_pair *steps) {
  free(steps);
}

void ct_align_options_default(ct_align_options *o) {
  o->threshold = CT_ALIGN_THRESHOLD;
  o->max_cells = CT_ALIGN_MAX_CELLS;
}

/* Would an n x m gap be searched in a band rather than whole? */
static int too_large(const aligner *al, size_t n, size_t m) {
  return n > 0 && m > 0 && (al->band < m || al->band < n);
}

/* Aligns a[a0..a1) with b[b0..b1): texts found once on each side are
** paired first (patience diff), then each gap between them; a gap too
** large to search whole is looked at again for texts unique within it
** (up to MAX_DEPTH times), since a text repeated over the document is
** often unique between two anchors. */
static ct_status align_range(aligner *al, size_t a0, size_t a1, size_t b0,
                             size_t b1, int depth) {
  cand *c = NULL;
  size_t nc = 0, k, pa = a0, pb = b0;
  ct_status s = unique_pairs(al, a0, a1, b0, b1, &c, &nc);
  if (s == CT_OK) s = longest_run(c, &nc);
  al->st.anchors += nc;
  for (k = 0; s == CT_OK && k <= nc; k++) {
    size_t ea = k < nc ? c[k].a : a1, eb = k < nc ? c[k].b : b1;
    if (nc > 0 && depth < MAX_DEPTH && too_large(al, ea - pa, eb - pb))
      s = align_range(al, pa, ea, pb, eb, depth + 1);
    else
      s = solve_gap(al, pa, ea - pa, pb, eb - pb);
    if (s == CT_OK && k < nc) push(al, c[k].a, c[k].b, 1.0);
    pa = ea + 1, pb = eb + 1;
  }
  free(c);
  return s;
}

ct_status ct_align(const char *const *a, size_t na, const char *const *b,
                   size_t nb, const ct_align_options *o, ct_align_pair **out,
                   size_t *nout, ct_align_stats *stats, ct_error *err) {
  ct_align_options def;
  aligner al;
  ct_status s;
  size_t per;
  if (o == NULL) ct_align_options_default(&def), o = &def;
  *out = NULL, *nout = 0;
  if (!(o->threshold > 0 && o->threshold <= 1) || o->max_cells == 0)
    return ct_fail(err, CT_EUSAGE, "alignment: threshold must lie in "
                   "(0, 1] and the cell budget be positive");
  memset(&al, 0, sizeof al);
  al.na = na, al.nb = nb, al.threshold = o->threshold;
  /* a band of 2w + 3 cells per row over n + m rows at most fits the
  ** budget */
  per = o->max_cells / (2 * (na + nb + 1));
  al.band = per > MIN_BAND ? per : MIN_BAND;
  al.steps = malloc((na + nb + 1) * sizeof *al.steps);
  s = al.steps ? items_make(a, na, &al.a) : CT_ENOMEM;
  if (s == CT_OK) s = items_make(b, nb, &al.b);
  if (s == CT_OK) s = align_range(&al, 0, na, 0, nb, 0);
  if (s == CT_OK) {
    ct_align_pair *tmp = malloc((al.nsteps + 1) * sizeof *tmp);
    if (tmp == NULL) s = CT_ENOMEM;
    else dropped_first(al.steps, al.nsteps, tmp);
    free(tmp);
  }
  items_free(al.a, na);
  items_free(al.b, nb);
  if (s != CT_OK) {
    free(al.steps);
    return ct_fail(err, s, "alignment: out of memory");
  }
  if (stats != NULL) *stats = al.st;
  *out = al.steps, *nout = al.nsteps;
  return CT_OK;
}
