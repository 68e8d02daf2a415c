/*
** norm.c -- NFKC + case fold with a map back to the input (see norm.h).
**
** Most text in our documents is ASCII, and folding it through utf8proc
** costs more than the matching done afterwards, so ASCII is lowercased
** inline.  Everything else goes through utf8proc one cluster at a time
** (a starter and the combining marks after it, at most 30), so that
** composition stays inside a cluster, each cluster's output maps to one
** input offset, and the time is linear however many marks pile up.
** Nothing is allocated per character: utf8proc works in a scratch array
** that lives on the stack until a cluster outgrows it, and the map grows
** by a run only where the view stops being a copy of the input (norm.h).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "core/buf.h"
#include "core/bytes16.h"
#include "text/norm.h"
#include "text/utf8.h"
#include "core/grow.h"

#define NORM_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | \
                   UTF8PROC_CASEFOLD)
#define LOCAL_CPS 64
#define SOFT_HYPHEN 0xAD   /* a hyphenation hint inside a word, unseen */

/* utf8proc puts a cluster's marks in canonical order by insertion sort,
** quadratic in the cluster's length: a letter under 80,000 marks took
** seconds, a megabyte of them minutes.  UAX #15's stream-safe text
** format bounds a run of non-starters at 30 by inserting U+034F CGJ
** after every 30th; cutting the run there does the same without adding
** the CGJ to the view.  The cut changes the normal form only of text no
** real document holds (marks are neither reordered nor composed across
** it), and keeps every cluster, so every call into utf8proc, small. */
#define MAX_NONSTARTERS 30

typedef struct folder {
  ct_buf out;
  ct_norm_run *runs;        /* the map: NULL when only the string is wanted */
  size_t nruns, rcap;
  int want_map;
  utf8proc_int32_t *scratch;
  size_t scap;
  size_t cap;               /* bytes the buffers may hold; 0: no cap */
  int over;                 /* stopped at the cap, not out of memory */
  utf8proc_int32_t local[LOCAL_CPS];
} folder;

static const char replacement[3] = { '\xEF', '\xBF', '\xBD' };

static unsigned char ascii_lower(unsigned char c) {
  return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* ---- output with its map --------------------------------------------- */

/* May the output grow by k bytes and the scratch hold cps code points,
** within the cap?  The output buffer doubles, so it may hold up to twice
** what it needs: that is what is counted. */
static int room(folder *f, size_t k, size_t cps) {
  size_t out = f->out.len + 1;
  if (f->cap == 0) return 1;
  if (k <= f->cap / 4 && out <= f->cap / 4 &&
      cps <= f->cap / (2 * sizeof *f->scratch) &&
      2 * (out + k) + cps * sizeof *f->scratch <= f->cap)
    return 1;
  f->over = 1;
  return 0;
}

/* The map gets a run starting here: a copy run at input offset `at`, or
** a cluster run (at | CT_NORM_CLUSTER).  0 when out of memory or when the
** view has grown past what 32-bit offsets hold. */
static int push_run(folder *f, uint32_t at) {
  if (f->out.len >= UINT32_MAX) return 0;
  if (f->nruns == f->rcap) {
    ct_norm_run *p = ct_grow(f->runs, f->nruns, &f->rcap, sizeof *p, 16);
    if (p == NULL) return 0;
    f->runs = p;
  }
  f->runs[f->nruns].norm = (uint32_t)f->out.len;
  f->runs[f->nruns].in = at;
  f->nruns++;
  return 1;
}

/* k bytes that copy input k bytes at `at` (at most ASCII case changed):
** they go on the copy run before them when it reaches here. */
static int note_copy(folder *f, size_t at) {
  const ct_norm_run *r = f->nruns ? &f->runs[f->nruns - 1] : NULL;
  if (!f->want_map) return 1;
  if (r && !(r->in & CT_NORM_CLUSTER) &&
      f->out.len - r->norm == at - r->in)
    return 1;
  return push_run(f, (uint32_t)at);
}

/* k bytes that all map to the cluster at input offset `at`. */
static int emit(folder *f, const void *p, size_t k, size_t at) {
  if (!room(f, k, f->scap)) return 0;
  if (f->want_map && !push_run(f, (uint32_t)at | CT_NORM_CLUSTER)) return 0;
  return ct_buf_add(&f->out, p, k) == CT_OK;
}

/* A code point that folding left as it was: a copy. */
static int emit_copy(folder *f, const void *p, size_t k, size_t at) {
  return room(f, k, f->scap) && note_copy(f, at) &&
         ct_buf_add(&f->out, p, k) == CT_OK;
}

/* s[i..j) is ASCII: lowercase it, each byte mapping to itself.  Sixteen
** bytes a step where the machine can (most of a document is this). */
static int emit_ascii(folder *f, const unsigned char *s, size_t i, size_t j) {
  size_t k = j - i, x = 0;
  unsigned char *o;
  if (!room(f, k, f->scap) || !note_copy(f, i) ||
      ct_buf_reserve(&f->out, k) != CT_OK)
    return 0;
  o = (unsigned char *)f->out.s + f->out.len;
  s += i;
#if CT_BYTES16
  for (; x + 16 <= k; x += 16) ct_store16(o + x, ct_lower16(ct_load16(s + x)));
#endif
  for (; x < k; x++) o[x] = ascii_lower(s[x]);
  f->out.len += k;
  f->out.s[f->out.len] = '\0';
  return 1;
}

/* ---- clusters -------------------------------------------------------- */

/* Code points of combining class 0 that still join the cluster before
** them: vowel signs that compose with the preceding letter (U+0BBE in
** U+0BCA), and those whose NFKD starts with a combining mark or with a
** conjoining Jamo V or T (halfwidth katakana voiced sound marks,
** compatibility Jamo vowels).  Computed from the Unicode data: a starter
** whose decomposition has such a code point second, or begins with one. */
static const struct { int32_t lo, hi; } joiners[] = {
  { 0x09BE, 0x09BE }, { 0x09D7, 0x09D7 }, { 0x0B3E, 0x0B3E },
  { 0x0B56, 0x0B57 }, { 0x0BBE, 0x0BBE }, { 0x0BD7, 0x0BD7 },
  { 0x0CC2, 0x0CC2 }, { 0x0CD5, 0x0CD6 }, { 0x0D3E, 0x0D3E },
  { 0x0D57, 0x0D57 }, { 0x0DCF, 0x0DCF }, { 0x0DDF, 0x0DDF },
  { 0x0F73, 0x0F73 }, { 0x0F75, 0x0F75 }, { 0x0F81, 0x0F81 },
  { 0x102E, 0x102E }, { 0x1160, 0x11FF }, { 0x1B35, 0x1B35 },
  { 0x3133, 0x3133 }, { 0x3135, 0x3136 }, { 0x313A, 0x313F },
  { 0x314F, 0x3164 }, { 0x3167, 0x316D }, { 0x316F, 0x3170 },
  { 0x3182, 0x3183 }, { 0x3187, 0x318E }, { 0xFF9E, 0xFFA0 },
  { 0xFFA3, 0xFFA3 }, { 0xFFA5, 0xFFA6 }, { 0xFFAA, 0xFFAF },
  { 0xFFC2, 0xFFC7 }, { 0xFFCA, 0xFFCF }, { 0xFFD2, 0xFFD7 },
  { 0xFFDA, 0xFFDC }, { 0x11127, 0x11127 }, { 0x1133E, 0x1133E },
  { 0x11357, 0x11357 }, { 0x114B0, 0x114B0 }, { 0x114BA, 0x114BA },
  { 0x114BD, 0x114BD }, { 0x115AF, 0x115AF }, { 0x11930, 0x11930 },
};

static int is_joiner(int32_t cp) {
  size_t lo = 0, hi = sizeof joiners / sizeof joiners[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < joiners[mid].lo) hi = mid;
    else if (cp > joiners[mid].hi) lo = mid + 1;
    else return 1;
  }
  return 0;
}

/* Whether cp belongs to the cluster before it.  Composition never
** reaches across a starter that is not a joiner. */
static int is_nonstarter(int32_t cp) {
  if (cp < 0x300 || ct_cp_ishangul(cp)) return 0;
  if (utf8proc_get_property(cp)->combining_class != 0) return 1;
  return cp >= 0x09BE && is_joiner(cp);
}

/* A code point that neither decomposes nor case folds is, alone, its own
** normal form: most Hangul and CJK text, punctuation and symbols.  Hangul
** syllables decompose by rule, not by table, and recompose the same. */
static int is_stable(int32_t cp) {
  const utf8proc_property_t *pr;
  if (ct_cp_ishangul(cp)) return 1;
  pr = utf8proc_get_property(cp);
  return pr->decomp_seqindex == UINT16_MAX && pr->casefold_seqindex == UINT16_MAX;
}

/* First code point at s[i] (-1 if invalid) and its length. */
static size_t first_cp(const unsigned char *s, size_t i, size_t n, int32_t *cp) {
  if (s[i] < 0x80) {
    *cp = s[i];
    return 1;
  }
  return ct_utf8_decode(s + i, n - i, cp);
}

/* End of the cluster starting at s[i].  *first is its first code point,
** -1 for an invalid sequence (a cluster of its own); *alone when that
** code point is the whole cluster.  A cluster holds at most
** MAX_NONSTARTERS non-starters: a longer run goes on in clusters of its
** own, as if a CGJ stood between them (below). */
static size_t cluster_end(const unsigned char *s, size_t i, size_t n,
                          int32_t *first, int *alone) {
  size_t e = i + first_cp(s, i, n, first), marks;
  *alone = 1;
  if (*first < 0) return e;
  marks = *first >= 0x80 && is_nonstarter(*first);
  while (e < n && s[e] >= 0x80 && marks < MAX_NONSTARTERS) {
    int32_t cp;
    size_t k = ct_utf8_decode(s + e, n - e, &cp);
    if (cp < 0 || !is_nonstarter(cp)) break;
    e += k;
    marks++;
    *alone = 0;
  }
  return e;
}

static int grow_scratch(folder *f, size_t need) {
  utf8proc_int32_t *p;
  if (need > (size_t)-1 / sizeof *p) return 0;
  if (!room(f, 0, need)) return 0;
  p = f->scratch == f->local ? NULL : f->scratch;
  p = realloc(p, need * sizeof *p);
  if (p == NULL) return 0;
  f->scratch = p;
  f->scap = need;
  return 1;
}

/* One valid cluster through utf8proc: decompose (with case fold and
** canonical ordering), compose, re-encode in place in the scratch.  A
** lone code point that comes out as it went in (é, already composed and
** lowercase) is a copy: its bytes map to its start either way. */
static int fold_cluster(folder *f, const unsigned char *s, size_t len,
                        size_t at, int alone) {
  utf8proc_ssize_t m;
  for (;;) {
    m = utf8proc_decompose_custom(s, (utf8proc_ssize_t)len, f->scratch,
                                  (utf8proc_ssize_t)f->scap, NORM_OPTS, NULL, NULL);
    if (m < 0) return emit(f, replacement, 3, at);   /* not expected */
    /* reencode writes a NUL after the bytes: one more slot */
    if ((size_t)m < f->scap) break;
    if (!grow_scratch(f, (size_t)m + 1)) return 0;
  }
  m = utf8proc_reencode(f->scratch, m, NORM_OPTS);
  if (m < 0) return emit(f, replacement, 3, at);
  if (alone && (size_t)m == len && memcmp(f->scratch, s, len) == 0)
    return emit_copy(f, s, len, at);
  return emit(f, f->scratch, (size_t)m, at);
}

/* The first byte from 0x80 at or after s[i], or n. */
static size_t ascii_end(const unsigned char *s, size_t i, size_t n) {
#if CT_BYTES16
  for (; i + 16 <= n; i += 16) {
    unsigned m = ct_high16(ct_load16(s + i));
    if (m != 0) return i + ct_first16(m);
  }
#endif
  while (i < n && s[i] < 0x80) i++;
  return i;
}

/* The end of the run of Hangul syllables (U+AC00 to U+D7A3, three bytes
** each) at s[i], or i.  Decoded here, not by ct_utf8_decode: a call per
** syllable cost 2% of classifying Korean text (paired, 2026-12-05). */
static size_t hangul_end(const unsigned char *s, size_t i, size_t n) {
  while (n - i >= 3) {
    unsigned c0 = s[i], c1 = s[i + 1], c2 = s[i + 2];
    uint32_t cp = (c0 & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 | (c2 & 0x3Fu);
    if (c0 < 0xEA || c0 > 0xED || (c1 & 0xC0) != 0x80 ||
        (c2 & 0xC0) != 0x80 || !ct_cp_ishangul((int32_t)cp))
      break;
    i += 3;
  }
  return i;
}

/* Folds in[0..n) into f->out, input offsets from in; 0 when out of
** memory. */
static int fold_all(folder *f, const char *in, size_t n) {
  const unsigned char *s = (const unsigned char *)in;
  size_t i = 0;
  while (i < n) {
    size_t j = i, e;
    int32_t cp;
    int alone;
    j = ascii_end(s, j, n);
    /* A combining mark may follow the last ASCII byte: leave that byte
    ** to the cluster path. */
    if (j < n && j > i) j--;
    if (j > i) {
      if (!emit_ascii(f, s, i, j)) return 0;
      i = j;
      continue;
    }
    /* Hangul syllables are their own normal form, in a run copied at
    ** once; a conjoining jamo or a mark may follow the last one, which
    ** is left to the cluster path. */
    j = hangul_end(s, i, n);
    if (j < n && j > i) j -= 3;
    if (j > i) {
      if (!emit_copy(f, s + i, j - i, i)) return 0;
      i = j;
      continue;
    }
    e = cluster_end(s, i, n, &cp, &alone);
    if (cp < 0) {
      if (!emit(f, replacement, 3, i)) return 0;
    } else if (cp == SOFT_HYPHEN && alone) {
      /* nothing: NFKC_Casefold drops it, and a word it splits is one */
    } else if (cp < 0x80 && alone) {
      if (!emit_ascii(f, s, i, e)) return 0;
    } else if (alone && is_stable(cp)) {
      if (!emit_copy(f, s + i, e - i, i)) return 0;
    } else if (!fold_cluster(f, s + i, e - i, i, alone)) {
      return 0;
    }
    i = e;
  }
  return 1;
}

static void folder_init(folder *f, int want_map) {
  memset(&f->out, 0, sizeof f->out);
  f->runs = NULL;
  f->nruns = f->rcap = 0;
  f->want_map = want_map;
  f->scratch = f->local;
  f->scap = LOCAL_CPS;
  f->cap = 0;
  f->over = 0;
}

/* The output is a string even when the input is empty. */
static int folder_start(folder *f, size_t n) {
  if (!room(f, n, 0)) return 0;
  if (ct_buf_reserve(&f->out, n) != CT_OK) return 0;
  f->out.s[0] = '\0';
  return 1;
}

static void folder_done(folder *f) {
  if (f->scratch != f->local) free(f->scratch);
  f->scratch = f->local;
}

/* ---- public ---------------------------------------------------------- */

ct_status ct_norm_build(ct_norm *out, const char *in, size_t n, size_t base) {
  folder f;
  size_t len;
  int ok;
  memset(out, 0, sizeof *out);
  if (n >= CT_NORM_MAX_INPUT) return CT_ETOOBIG;
  folder_init(&f, 1);
  ok = folder_start(&f, n) && fold_all(&f, in, n);
  folder_done(&f);
  len = f.out.len;
  if (len >= UINT32_MAX) ok = 0;     /* 32-bit offsets no longer hold */
  if (!ok || (out->s = ct_buf_take(&f.out)) == NULL) {
    ct_buf_free(&f.out);
    free(f.runs);
    return len >= UINT32_MAX ? CT_ETOOBIG : CT_ENOMEM;
  }
  out->len = len;
  out->base = base;
  out->n = n;
  out->runs = f.runs;
  out->nruns = f.nruns;
  return CT_OK;
}

void ct_norm_free(ct_norm *nm) {
  if (nm == NULL) return;
  free(nm->s);
  free(nm->runs);
  memset(nm, 0, sizeof *nm);
}

static size_t run_in(const ct_norm_run *r) { return r->in & ~CT_NORM_CLUSTER; }

/* Where run r ends in the view. */
static size_t run_end(const ct_norm *nm, size_t r) {
  return r + 1 < nm->nruns ? nm->runs[r + 1].norm : nm->len;
}

size_t ct_norm_to_input(const ct_norm *nm, size_t off) {
  size_t lo = 0, hi = nm->nruns;   /* the last run starting at or before */
  const ct_norm_run *r;
  if (off >= nm->len) return nm->base + nm->n;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (nm->runs[mid].norm <= off) lo = mid;
    else hi = mid;
  }
  r = &nm->runs[lo];
  if (r->in & CT_NORM_CLUSTER) return nm->base + run_in(r);
  /* a copy: the start of the character holding off */
  while (off > r->norm && ((unsigned char)nm->s[off] & 0xC0) == 0x80) off--;
  return nm->base + r->in + (off - r->norm);
}

size_t ct_norm_from_input(const ct_norm *nm, size_t in_off) {
  size_t rel, lo = 0, hi = nm->nruns, o, end;
  const ct_norm_run *r;
  if (nm->len == 0 || in_off <= nm->base) return 0;
  rel = in_off - nm->base;
  if (rel >= nm->n) return nm->len;
  while (hi - lo > 1) {            /* the last run starting at or before */
    size_t mid = lo + (hi - lo) / 2;
    if (run_in(&nm->runs[mid]) <= rel) lo = mid;
    else hi = mid;
  }
  r = &nm->runs[lo];
  end = run_end(nm, lo);
  if (r->in & CT_NORM_CLUSTER) return run_in(r) == rel ? r->norm : end;
  /* a copy: the first character starting at or after rel */
  o = r->norm + (rel - r->in);
  while (o < end && ((unsigned char)nm->s[o] & 0xC0) == 0x80) o++;
  return o;
}

char *ct_fold_within(const char *s, size_t len, size_t cap, int *over) {
  folder f;
  int ok;
  folder_init(&f, 0);
  f.cap = cap;
  ok = folder_start(&f, len) && fold_all(&f, s, len);
  folder_done(&f);
  if (over != NULL) *over = f.over;
  if (!ok) {
    ct_buf_free(&f.out);
    return NULL;
  }
  return ct_buf_take(&f.out);
}

char *ct_fold(const char *s, size_t len) { return ct_fold_within(s, len, 0, NULL); }
