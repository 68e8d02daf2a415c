/*
** vocab.c -- the terms of a text, and the table of learned weights.
**
** Terms are cut in one pass, with the previous character kept for the
** Hangul pairs: no allocation, so a clause of any size costs what its
** bytes do.  Where the machine has SSE2, a stretch of 64 ASCII bytes
** (most of English prose) is cut from bit masks, up to the text's end
** when its caller says what may be read past it (a clause is a sentence
** or two, whose last 80 bytes would otherwise be walked), and most other
** words (ASCII, shorter than sixteen bytes) with one 16-byte load; the
** byte walk takes the rest and is what the fast paths are held to.  The
** table maps a term to a row by open addressing (a small bit filter
** first: a word that is no term costs no probe); a row holds
** what the lookup compares and the weights of every column in one cache
** line, so that every vocabulary rule of a rule set is served by one
** lookup per word.  A tally (per engine) sums a clause's distinct terms
** into every column in the same pass.
*/
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "core/bytes16.h"
#include "rules/vocab.h"
#include "text/utf8.h"

/* ASCII bytes: 0 ends a word, else a word character folded to itself
** (lowercase letters, digits) or to its lowercase.  Bytes from 0x80 are
** 0 too, so that one load tells whether an ASCII run goes on. */
static const unsigned char ascii_fold[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0, 0, 0, 0, 0,
  0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
  0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* The word being walked.  ASCII characters, most of any text, only
** append to buf; what a Hangul pair needs of the character before it is
** kept by the other characters (prev) or read back from the text. */
typedef struct word {
  char buf[CT_TERM_MAX];
  size_t len;                    /* folded bytes (buf holds at most
                                 ** CT_TERM_MAX of them) */
  size_t extra;                  /* len minus the characters */
  size_t start;
  int digits, hangul;
  char prev[4];                  /* the last non-ASCII character, folded */
  size_t prevlen, prevstart, prevend;
  int prevhangul;
} word;

static void word_begin(word *w, size_t at) {
  w->len = w->extra = 0;
  w->start = at;
  w->digits = 1;
  w->hangul = 0;
  w->prevend = (size_t)-1;
}

/* The whole word as a term, when it is one. */
static int word_end(const word *w, size_t at, ct_term_fn *fn, void *ud) {
  if (w->len - w->extra < 3 || w->digits || w->hangul ||
      w->len > CT_TERM_MAX)
    return 0;
  return fn(ud, w->buf, w->len, w->start, at);
}

/* The pair of the character before `at` (in u, inside the word) and the
** one folded in f[0..flen), ending at `end`. */
static int pair(const word *w, const unsigned char *u, size_t at,
                const char *f, size_t flen, size_t end, ct_term_fn *fn,
                void *ud) {
  char two[CT_TERM_READ] = { 0 };
  size_t plen = 1, pstart = at - 1;
  if (w->prevend == at) {
    memcpy(two, w->prev, w->prevlen);
    plen = w->prevlen, pstart = w->prevstart;
  } else {
    two[0] = (char)ascii_fold[u[at - 1]];
  }
  memcpy(two + plen, f, flen);
  return fn(ud, two, plen + flen, pstart, end);
}

/* Adds the non-ASCII character cp at [at, end) of u, folded into
** f[0..flen), to the word, calling fn for the Hangul pair it ends. */
static int word_add(word *w, const unsigned char *u, int32_t cp,
                    const char *f, size_t flen, size_t at, size_t end,
                    ct_term_fn *fn, void *ud) {
  int h = ct_cp_ishangul(cp), r = 0;
  int prev_hangul = w->prevend == at && w->prevhangul;
  if (at > w->start && (h || prev_hangul))
    r = pair(w, u, at, f, flen, end, fn, ud);
  if (w->len + flen <= CT_TERM_MAX) memcpy(w->buf + w->len, f, flen);
  w->len += flen;
  w->extra += flen - 1;
  w->digits &= ct_cp_isdigit(cp);
  w->hangul |= h;
  memcpy(w->prev, f, flen);
  w->prevlen = flen, w->prevstart = at, w->prevend = end;
  w->prevhangul = h;
  return r;
}

/* Appends the run of ASCII word characters at u[i] (folded: c is the
** first) to w, and returns where it ends.  Locals, not w's fields, in
** the loop: w's address escapes, so its fields would be memory. */
static size_t ascii_run(word *w, const unsigned char *u, size_t i, size_t n,
                        unsigned char c) {
  size_t len = w->len;
  int digits = w->digits;
  do {
    if (len < CT_TERM_MAX) w->buf[len] = (char)c;
    len++;
    digits &= c <= '9';
  } while (++i < n && (c = ascii_fold[u[i]]) != 0);
  w->len = len, w->digits = digits;
  return i;
}

#if CT_BYTES16
/* The word at u (16 bytes readable) when it is ASCII, shorter than 16
** bytes and ended by an ASCII byte that is no word character, as most
** words are: its length, its bytes folded into buf (16 bytes written),
** *digits whether it is all digits.  0 for any other word (longer, or
** running into a byte from 0x80, which may go on with it): the byte
** walk takes it.  One load and a few compares instead of a branch a
** byte. */
static size_t short_word(const unsigned char *u, char *buf, int *digits) {
  ct_v16 x = ct_load16(u);
  unsigned dig = ct_mask16(ct_range16(x, '0', '9'));
  unsigned alpha = ct_mask16(ct_range16(ct_or16(x, ct_set16(0x20)),
                                        'a', 'z'));
  unsigned stop = ~(dig | alpha) & 0xFFFFu, len, all;
  if (stop == 0) return 0;
  len = ct_first16(stop);
  if (u[len] >= 0x80) return 0;
  all = (1u << len) - 1;
  *digits = (dig & all) == all;
  ct_store16((unsigned char *)buf, ct_lower16(x));
  return len;
}

/* Sixty-four bytes at a time, where a text is ASCII (most of English
** prose): a bit per byte for the word characters and the digits, and
** the words read off the bits, so that the bytes between words cost no
** branch and a word one loop turn. */
#define BLOCK 64
_Static_assert(BLOCK <= CT_TERM_MAX, "a block's words fit a word buffer");

/* The word characters and digits of u[0..BLOCK) in *words and *digit,
** of the first `valid` bytes only (the others count as no word
** character); 0 when one of those is from 0x80 (the byte walk takes
** such a block). */
static int ascii_block(const unsigned char *u, size_t valid, uint64_t *words,
                       uint64_t *digit) {
  uint64_t wm = 0, dm = 0, high = 0;
  uint64_t keep = valid >= BLOCK ? UINT64_MAX
                                 : ((uint64_t)1 << valid) - 1;
  int k;
  for (k = 0; k < BLOCK / 16; k++) {
    ct_v16 x = ct_load16(u + 16 * k);
    uint64_t dg = ct_mask16(ct_range16(x, '0', '9'));
    uint64_t al = ct_mask16(ct_range16(ct_or16(x, ct_set16(0x20)),
                                       'a', 'z'));
    high |= (uint64_t)ct_high16(x) << (16 * k);
    wm |= (dg | al) << (16 * k);
    dm |= dg << (16 * k);
  }
  *words = wm & keep, *digit = dm & keep;
  return (high & keep) == 0;
}

/* Calls fn for the terms among the words of the ASCII block at u[at..),
** entered outside a word, whose word and digit bits are wm and dm (and
** whose CT_TERM_READ bytes past the block are readable).  Returns where
** the walk goes on: the block's end, or the start of a word that runs to
** it (0: one word fills the block).  *r gets what stopped the walk. */
static size_t block_words(const unsigned char *u, size_t at, uint64_t wm,
                          uint64_t dm, char *buf, ct_term_fn *fn, void *ud,
                          int *r) {
  uint64_t starts = wm & ~(wm << 1), ends = ~wm & (wm << 1);
  size_t limit = BLOCK;
  if (wm >> (BLOCK - 1)) {               /* the last word goes on */
    limit = BLOCK - 1 - (size_t)__builtin_clzll(starts);
    starts &= ~((uint64_t)1 << limit);
  }
  while (starts != 0) {
    size_t s = (size_t)__builtin_ctzll(starts), len, k;
    uint64_t all;
    starts &= starts - 1;
    len = (size_t)__builtin_ctzll(ends >> s);
    all = ((uint64_t)1 << len) - 1;
    if (len < 3 || ((dm >> s) & all) == all) continue;
    for (k = 0; k < len; k += 16)          /* len < BLOCK <= CT_TERM_MAX */
      ct_store16((unsigned char *)buf + k,
                 ct_lower16(ct_load16(u + at + s + k)));
    if ((*r = fn(ud, buf, len, at + s, at + s + len)) != 0) break;
  }
  return limit;
}
#endif

int ct_vocab_terms(const char *s, size_t n, size_t readable,
                   ct_term_fn *fn, void *ud) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, retry = 0;
  int in = 0, r = 0;
  word w;
  memset(w.buf, 0, CT_TERM_READ);    /* the bytes a lookup reads past a
                                     ** short first word are defined */
  while (i < n && r == 0) {
    int32_t cp;
    size_t len, flen;
    char f[4];
#if CT_BYTES16
    if (!in && i >= retry && n - i + readable >= BLOCK + CT_TERM_READ) {
      uint64_t wm, dm;
      size_t next;
      if (ascii_block(u + i, n - i, &wm, &dm) &&
          (next = block_words(u, i, wm, dm, w.buf, fn, ud, &r)) > 0) {
        i += next;
        continue;
      }
      retry = i + BLOCK;                 /* the byte walk takes these */
    }
#endif
    if (u[i] < 0x80) {               /* one pass, one lookup a byte */
      unsigned char c = ascii_fold[u[i]];
      if (c == 0) {
        if (in) r = word_end(&w, i, fn, ud), in = 0;
        i++;
        continue;
      }
      if (!in) {
#if CT_BYTES16
        size_t k;
        int digits;
        if (n - i >= 16 && (k = short_word(u + i, w.buf, &digits)) > 0) {
          if (k >= 3 && !digits) r = fn(ud, w.buf, k, i, i + k);
          i += k;
          continue;
        }
#endif
        word_begin(&w, i), in = 1;
      } else if (w.prevend == i && w.prevhangul) {   /* a Hangul pair */
        r = pair(&w, u, i, (const char *)&c, 1, i + 1, fn, ud);
      }
      i = ascii_run(&w, u, i, n, c);
      continue;
    }
    len = ct_utf8_decode(u + i, n - i, &cp);
    if (cp < 0 || !(ct_cp_isalnum(cp) || ct_cp_ismark(cp))) {
      if (in) r = word_end(&w, i, fn, ud);
      in = 0;
      i += len;
      continue;
    }
    if (!in) word_begin(&w, i), in = 1;
    if (ct_cp_ishangul(cp)) memcpy(f, u + i, flen = 3);   /* no case */
    else flen = ct_utf8_encode(utf8proc_tolower(cp), f);
    r = word_add(&w, u, cp, f, flen, i, i + len, fn, ud);
    i += len;
  }
  if (in && r == 0) r = word_end(&w, n, fn, ud);
  return r;
}

/* {=====================================================================
** The table
** ====================================================================== */

/* A row: its term's first sixteen bytes, hash and length, compared in
** that order, then its weights, in one cache line for up to five
** columns, so that a lookup that finds a term of up to sixteen bytes
** (most words) costs one miss and no string compare. */
typedef struct vrow {
  uint64_t head, head2;      /* the key's (below) */
  uint32_t hash, len;
} vrow;

#define ROW_ALIGN 64

#define FILTER_BITS 65536    /* 8 KiB: stays in the first cache level */

struct ct_vocab {
  uint64_t filter[FILTER_BITS / 64];  /* a bit per hash's high bits: a
                             ** word that is no term is answered without a
                             ** probe (most words, for a small table; the
                             ** shipped one holds 95% of prose's words) */
  uint32_t *slots;           /* open addressing: 1 + row, or 0 */
  size_t nslots;             /* a power of two, at least twice nrows */
  unsigned char *rows;       /* nrows rows of `stride` bytes */
  size_t stride;             /* sizeof (vrow) + ncols doubles, aligned */
  char **terms;              /* per row, NUL-terminated */
  size_t nrows, cap, ncols;
};

static vrow *row_at(const ct_vocab *v, size_t r) {
  return (vrow *)(void *)(v->rows + r * v->stride);
}

static double *weights_at(const ct_vocab *v, size_t r) {
  return (double *)(void *)(v->rows + r * v->stride + sizeof (vrow));
}

size_t ct_vocab_row_bytes(size_t ncols) {
  size_t bytes = sizeof (vrow) + ncols * sizeof (double);
  return (bytes + ROW_ALIGN - 1) / ROW_ALIGN * ROW_ALIGN;
}

ct_vocab *ct_vocab_new(size_t ncols) {
  ct_vocab *v = calloc(1, sizeof *v);
  if (v == NULL) return NULL;
  v->ncols = ncols;
  v->stride = ct_vocab_row_bytes(ncols);
  return v;
}

void ct_vocab_free(ct_vocab *v) {
  size_t i;
  if (v == NULL) return;
  for (i = 0; i < v->nrows; i++) free(v->terms[i]);
  free(v->slots);
  free(v->rows);
  free(v->terms);
  free(v);
}

size_t ct_vocab_rows(const ct_vocab *v) { return v ? v->nrows : 0; }
size_t ct_vocab_cols(const ct_vocab *v) { return v ? v->ncols : 0; }

const char *ct_vocab_term(const ct_vocab *v, size_t r) {
  return v->terms[r];
}

double ct_vocab_weight(const ct_vocab *v, size_t r, size_t col) {
  return weights_at(v, r)[col];
}

/* The 8 bytes of s[0..n) from its start, zero-padded past n: a chunk
** of the hash beyond the first sixteen bytes. */
static uint64_t head8(const char *s, size_t n) {
  uint64_t k = 0;
  size_t i;
  if (n >= 8) {
    memcpy(&k, s, 8);          /* a fixed size: one load, not a call */
    return k;
  }
  for (i = 0; i < n; i++) k |= (uint64_t)(unsigned char)s[i] << (8 * i);
  return k;
}

/* What a lookup compares: a term's first sixteen bytes as two 8-byte
** words, zero-padded (most terms are no longer, so comparing these
** settles most lookups without reaching the string), and its hash. */
typedef struct key {
  uint64_t head, head2;
  uint32_t hash;
} key;

/* A multiplicative hash: the length and the first sixteen bytes (head
** and head2) in a fixed number of steps, whatever the length, so that
** words of random lengths cost no mispredicted branch; a longer term's
** further 8-byte chunks after them. */
static inline uint32_t hash_of(uint64_t head, uint64_t head2, const char *s,
                               size_t n) {
  uint64_t h = (uint64_t)n * UINT64_C(0x9E3779B97F4A7C15);
  size_t i;
  h = (h ^ head) * UINT64_C(0xBF58476D1CE4E5B9);
  h ^= h >> 31;
  h = (h ^ head2) * UINT64_C(0x94D049BB133111EB);
  h ^= h >> 29;
  for (i = 16; i < n; i += 8) {
    h = (h ^ head8(s + i, n - i)) * UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 31;
  }
  return (uint32_t)(h ^ h >> 32);
}

/* The key of term s[0..n), whose first sixteen bytes are read at first16
** (readable that far): two loads and masks, no loop over bytes. */
static inline key key_from(const char *first16, const char *s, size_t n) {
  /* the bytes of a head8 that a term of n bytes keeps, n up to 8: a
  ** table, not a branch on the length, which words vary at random */
  static const uint64_t keep[9] = {
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF,
    0xFFFFFFFFFFFFFF, UINT64_MAX
  };
  size_t m = n < 16 ? n : 16, m1 = m < 8 ? m : 8;
  uint64_t a, b;
  key k;
  memcpy(&a, first16, 8);
  memcpy(&b, first16 + 8, 8);
  k.head = a & keep[m1];
  k.head2 = b & keep[m - m1];
  k.hash = hash_of(k.head, k.head2, s, n);
  return k;
}

/* The key of a term a walk passed on (readable CT_TERM_READ bytes far). */
static key key_of_term(const char *s, size_t n) { return key_from(s, s, n); }

/* The key of any term: its first bytes copied where they can be read. */
static key key_of(const char *s, size_t n) {
  char first16[16] = { 0 };
  memcpy(first16, s, n < 16 ? n : 16);
  return key_from(first16, s, n);
}

/* The slot of term[0..n) (whose key is k): where it is, or the empty one
** it would take. */
static size_t slot_of(const ct_vocab *v, const char *term, size_t n,
                      const key *k) {
  size_t i = k->hash & (v->nslots - 1);
  uint32_t r;
  while ((r = v->slots[i]) != 0) {
    const vrow *x = row_at(v, r - 1);
    if (((x->head == k->head) & (x->hash == k->hash) & (x->len == n) &
         (x->head2 == k->head2)) &&          /* one branch, not four */
        (n <= 16 || memcmp(v->terms[r - 1] + 16, term + 16, n - 16) == 0))
      break;
    i = (i + 1) & (v->nslots - 1);
  }
  return i;
}

static size_t filter_bit(uint32_t h) { return h >> 16; }

/* The row of the term whose key is k, or (size_t)-1. */
static size_t find_key(const ct_vocab *v, const char *term, size_t n,
                       const key *k) {
  size_t b = filter_bit(k->hash);
  uint32_t r;
  if (!(v->filter[b / 64] >> (b % 64) & 1)) return (size_t)-1;
  r = v->slots[slot_of(v, term, n, k)];
  return r ? r - 1 : (size_t)-1;
}

size_t ct_vocab_find(const ct_vocab *v, const char *term, size_t n) {
  key k;
  if (v == NULL || v->nslots == 0 || n > UINT32_MAX) return (size_t)-1;
  k = key_of(term, n);
  return find_key(v, term, n, &k);
}

static ct_status rehash(ct_vocab *v, size_t nslots) {
  uint32_t *old = v->slots;
  size_t oldn = v->nslots, i;
  if ((v->slots = calloc(nslots, sizeof *v->slots)) == NULL) {
    v->slots = old;
    return CT_ENOMEM;
  }
  v->nslots = nslots;
  for (i = 0; i < oldn; i++)
    if (old[i]) {
      size_t r = old[i] - 1;
      const vrow *x = row_at(v, r);
      key k;
      k.head = x->head, k.head2 = x->head2, k.hash = x->hash;
      v->slots[slot_of(v, v->terms[r], x->len, &k)] = old[i];
    }
  free(old);
  return CT_OK;
}

/* Room for twice the rows: aligned, so a row is one cache line. */
static ct_status grow_rows(ct_vocab *v) {
  size_t cap = v->cap ? v->cap * 2 : 256;
  char **t;
  unsigned char *rows;
  if (cap >= UINT32_MAX / 2 || cap > SIZE_MAX / v->stride) return CT_ENOMEM;
  if ((t = realloc(v->terms, cap * sizeof *t)) == NULL) return CT_ENOMEM;
  v->terms = t;
  if ((rows = aligned_alloc(ROW_ALIGN, cap * v->stride)) == NULL)
    return CT_ENOMEM;
  if (v->nrows > 0) memcpy(rows, v->rows, v->nrows * v->stride);
  free(v->rows);
  v->rows = rows;
  v->cap = cap;
  return CT_OK;
}

static ct_status add_row(ct_vocab *v, const char *term, size_t n,
                         size_t *r) {
  char *copy;
  vrow *x;
  key k = key_of(term, n);
  if (n > UINT32_MAX) return CT_ENOMEM;
  if (v->nrows == v->cap && grow_rows(v) != CT_OK) return CT_ENOMEM;
  if (2 * (v->nrows + 1) > v->nslots &&
      rehash(v, v->nslots ? v->nslots * 2 : 512) != CT_OK)
    return CT_ENOMEM;
  if ((copy = malloc(n + 1)) == NULL) return CT_ENOMEM;
  memcpy(copy, term, n);
  copy[n] = '\0';
  *r = v->nrows++;
  v->terms[*r] = copy;
  x = row_at(v, *r);
  memset(x, 0, v->stride);
  x->head = k.head, x->head2 = k.head2, x->hash = k.hash;
  x->len = (uint32_t)n;
  v->slots[slot_of(v, term, n, &k)] = (uint32_t)(*r + 1);
  v->filter[filter_bit(k.hash) / 64] |= (uint64_t)1 << (filter_bit(k.hash) % 64);
  return CT_OK;
}

ct_status ct_vocab_set(ct_vocab *v, const char *term, size_t n, size_t col,
                       double w) {
  size_t r = ct_vocab_find(v, term, n);
  if (r == (size_t)-1 && add_row(v, term, n, &r) != CT_OK)
    return CT_ENOMEM;
  if (col < v->ncols) weights_at(v, r)[col] = w;
  return CT_OK;
}

/* {=====================================================================
** A clause's terms in the table
** ====================================================================== */

/* A distinct term of the last scan: its row and where it first is. */
typedef struct seen_term {
  uint32_t row;
  size_t start, end;
} seen_term;

/* The sums are added as the terms come (no branch per column); which
** term counts most toward a sum is found when the sum is asked for,
** among the clause's distinct terms, so that a scan does not compare
** every weight of every term. */
struct ct_vocab_tally {
  uint32_t *seen;            /* per row: the scan that last counted it */
  seen_term *terms;          /* the last scan's distinct terms, in order */
  size_t nseen, nterms;      /* both arrays have nseen entries */
  uint32_t stamp;            /* this scan's */
  const ct_vocab *v;         /* the last scan's vocabulary */
  size_t ncols;
  double *sum;               /* per column */
};

ct_vocab_tally *ct_vocab_tally_new(void) {
  return calloc(1, sizeof (ct_vocab_tally));
}

void ct_vocab_tally_free(ct_vocab_tally *t) {
  if (t == NULL) return;
  free(t->seen);
  free(t->terms);
  free(t->sum);
  free(t);
}

/* Room in t for v's rows and columns, and a fresh stamp. */
static ct_status tally_fit(ct_vocab_tally *t, const ct_vocab *v) {
  if (v->nrows > t->nseen) {
    uint32_t *s = realloc(t->seen, v->nrows * sizeof *s);
    seen_term *st;
    if (s == NULL) return CT_ENOMEM;
    memset(s, 0, v->nrows * sizeof *s);
    t->seen = s, t->stamp = 0;
    if ((st = realloc(t->terms, v->nrows * sizeof *st)) == NULL)
      return CT_ENOMEM;
    t->terms = st, t->nseen = v->nrows;
  }
  if (v->ncols > t->ncols) {
    double *d = realloc(t->sum, v->ncols * sizeof *d);
    if (d == NULL) return CT_ENOMEM;
    t->sum = d, t->ncols = v->ncols;
  }
  if (++t->stamp == 0) {                    /* wrapped: forget every mark */
    memset(t->seen, 0, t->nseen * sizeof *t->seen);
    t->stamp = 1;
  }
  if (t->sum != NULL) memset(t->sum, 0, t->ncols * sizeof *t->sum);
  t->nterms = 0;
  t->v = v;
  return CT_OK;
}

typedef struct scan {
  const ct_vocab *v;
  ct_vocab_tally *t;
  size_t base;
} scan;

/* A term of the text: counted once, into every column. */
static int scan_term(void *ud, const char *term, size_t n, size_t start,
                     size_t end) {
  scan *sc = ud;
  ct_vocab_tally *t = sc->t;
  key k = key_of_term(term, n);
  size_t r = find_key(sc->v, term, n, &k), c, ncols = sc->v->ncols;
  const double *w;
  double *sum = t->sum;
  seen_term *st;
  if (r == (size_t)-1 || t->seen[r] == t->stamp) return 0;
  t->seen[r] = t->stamp;
  st = &t->terms[t->nterms++];         /* at most one per row */
  st->row = (uint32_t)r, st->start = start + sc->base;
  st->end = end + sc->base;
  w = weights_at(sc->v, r);
  for (c = 0; c < ncols; c++) sum[c] += w[c];
  return 0;
}

ct_status ct_vocab_scan(const ct_vocab *v, ct_vocab_tally *t, const char *s,
                        size_t n, size_t readable, size_t base) {
  scan sc;
  if (v == NULL) {
    if (t->sum != NULL) memset(t->sum, 0, t->ncols * sizeof *t->sum);
    t->nterms = 0;
    return CT_OK;
  }
  if (tally_fit(t, v) != CT_OK) return CT_ENOMEM;
  sc.v = v, sc.t = t, sc.base = base;
  ct_vocab_terms(s, n, readable, scan_term, &sc);
  return CT_OK;
}

/* The first of the last scan's terms with the largest weight in column
** col (the smallest, when neg), which is not 0. */
static const seen_term *strongest(const ct_vocab_tally *t, size_t col,
                                  int neg) {
  double sign = neg ? -1 : 1, top = 0;
  size_t k, best = SIZE_MAX;
  for (k = 0; k < t->nterms; k++) {     /* selects, not branches */
    double x = sign * weights_at(t->v, t->terms[k].row)[col];
    int more = x > top;
    top = more ? x : top;
    best = more ? k : best;
  }
  return best == SIZE_MAX ? NULL : &t->terms[best];
}

double ct_vocab_sum(const ct_vocab_tally *t, size_t col, size_t *start,
                    size_t *end) {
  double sum = col < t->ncols ? t->sum[col] : 0;
  const seen_term *st = sum != 0 && start != NULL ? strongest(t, col, sum < 0)
                                                 : NULL;
  if (st != NULL) *start = st->start, *end = st->end;
  return sum;
}
