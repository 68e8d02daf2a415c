/*
** phrases.c -- Aho-Corasick over folded bytes, with word boundaries.
**
** The automaton is a full DFA: every state has a transition for every
** byte class, so the scan loop is one table load per byte.  Bytes that
** occur in no phrase share class 0, which keeps the table small (a few
** dozen classes for Latin text instead of 256).
**
** The table is laid out for the cache, since a scan is a chain of
** dependent loads and the shipped rules' automaton (some 11,000 states)
** is far larger than the first cache levels:
**   - states are numbered breadth first, so the shallow states a scan
**     spends most of its time in sit together at the top;
**   - classes are numbered with the space and the letters a-z first, so
**     that prose reads little more than the first 32 columns;
**   - the table is cut into pages of 32 columns, each page a state's
**     cells side by side, a page's row a cache line (16-bit cells) found
**     with a shift: the first page holds what prose reads, and its rows
**     lie next to each other, so that the hot rows use every set of the
**     caches (rows of all the columns, a power of two of bytes apart,
**     would put the hot lines in a quarter of them);
**   - a cell is 16 bits (a state number, and a flag for "this state
**     ends a phrase") while there are fewer than 2^15 states, else 32
**     bits (the state number, and the flag in the top bit);
**   - states know where a match may begin ("Word starts" below), so
**     that inside a word that begins no phrase the scan stays in one
**     state instead of wandering through the trie.
** The flag lets the loop test a bit instead of loading a second array;
** a byte maps straight to its class's column offset in the table.
**
** White space is folded on the fly: a run of white space and hyphens in
** the text is fed to the DFA as a single ' '.  So a match's start is
** found from its end: a phrase without a space is as many bytes long in
** the text as it is, and one with a space is too when the text spells it
** with single spaces (one compare); else it is walked back over, a run
** of white space counting as one symbol.  Keeping the start of every symbol
** fed instead (a ring of offsets) cost a store and a count per byte, in
** the loop that every byte of every text goes through.
*/
#define _DEFAULT_SOURCE 1         /* MADV_HUGEPAGE, a Linux extension */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <utf8proc.h>
#include "core/error.h"
#include "rules/phrases.h"
#include "text/utf8.h"

#define MAX_PHRASE 4096           /* bytes, after compaction */
#define HASOUT 0x80000000u        /* 32-bit cell flag: target ends a phrase */
#define HASOUT16 0x8000u          /* the same in a 16-bit cell */
#define ROW_ALIGN 64              /* bytes: a row starts a cache line */
#define HUGE_PAGE ((size_t)2 << 20)  /* bytes: a huge page (x86-64, arm64) */
#define PAGE_SHIFT 5
#define PAGE (1u << PAGE_SHIFT)   /* columns in a page of the table */
#define NOCOL UINT32_MAX          /* no byte's column */
#define SPLIT_MIN 4096            /* bytes: a text this long has two lanes,
                                     one four times as long four */
#define LANES 4                   /* at most */
#define NOEDGE 0u                 /* a missing trie edge while building (no
                                     edge leads to the root, state 0) */
#define NOCOPY UINT32_MAX         /* a trie state without that copy */
#define ROOT_B 0u                 /* the empty state at a word start */
#define ROOT_W 1u                 /* the empty state inside a word */

typedef struct entry {            /* one added (phrase, id) */
  char *kw;                       /* compacted phrase, '*' removed */
  size_t len;
  int id;
  int star;
  int raw;                        /* a substring: no word boundaries */
} entry;

typedef struct keyword {          /* a distinct compacted text */
  uint32_t len;
  uint32_t first, count;          /* its slice of `ids`, plain before star */
  unsigned char lcheck;           /* boundary needed before */
  unsigned char rcheck;           /* after: RIGHT_* */
  unsigned char spaced;           /* holds a space: its text may be longer */
  uint32_t text;                  /* a spaced one's bytes in `spelled` */
} keyword;

typedef struct idref { int id; int star; int raw; } idref;

typedef struct outlink {          /* a state's outputs (see ct_phrases) */
  int32_t out;
  uint32_t dict;
} outlink;

enum {
  RIGHT_FREE,        /* kana and CJK ideographs: no boundary */
  RIGHT_WORD         /* a word boundary, or a Korean particle or ending */
};

/* The trie while compiling, sparse: the dense table of the scan is made
** from it once, and a dense trie of every phrase byte times every class
** would be most of the memory compiling touches, and its time. */
typedef struct trie {
  uint32_t *parent;               /* per state: the state it hangs from */
  unsigned char *cls;             /* the class of the edge into it */
  uint32_t *kid, *sib;            /* its first child and next sibling, in
                                     class order: the order a breadth-first
                                     numbering visits them in */
  uint32_t *slot;                 /* (parent, class) -> 1 + state, open
                                     addressing; 0 is empty */
  size_t mask;                    /* slots - 1, slots a power of two */
} trie;

/* The word-start automaton as arrays indexed by its states: numbers
** breadth first (a trie state's "may begin" copy, then its "inside a
** word" copy if it has one: ROOT_B is 0, ROOT_W 1). */
typedef struct wsa {
  uint32_t *idb, *idw;            /* trie state -> its copies (idw: NOCOPY
                                     when it has none) */
  uint32_t *back;                 /* trie state -> the state a scan falls
                                     back to when it cannot go on */
  uint32_t *dnode;                /* trie state -> the next trie state on
                                     that chain that ends a phrase, 0 */
  uint32_t n;                     /* states */
} wsa;

struct ct_phrases {
  entry *add;                     /* phrases as added, until compile */
  size_t nadd, capadd;
  size_t maxlen;
  size_t max_bytes;               /* cap on the compiled form, 0: none */
  size_t bytes;                   /* what the compiled form holds */
  int compiled;
  /* the compiled form */
  unsigned char cls[256];         /* byte -> class */
  unsigned char spc;              /* the class of ' ', of every white-space
                                     byte and '-' (0 when no phrase has a
                                     space) */
  uint32_t nclass;
  uint32_t nstates;
  trie trie;                      /* while compiling */
  uint32_t npages;                /* pages of PAGE columns */
  uint32_t col[256];              /* byte -> its class's column offset */
  uint32_t spcol;                 /* the space's */
  int wide;                       /* cells of 32 bits, else 16 */
  int force_wide;                 /* tests: 32-bit cells however small */
  uint16_t *d16;                  /* the DFA, 16-bit cells, see the top */
  uint32_t *d32;                  /* or 32-bit cells */
  int32_t *out;                   /* while compiling: state -> keyword it
                                     ends, or -1 */
  outlink *links;                 /* compiled: each state's output and
                                     dictionary link, side by side, as the
                                     scan reads them together */
  /* while compiling, per trie state (see "Word starts") */
  const char **skw;               /* a phrase the state's text begins */
  uint32_t *depth;                /* its length in bytes */
  unsigned char *free_start;      /* a prefix of a phrase that may start
                                     inside a word */
  uint32_t *order, *fail;         /* trie states breadth first, and each
                                     one's Aho-Corasick fail link */
  wsa ws;                         /* the word-start automaton's numbering */
  unsigned char *work;            /* one block that holds every array
                                     marked "while compiling" (see
                                     alloc_work) */
  unsigned char word_class[256];  /* class -> its bytes are ASCII letters,
                                     digits or '_' */
  keyword *kws;
  uint32_t nkws;
  idref *ids;
  char *spelled;                  /* the spaced keywords' bytes, end to
                                     end: what emit compares the text with
                                     before walking it back */
  size_t nspelled;
};

typedef struct hitlist {
  ct_phrase_hit *v;
  size_t n, cap;
} hitlist;

struct ct_phrases_scratch {
  hitlist hits;                   /* the answer, sorted */
  hitlist later[LANES - 1];       /* the later lanes', each sorted */
};

/* ---------------------------------------------------------------------
** Characters
** ------------------------------------------------------------------- */

/* Length of the white-space or hyphen character at s, or 0: a hyphen,
** an en dash, U+2010 or U+2011 joins words as a space does. */
static size_t space_len(const unsigned char *s, size_t n) {
  if (s[0] == '-') return 1;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
      (s[2] == 0x90 || s[2] == 0x91 || s[2] == 0x93))
    return 3;
  return ct_utf8_space_len(s, n);
}

/* Bytes that may start a space_len() character (the hyphens after
** U+2000 start with 0xE2, a space's lead too). */
static int space_lead(unsigned c) {
  return c == '-' || ct_utf8_space_lead(c);
}

static int is_word(int32_t cp) {
  utf8proc_category_t c;
  if (cp < 0x80)
    return cp >= 0 && (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
                       (cp >= '0' && cp <= '9') || cp == '_');
  if (ct_cp_isalnum(cp)) return 1;
  c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
         c == UTF8PROC_CATEGORY_ME;
}

/* The code point ending at t[pos], -1 when invalid or at the start. */
static int32_t cp_before(const unsigned char *t, size_t len, size_t pos) {
  size_t j;
  int32_t cp;
  if (pos == 0) return -1;
  if (t[pos - 1] < 0x80) return t[pos - 1];
  j = pos - 1;
  while (j > 0 && pos - j < 4 && (t[j] & 0xC0) == 0x80) j--;
  if (j + ct_utf8_decode(t + j, len - j, &cp) != pos) return -1;
  return cp;
}

static int32_t cp_at(const unsigned char *t, size_t len, size_t pos) {
  int32_t cp;
  if (pos >= len) return -1;
  if (t[pos] < 0x80) return t[pos];
  ct_utf8_decode(t + pos, len - pos, &cp);
  return cp;
}

/* ---------------------------------------------------------------------
** Adding phrases
** ------------------------------------------------------------------- */

ct_phrases *ct_phrases_new(void) {
  return calloc(1, sizeof(ct_phrases));
}

static void free_compiled(ct_phrases *p);

static void free_added(ct_phrases *p) {
  size_t i;
  for (i = 0; i < p->nadd; i++) free(p->add[i].kw);
  free(p->add);
  p->add = NULL;
  p->nadd = p->capadd = 0;
}

void ct_phrases_free(ct_phrases *p) {
  if (p == NULL) return;
  free_added(p);
  free_compiled(p);
  free(p);
}

size_t ct_phrases_count(const ct_phrases *p) { return p->nadd; }

/* Writes phrase[0..n) to out with white-space runs as one space and the
** ends trimmed; returns the new length.  *trailing tells whether a space
** was trimmed at the end.  out has room for n bytes. */
static size_t compact(const char *phrase, size_t n, char *out,
                      int *trailing) {
  const unsigned char *s = (const unsigned char *)phrase;
  size_t i = 0, o = 0, k;
  int pending = 0;
  while (i < n) {
    if ((k = space_len(s + i, n - i)) > 0) {
      pending = o > 0;
      i += k;
      continue;
    }
    if (pending) out[o++] = ' ';
    pending = 0;
    out[o++] = (char)s[i++];
  }
  *trailing = pending || (n > 0 && o == 0);
  return o;
}

static int32_t edge_cp(const char *kw, size_t len, int last) {
  const unsigned char *s = (const unsigned char *)kw;
  return last ? cp_before(s, len, len) : cp_at(s, len, 0);
}


/* Does a phrase need a word boundary before it?  Korean compounds put
** their head last ("한미연합훈련" is 연합훈련), so a Hangul phrase may end a
** compound; but a word of one or two syllables inside another word is
** more often a coincidence ("학생" in "화학생물무기", "의회" in
** "안보협의회"), so such short words must begin a word. */
static unsigned char left_check(const char *kw, size_t len) {
  int32_t cp = edge_cp(kw, len, 0);
  size_t i, syllables = 0;
  if (!ct_cp_iscjk(cp)) return 1;
  if (!ct_cp_ishangul(cp)) return 0;
  for (i = 0; i < len; i++) {
    if (kw[i] == ' ') return 0;
    syllables += ((unsigned char)kw[i] & 0xC0) != 0x80;
  }
  return syllables <= 2;
}

/* What a phrase needs after its last character. */
static unsigned char right_check(const char *kw, size_t len) {
  int32_t cp = edge_cp(kw, len, 1);
  return ct_cp_iscjk(cp) && !ct_cp_ishangul(cp) ? RIGHT_FREE : RIGHT_WORD;
}

/* Korean attaches particles and endings to the noun they follow
** ("국방을", "안보의", "비핵화를", "투자하기로"), but a noun that goes on
** ("안보리", "국방부") is another word: the Hangul after a match must
** begin with one of these for the match to count, whatever script the
** match ends in ("FTA의", "AI를").  Compounds on the left ("한미연합훈련")
** need nothing: Korean puts the head of a compound last. */
static const char *const hangul_tails[] = {
  "이", "가", "을", "를", "은", "는", "의", "에", "와", "과", "도", "만",
  "로", "으로", "께", "나", "며", "고", "랑", "란", "라", "다", "요", "여",
  "까지", "부터", "처럼", "보다", "마저", "조차", "한테",
  "하", "한", "할", "함", "해", "했", "합", "된", "되", "될", "됨", "돼",
  "됐", "시키", "시킨", "적", "화", "상", "간", "내", "등", "들", "별", "측",
  NULL
};

static int hangul_tail(const unsigned char *t, size_t len, size_t pos) {
  const char *const *p;
  for (p = hangul_tails; *p; p++) {
    size_t n = strlen(*p);
    if (n <= len - pos && memcmp(t + pos, *p, n) == 0) return 1;
  }
  return 0;
}

static ct_status check_phrase(const char *phrase, size_t n, ct_error *err) {
  const char *star = memchr(phrase, '*', n);
  if (n == 0) return ct_fail(err, CT_ESYNTAX, "phrase \"\": empty phrase");
  if (ct_utf8_check((const unsigned char *)phrase, n) != n)
    return ct_fail(err, CT_ESYNTAX, "phrase is not valid UTF-8");
  if (n == 1 && star != NULL)
    return ct_fail(err, CT_ESYNTAX,
                   "phrase \"*\": '*' needs a word before it");
  if (star != NULL && star != phrase + n - 1)
    return ct_fail(err, CT_ESYNTAX,
                   "phrase \"%.200s\": '*' is allowed only at the end", phrase);
  return CT_OK;
}

static ct_status push_entry(ct_phrases *p, char *kw, size_t len, int id,
                            int star, int raw) {
  if (p->nadd == p->capadd) {
    size_t cap = p->capadd ? 2 * p->capadd : 64;
    entry *a = realloc(p->add, cap * sizeof *a);
    if (a == NULL) return CT_ENOMEM;
    p->add = a;
    p->capadd = cap;
  }
  p->add[p->nadd].kw = kw;
  p->add[p->nadd].len = len;
  p->add[p->nadd].id = id;
  p->add[p->nadd].star = star;
  p->add[p->nadd].raw = raw;
  p->nadd++;
  if (len > p->maxlen) p->maxlen = len;
  return CT_OK;
}

static ct_status add_entry(ct_phrases *p, const char *phrase, int id,
                           int raw, ct_error *err) {
  size_t n = strlen(phrase), len;
  int star, trailing;
  char *kw;
  ct_status st;
  if (p->compiled)
    return ct_fail(err, CT_EUSAGE, "phrase \"%.200s\": matcher already "
                   "compiled", phrase);
  if (raw) {
    if (n == 0) return ct_fail(err, CT_ESYNTAX, "phrase \"\": empty phrase");
    if (ct_utf8_check((const unsigned char *)phrase, n) != n)
      return ct_fail(err, CT_ESYNTAX, "phrase is not valid UTF-8");
  } else if ((st = check_phrase(phrase, n, err)) != CT_OK) {
    return st;
  }
  star = !raw && phrase[n - 1] == '*';
  if ((kw = malloc(n)) == NULL)
    return ct_fail(err, CT_ENOMEM, "out of memory");
  len = compact(phrase, n - (size_t)star, kw, &trailing);
  if (len == 0 || (star && trailing)) {
    free(kw);
    if (star)
      return ct_fail(err, CT_ESYNTAX, "phrase \"%.200s\": '*' must follow a "
                     "word, not a space", phrase);
    return ct_fail(err, CT_ESYNTAX, "phrase \"%.200s\": empty phrase", phrase);
  }
  if (len > MAX_PHRASE) {
    free(kw);
    return ct_fail(err, CT_ESYNTAX, "phrase \"%.40s...\": longer than %d "
                   "bytes", phrase, MAX_PHRASE);
  }
  if (push_entry(p, kw, len, id, star, raw) != CT_OK) {
    free(kw);
    return ct_fail(err, CT_ENOMEM, "out of memory");
  }
  return CT_OK;
}

ct_status ct_phrases_add(ct_phrases *p, const char *phrase, int id,
                         ct_error *err) {
  return add_entry(p, phrase, id, 0, err);
}

ct_status ct_phrases_add_substring(ct_phrases *p, const char *text, int id,
                                   ct_error *err) {
  return add_entry(p, text, id, 1, err);
}

/* ---------------------------------------------------------------------
** Compiling
** ------------------------------------------------------------------- */

static int cmp_entry(const void *a, const void *b) {
  const entry *x = a, *y = b;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->kw, y->kw, n);
  if (c != 0) return c;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  if (x->star != y->star) return x->star - y->star;
  if (x->raw != y->raw) return x->raw - y->raw;
  return (x->id > y->id) - (x->id < y->id);
}

static int same_text(const entry *x, const entry *y) {
  return x->len == y->len && memcmp(x->kw, y->kw, x->len) == 0;
}

/* Class numbers for the bytes the phrases use, in the order prose needs
** them (space, a-z, the rest of ASCII, then other bytes), so that the
** columns a scan of Latin text reads are the first of every row. */
static void build_classes(ct_phrases *p) {
  static const char first[] = " abcdefghijklmnopqrstuvwxyz";
  unsigned char used[256] = {0};
  size_t i, j;
  for (i = 0; i < p->nadd; i++)
    for (j = 0; j < p->add[i].len; j++) used[(unsigned char)p->add[i].kw[j]] = 1;
  memset(p->cls, 0, sizeof p->cls);
  p->nclass = 1;
  for (i = 0; first[i]; i++) {
    unsigned char c = (unsigned char)first[i];
    if (used[c]) p->cls[c] = (unsigned char)p->nclass++;
  }
  for (i = 1; i < 256; i++)
    if (used[i] && p->cls[i] == 0) p->cls[i] = (unsigned char)p->nclass++;
  p->spc = p->cls[' '];
  for (i = 0; i < 0x80; i++)
    if (space_lead((unsigned)i)) p->cls[i] = p->spc;
  memset(p->word_class, 0, sizeof p->word_class);
  for (i = 0; i < 0x80; i++)          /* a used byte has a class of its own */
    if (p->cls[i] != 0 && is_word((int32_t)i)) p->word_class[p->cls[i]] = 1;
}

/* The slot of the edge (s, c): where it is, or the empty one it would
** take. */
static size_t edge_slot(const trie *t, uint32_t s, uint32_t c) {
  uint64_t h = ((uint64_t)s << 8 | c) * UINT64_C(0x9E3779B97F4A7C15);
  size_t i = (size_t)(h >> 32) & t->mask;
  uint32_t v;
  while ((v = t->slot[i]) != 0 &&
         (t->parent[v - 1] != s || t->cls[v - 1] != c))
    i = (i + 1) & t->mask;
  return i;
}

/* The state the edge (s, c) leads to, or NOEDGE. */
static uint32_t edge(const trie *t, uint32_t s, uint32_t c) {
  uint32_t v = t->slot[edge_slot(t, s, c)];
  return v ? v - 1 : NOEDGE;
}

/* Adds the edge (s, c) to the new state u, in s's children by class. */
static void edge_add(trie *t, uint32_t s, uint32_t c, uint32_t u) {
  uint32_t *at = &t->kid[s];
  t->parent[u] = s;
  t->cls[u] = (unsigned char)c;
  t->slot[edge_slot(t, s, c)] = u + 1;
  while (*at != NOEDGE && t->cls[*at] < c) at = &t->sib[*at];
  t->sib[u] = *at;
  t->kid[u] = NOEDGE;
  *at = u;
}

static size_t round_up(size_t n, size_t to) {
  return (n + to - 1) / to * to;
}

/* A block for the scan table or the arrays compiling needs.  On Linux,
** one of half a huge page or more (the shipped rules' table is 4.5 MiB,
** their compile-time arrays 1.1 MiB) is laid on whole huge pages and the
** kernel asked to back it with them (Linux's usual setting does so on
** request): filling it then takes a page fault per 2 MiB instead of per
** 4 KiB, and a fault can cost 10 us.  The rounding at most doubles the
** block; the advice is only advice, and refused, the block works the
** same. */
static void *block_alloc(size_t size) {
#ifdef MADV_HUGEPAGE
  size_t whole = round_up(size, HUGE_PAGE);
  void *t;
  if (size >= HUGE_PAGE / 2 &&
      (t = aligned_alloc(HUGE_PAGE, whole)) != NULL) {
    (void)madvise(t, whole, MADV_HUGEPAGE);
    return t;
  }
#endif
  return aligned_alloc(ROW_ALIGN, size);
}

/* The next array of a block laid out from b (NULL: only measured), at
** *at, bytes long; each starts a cache line. */
static unsigned char *take(unsigned char *b, size_t *at, size_t bytes) {
  unsigned char *a = b ? b + *at : NULL;
  *at += round_up(bytes, ROW_ALIGN);
  return a;
}

static uint32_t *take32(unsigned char *b, size_t *at, size_t n) {
  return (uint32_t *)(void *)take(b, at, n * sizeof(uint32_t));
}

/* Lays the arrays compiling needs for max trie states and `slots` edge
** slots out in the block b, or, b NULL, only measures them: the block's
** size. */
static size_t lay_out(ct_phrases *p, unsigned char *b, size_t max,
                      size_t slots) {
  trie *t = &p->trie;
  size_t at = 0;
  p->skw = (const char **)(void *)take(b, &at, max * sizeof *p->skw);
  p->out = (int32_t *)(void *)take(b, &at, max * sizeof *p->out);
  t->slot = take32(b, &at, slots);
  t->parent = take32(b, &at, max);
  t->kid = take32(b, &at, max);
  t->sib = take32(b, &at, max);
  p->depth = take32(b, &at, max);
  p->order = take32(b, &at, max);
  p->fail = take32(b, &at, max);
  p->ws.idb = take32(b, &at, max);
  p->ws.idw = take32(b, &at, max);
  p->ws.back = take32(b, &at, max);
  p->ws.dnode = take32(b, &at, max);
  t->cls = take(b, &at, max);
  p->free_start = take(b, &at, max);
  return at;
}

/* How many leading bytes of a and b have the same classes: the trie
** states of b's path that a's has made. */
static size_t shared_prefix(const ct_phrases *p, const entry *a,
                            const entry *b) {
  size_t j, n = a->len < b->len ? a->len : b->len;
  for (j = 0; j < n; j++)
    if (p->cls[(unsigned char)a->kw[j]] != p->cls[(unsigned char)b->kw[j]])
      break;
  return j;
}

/* The block of what compiling needs: for the shipped rules 1.1 MiB,
** sized by the trie's states (the phrases sorted, each adds at most its
** bytes past what it shares with the one before: half their bytes).
** One allocation, rather than fifteen, is one to free and one to fail;
** and laid on a huge page (block_alloc) it costs start-up one page
** fault instead of ~400 (a one-line run: 1,282 faults and 32.7 ms
** before, 890 and 27.7 ms after, on a machine whose faults cost 11 us). */
static ct_status alloc_work(ct_phrases *p) {
  trie *t = &p->trie;
  size_t i, max = 1, slots = 2, spelled = 1, size;
  if (p->nadd > 0) qsort(p->add, p->nadd, sizeof *p->add, cmp_entry);
  for (i = 0; i < p->nadd; i++) {
    const entry *e = &p->add[i];
    max += e->len - (i > 0 ? shared_prefix(p, e - 1, e) : 0);
    if (memchr(e->kw, ' ', e->len)) spelled += e->len;
  }
  if (max > (HASOUT - 1) / p->nclass) return CT_ELIMIT;
  while (slots < 2 * max) slots *= 2;
  size = lay_out(p, NULL, max, slots);
  p->bytes = size + spelled +
             (p->nadd + 1) * (sizeof *p->kws + sizeof *p->ids);
  if (p->max_bytes && p->bytes > p->max_bytes) return CT_ERULE;
  p->work = block_alloc(size);
  p->kws = malloc((p->nadd ? p->nadd : 1) * sizeof *p->kws);
  p->ids = malloc((p->nadd ? p->nadd : 1) * sizeof *p->ids);
  p->spelled = malloc(spelled);
  p->nspelled = 0;
  if (p->work == NULL || p->kws == NULL || p->ids == NULL ||
      p->spelled == NULL)
    return CT_ENOMEM;
  lay_out(p, p->work, max, slots);
  t->mask = slots - 1;
  memset(t->slot, 0, slots * sizeof *t->slot);
  memset(p->free_start, 0, max);
  t->kid[0] = NOEDGE;
  p->skw[0] = NULL;
  p->depth[0] = 0;
  for (i = 0; i < max; i++) p->out[i] = -1;
  p->nstates = 1;
  return CT_OK;
}

/* A new keyword: its path in the trie and its boundary needs. */
static keyword *insert_keyword(ct_phrases *p, const entry *e) {
  uint32_t s = 0, k = p->nkws++;
  size_t j;
  keyword *kw = &p->kws[k];
  for (j = 0; j < e->len; j++) {
    uint32_t c = p->cls[(unsigned char)e->kw[j]], u = edge(&p->trie, s, c);
    if (u == NOEDGE) {
      u = p->nstates++;
      edge_add(&p->trie, s, c, u);
      p->skw[u] = e->kw;
      p->depth[u] = (uint32_t)j + 1;
    }
    s = u;
  }
  p->out[s] = (int32_t)k;
  kw->len = (uint32_t)e->len;
  kw->count = 0;
  kw->lcheck = left_check(e->kw, e->len);
  kw->rcheck = right_check(e->kw, e->len);
  kw->spaced = memchr(e->kw, ' ', e->len) != NULL;
  kw->text = (uint32_t)p->nspelled;
  if (kw->spaced) {
    memcpy(p->spelled + p->nspelled, e->kw, e->len);
    p->nspelled += e->len;
  }
  return kw;
}

/* One keyword per distinct text, one idref per distinct (text, star, id),
** from the phrases as alloc_work sorted them: a keyword's plain ids come
** before its starred ones. */
static void build_keywords(ct_phrases *p) {
  size_t i;
  uint32_t nid = 0;
  keyword *kw = NULL;
  for (i = 0; i < p->nadd; i++) {
    const entry *e = &p->add[i];
    if (i > 0 && cmp_entry(e, e - 1) == 0) continue;
    if (i == 0 || !same_text(e, e - 1)) {
      kw = insert_keyword(p, e);
      kw->first = nid;
    }
    p->ids[nid].id = e->id;
    p->ids[nid].star = e->star;
    p->ids[nid].raw = e->raw;
    kw->count++;
    nid++;
  }
}

/* Breadth first over the trie: order[] gets the states, fail[] the
** Aho-Corasick fail links (the longest proper suffix of a state's text
** that is a state too). */
static void trie_order(ct_phrases *p) {
  const trie *t = &p->trie;
  uint32_t *order = p->order, *fail = p->fail;
  uint32_t head = 0, tail = 0, u;
  fail[0] = 0;
  order[tail++] = 0;
  while (head < tail) {
    uint32_t r = order[head++];
    for (u = t->kid[r]; u != NOEDGE; u = t->sib[u]) {
      uint32_t x = fail[r], c = t->cls[u], v = NOEDGE;
      while (r != 0 && (v = edge(t, x, c)) == NOEDGE && x != 0) x = fail[x];
      fail[u] = r != 0 ? v : 0;
      order[tail++] = u;
    }
  }
}

/* ---------------------------------------------------------------------
** Word starts
**
** Most phrases must begin a word, yet a plain Aho-Corasick automaton
** follows every phrase prefix wherever it begins: inside "contract" it
** walks "con", "on", "tra", "act", each step a table load that waits on
** the one before, for matches emit() then refuses.  So the scan table's
** states know where a match may begin.  Each trie state S comes as "S
** may begin where it does" (the character before it is no word
** character, or may not be) and, when S is a prefix of a phrase that may
** begin inside a word (a substring, or a phrase whose first character
** needs no boundary: kana, CJK, most Hangul), as "S began inside a word",
** which goes on only along such phrases.  The empty state comes as both:
** ROOT_B and ROOT_W, inside a word, where the scan stays on ASCII
** letters and digits that begin no phrase that may begin there: one hot
** row.  (Skipping such bytes without the table, in a loop of its own, was
** slower: the branch into it is taken at random, and a mispredicted one
** throws away the other lane's work.)
**
** The hits are the same: the state always holds the longest suffix of
** the text read that is a phrase prefix and may have begun where it
** begins, and every match emit() accepts begins so.  Where a class does
** not tell (a byte of a character outside ASCII), the judgement is "may
** begin", which only makes the state longer and leaves it to emit() to
** refuse what does not fit.
** ------------------------------------------------------------------- */

/* Is the character that ends at kw[pos] no word character, or possibly
** none?  (A character cut short or invalid is none.) */
static int nonword_before(const char *kw, size_t pos) {
  const unsigned char *s = (const unsigned char *)kw;
  if (s[pos - 1] < 0x80) return !is_word(s[pos - 1]);
  return !is_word(cp_before(s, pos, pos));
}

/* Marks the states on the path of every phrase that may begin inside a
** word: substrings, and phrases that need no boundary before them. */
static void mark_free_starts(ct_phrases *p) {
  size_t i, j;
  for (i = 0; i < p->nadd; i++) {
    const entry *e = &p->add[i];
    uint32_t s = 0;
    if (!e->raw && left_check(e->kw, e->len)) continue;
    for (j = 0; j < e->len; j++) {
      s = edge(&p->trie, s, p->cls[(unsigned char)e->kw[j]]);
      p->free_start[s] = 1;
    }
  }
}

/* Numbers the states and finds, for each trie state u, the longest
** proper suffix of its text that is a state and may begin where it does
** within u's text (after a character that is no word character, or a
** prefix of a phrase that may begin anywhere), or else the root of the
** kind u's last character asks for. */
static void wsa_build(ct_phrases *p) {
  const uint32_t *order = p->order, *fail = p->fail;
  uint32_t k, n = p->nstates;
  wsa *w = &p->ws;
  w->n = 0;
  for (k = 0; k < n; k++) {
    uint32_t u = order[k];
    w->idb[u] = w->n++;
    w->idw[u] = u == 0 || p->free_start[u] ? w->n++ : NOCOPY;
  }
  w->back[0] = ROOT_B;
  w->dnode[0] = 0;
  for (k = 1; k < n; k++) {
    uint32_t u = order[k], y = fail[u], d = p->depth[u];
    const char *s = p->skw[u];
    for (; y != 0; y = fail[y]) {
      if (nonword_before(s, d - p->depth[y])) {
        w->back[u] = w->idb[y];
        break;
      }
      if (p->free_start[y]) {
        w->back[u] = w->idw[y];
        break;
      }
    }
    if (y == 0) w->back[u] = nonword_before(s, d) ? ROOT_B : ROOT_W;
    w->dnode[u] = y == 0 ? 0 : p->out[y] >= 0 ? y : w->dnode[y];
  }
}

/* The scan table's shape (see the top): 16-bit cells while state
** numbers fit in 15 bits, else 32-bit cells; pages of PAGE columns. */
static ct_status table_shape(ct_phrases *p, size_t *cells) {
  p->wide = p->force_wide || p->nstates > HASOUT16;
  p->npages = (p->nclass + PAGE - 1) / PAGE;
  if (p->nstates > (HASOUT - 1) / (PAGE * p->npages)) return CT_ELIMIT;
  *cells = (size_t)p->nstates * PAGE * p->npages;
  return CT_OK;
}

/* Where class c's column starts in the table: its page, then its place
** in a row of the page. */
static uint32_t class_column(const ct_phrases *p, uint32_t c) {
  return c / PAGE * p->nstates * PAGE + c % PAGE;
}

/* What only compiling needs. */
static void free_work(ct_phrases *p) {
  free(p->work);
  p->work = NULL;
  memset(&p->trie, 0, sizeof p->trie);
  memset(&p->ws, 0, sizeof p->ws);
  p->skw = NULL;
  p->out = NULL;
  p->depth = p->order = p->fail = NULL;
  p->free_start = NULL;
}

/* A cell of the scan table, and a cell set. */
static uint32_t cell_get(const ct_phrases *p, const void *table, size_t at) {
  return p->wide ? ((const uint32_t *)table)[at]
                 : ((const uint16_t *)table)[at];
}

static void cell_set(const ct_phrases *p, void *table, size_t at,
                     uint32_t v) {
  if (p->wide) ((uint32_t *)table)[at] = v;
  else ((uint16_t *)table)[at] = (uint16_t)v;
}

/* The outputs and dictionary links of the automaton's states, and the
** cell flag of each as a target. */
static void fill_links(const ct_phrases *p, uint32_t ntrie, outlink *links,
                       uint32_t *flag) {
  const wsa *w = &p->ws;
  uint32_t k, copy, fl = p->wide ? HASOUT : HASOUT16;
  for (k = 0; k < ntrie; k++) {
    uint32_t u = p->order[k];
    for (copy = 0; copy < 2; copy++) {
      uint32_t id = copy ? w->idw[u] : w->idb[u];
      if (id == NOCOPY) continue;
      links[id].out = p->out[u];
      links[id].dict = w->idb[w->dnode[u]];
      flag[id] = links[id].out >= 0 || links[id].dict != 0 ? fl : 0;
    }
  }
}

/* The rows of the scan table (full: every state has a move on every
** class), in state order.  A state's row is the row of the state it
** falls back to, numbered before it and so done, but for its own edges. */
static void fill_rows(const ct_phrases *p, uint32_t ntrie,
                      const uint32_t *flag, void *table) {
  const wsa *w = &p->ws;
  uint32_t k, c, g, v, copy, nc = p->nclass, col[256];
  size_t cell = p->wide ? sizeof(uint32_t) : sizeof(uint16_t);
  size_t page = (size_t)p->nstates * PAGE;      /* cells in a page */
  unsigned char *t = table;
  for (c = 0; c < nc; c++) col[c] = class_column(p, c);
  for (k = 0; k < ntrie; k++) {
    uint32_t u = p->order[k];
    for (copy = 0; copy < 2; copy++) {
      uint32_t id = copy ? w->idw[u] : w->idb[u];
      size_t row;
      if (id == NOCOPY) continue;
      row = (size_t)id << PAGE_SHIFT;
      if (u == 0) {
        for (c = 0; c < nc; c++)
          cell_set(p, table, row + col[c],
                   p->word_class[c] ? ROOT_W : ROOT_B);
      } else {
        size_t from = (size_t)w->back[u] << PAGE_SHIFT;
        for (g = 0; g < p->npages; g++)
          memcpy(t + (g * page + row) * cell, t + (g * page + from) * cell,
                 PAGE * cell);
      }
      for (v = p->trie.kid[u]; v != NOEDGE; v = p->trie.sib[v])
        if (!copy || p->free_start[v]) {
          uint32_t to = copy ? w->idw[v] : w->idb[v];
          cell_set(p, table, row + col[p->trie.cls[v]], to | flag[to]);
        }
    }
  }
}

/* A run of white space is fed as one space: a state entered on the
** space stays put on the next one.  (The state it would go to is the
** root, as no phrase holds two spaces in a row or begins with one, and a
** state entered on a space ends no phrase, so staying reports nothing.) */
static ct_status space_runs(ct_phrases *p, void *table, const uint32_t *flag,
                            uint32_t n) {
  uint32_t u, fl = p->wide ? HASOUT : HASOUT16;
  size_t col = class_column(p, p->spc);
  unsigned char *after;
  if (p->spc == 0) return CT_OK;
  if ((after = calloc(n, 1)) == NULL) return CT_ENOMEM;
  for (u = 0; u < n; u++)
    after[cell_get(p, table, ((size_t)u << PAGE_SHIFT) + col) & ~fl] = 1;
  for (u = 0; u < n; u++)
    if (after[u])
      cell_set(p, table, ((size_t)u << PAGE_SHIFT) + col, u | flag[u]);
  free(after);
  return CT_OK;
}

/* The word-start automaton made straight into the scan table (see the
** top), which takes the place of the trie. */
static ct_status pack(ct_phrases *p) {
  uint32_t c, n, ntrie = p->nstates, *flag = NULL;
  outlink *links = NULL;
  void *table = NULL;
  size_t cells = 0, size = 0;
  ct_status st;
  wsa_build(p);
  n = p->nstates = p->ws.n;         /* from here on, the table's states */
  if ((st = table_shape(p, &cells)) != CT_OK) goto done;
  size = cells * (p->wide ? sizeof(uint32_t) : sizeof(uint16_t));
  size = round_up(size, ROW_ALIGN);
  if (p->max_bytes && size > p->max_bytes) {
    p->bytes = size;
    st = CT_ERULE;
    goto done;
  }
  links = malloc(n * sizeof *links);
  flag = malloc(n * sizeof *flag);
  table = block_alloc(size);
  st = CT_ENOMEM;
  if (links == NULL || flag == NULL || table == NULL) goto done;
  memset(table, 0, size);
  fill_links(p, ntrie, links, flag);
  fill_rows(p, ntrie, flag, table);
  if ((st = space_runs(p, table, flag, n)) != CT_OK) goto done;
  free_work(p);
  p->links = links;
  if (p->wide) p->d32 = table;
  else p->d16 = table;
  links = NULL;
  table = NULL;
  for (c = 0; c < 256; c++) p->col[c] = class_column(p, p->cls[c]);
  p->spcol = class_column(p, p->spc);
  p->bytes = size + n * sizeof *p->links + p->nspelled +
             (p->nadd + 1) * (sizeof *p->kws + sizeof *p->ids);
done:
  free(links);
  free(flag);
  free(table);
  return st;
}

static void free_compiled(ct_phrases *p) {
  free_work(p);
  free(p->d16);
  free(p->d32);
  free(p->links);
  free(p->kws);
  free(p->ids);
  free(p->spelled);
  p->spelled = NULL;
  p->nspelled = 0;
  p->links = NULL;
  p->d16 = NULL;
  p->d32 = NULL;
  p->kws = NULL;
  p->ids = NULL;
  p->nkws = p->nstates = 0;
}

void ct_phrases_set_limit(ct_phrases *p, size_t max_bytes) {
  p->max_bytes = max_bytes;
}

void ct_phrases_force_wide(ct_phrases *p) { p->force_wide = 1; }

int ct_phrases_cell_bits(const ct_phrases *p) { return p->wide ? 32 : 16; }

size_t ct_phrases_memory(const ct_phrases *p) {
  return sizeof *p + (p->compiled ? p->bytes : 0);
}

ct_status ct_phrases_compile(ct_phrases *p, ct_error *err) {
  ct_status st;
  if (p->compiled)
    return ct_fail(err, CT_EUSAGE, "phrase matcher already compiled");
  build_classes(p);
  if ((st = alloc_work(p)) == CT_OK) {
    build_keywords(p);
    mark_free_starts(p);
    trie_order(p);
    st = pack(p);
  }
  if (st != CT_OK) {
    free_compiled(p);          /* the added phrases stay: compile may retry */
    if (st == CT_ELIMIT)
      return ct_fail(err, st, "too many phrases: the automaton would need "
                     "more than 2^31 cells");
    if (st == CT_ERULE)
      return ct_fail(err, CT_ELIMIT, "the phrases need %zu MiB of automaton, "
                     "more than the limit of %zu MiB", (p->bytes >> 20) + 1,
                     p->max_bytes >> 20);
    return ct_fail(err, st, "out of memory");
  }
  free_added(p);
  p->compiled = 1;
  return CT_OK;
}

/* ---------------------------------------------------------------------
** Scanning
** ------------------------------------------------------------------- */

ct_phrases_scratch *ct_phrases_scratch_new(void) {
  return calloc(1, sizeof(ct_phrases_scratch));
}

void ct_phrases_scratch_free(ct_phrases_scratch *s) {
  int k;
  if (s == NULL) return;
  free(s->hits.v);
  for (k = 0; k < LANES - 1; k++) free(s->later[k].v);
  free(s);
}

/* The state of one lane of a scan, so the helpers take one pointer.  A
** long text is scanned as two or four lanes at once, its halves or
** quarters, so that the table loads of one overlap those of the others
** (a scan is a chain of dependent loads; four chains take little longer
** than one).  A later lane starts early enough to be in the state the
** whole scan is in where its part begins (lane_start), keeps only the
** hits that end after that, in its own list, and its list is merged in
** at the end. */
typedef struct scan {
  const ct_phrases *p;
  ct_phrases_scratch *s;
  const unsigned char *t;
  size_t len;
  size_t from, to;                /* feeds the symbols that start in
                                     [from, to) */
  size_t after;                   /* hits must end after this */
  hitlist *later;                 /* a later lane's list, else NULL */
  size_t wfrom, wto;              /* [wfrom, wto) all word characters and
                                     wto ends the word: a cached extension */
  int nomem;
} scan;

static int cmp_hit(const ct_phrase_hit *x, const ct_phrase_hit *y) {
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Room for `extra` more hits; 0 when out of memory. */
static int hit_room(hitlist *l, size_t extra) {
  size_t cap = l->cap ? l->cap : 256;
  ct_phrase_hit *more;
  if (l->cap - l->n >= extra) return 1;
  while (cap - l->n < extra)
    if ((cap *= 2) > SIZE_MAX / 2 / sizeof *more) return 0;
  if ((more = realloc(l->v, cap * sizeof *more)) == NULL) return 0;
  l->v = more;
  l->cap = cap;
  return 1;
}

/* Hits arrive ordered by the end of their phrase text, so a new one goes
** back past only the hits inside its own span: insertion keeps the array
** sorted by (start, end, id) at a small constant cost per hit, and drops
** identical hits from different phrases ("emission*" and "emissions" of
** one rule).  A later lane's hits go into its own list the same way. */
static void push_hit(scan *sc, int id, size_t start, size_t end) {
  hitlist *l = sc->later ? sc->later : &sc->s->hits;
  ct_phrase_hit h, *a;
  size_t i;
  int c = 1;
  if (!hit_room(l, 1)) {
    sc->nomem = 1;
    return;
  }
  h.id = id;
  h.start = start;
  h.end = end;
  a = l->v;
  for (i = l->n; i > 0 && (c = cmp_hit(&a[i - 1], &h)) > 0; i--) {}
  if (i > 0 && c == 0) return;
  if (i < l->n) memmove(a + i + 1, a + i, (l->n - i) * sizeof *a);
  a[i] = h;
  l->n++;
}

/* End of the word that continues at pos (the '*' of a phrase). */
static size_t word_end(scan *sc, size_t pos) {
  size_t q = pos;
  if (pos >= sc->wfrom && pos <= sc->wto) return sc->wto;
  while (q < sc->len) {
    int32_t cp = sc->t[q];
    size_t k = 1;
    if (cp >= 0x80) k = ct_utf8_decode(sc->t + q, sc->len - q, &cp);
    if (!is_word(cp)) break;
    q += k;
  }
  sc->wfrom = pos;
  sc->wto = q;
  return q;
}

/* Is what follows a match ending at `end` allowed after it? */
static int right_fits(const scan *sc, unsigned char check, size_t end) {
  int32_t cp;
  if (check == RIGHT_FREE) return 1;
  cp = cp_at(sc->t, sc->len, end);
  if (!is_word(cp)) return 1;
  return ct_cp_ishangul(cp) && hangul_tail(sc->t, sc->len, end);
}

/* The length of the white-space symbol that ends at t[q) (an ASCII byte
** of the space's class, or a character that space_len takes), or 0. */
static inline size_t space_before(const scan *sc, size_t q) {
  const unsigned char *t = sc->t;
  unsigned c;
  if (q == 0) return 0;
  c = t[q - 1];
  if (c < 0x80) return sc->p->col[c] == sc->p->spcol;
  if (c >= 0xC0) return 0;
  if (q >= 2 && t[q - 2] == 0xC2 && space_len(t + q - 2, 2) == 2) return 2;
  if (q >= 3 && space_len(t + q - 3, 3) == 3) return 3;
  return 0;
}

/* Where the n symbols fed that end at `end` begin: a run of white space
** is one symbol, any other byte one (as FEED feeds them). */
static size_t symbols_back(const scan *sc, size_t end, size_t n) {
  size_t q = end, k;
  for (; n > 0; n--) {
    if ((k = space_before(sc, q)) == 0) {
      q--;                                  /* most symbols: one byte */
      continue;
    }
    do q -= k; while ((k = space_before(sc, q)) > 0);
  }
  return q;
}

/* Where spaced keyword kw, ending at `end`, begins: most often the text
** there is the keyword's own bytes (one space between words), so a
** compare finds it without the walk back symbol by symbol. */
static size_t spaced_start(const scan *sc, const keyword *kw, size_t end) {
  if (end >= kw->len &&
      memcmp(sc->t + end - kw->len, sc->p->spelled + kw->text, kw->len) == 0)
    return end - kw->len;
  return symbols_back(sc, end, kw->len);
}

/* Keyword k ended at input offset `end`.  Substrings need no boundary;
** the edges of the others are looked at once, and only when a phrase
** needs them. */
static void emit(scan *sc, uint32_t k, size_t end) {
  const keyword *kw = &sc->p->kws[k];
  const idref *r = &sc->p->ids[kw->first], *stop = r + kw->count;
  size_t start = kw->spaced ? spaced_start(sc, kw, end) : end - kw->len;
  int left_ok = -1, right_ok = -1;
  for (; r < stop; r++) {
    if (r->raw) {
      push_hit(sc, r->id, start, end);
      continue;
    }
    if (left_ok < 0)
      left_ok = !kw->lcheck || !is_word(cp_before(sc->t, sc->len, start));
    if (!left_ok) continue;
    if (r->star) {
      push_hit(sc, r->id, start, word_end(sc, end));
    } else {
      if (right_ok < 0) right_ok = right_fits(sc, kw->rcheck, end);
      if (right_ok) push_hit(sc, r->id, start, end);
    }
  }
}

static void report(scan *sc, uint32_t state, size_t end) {
  const ct_phrases *p = sc->p;
  const outlink *l = &p->links[state];
  if (end <= sc->after) return;           /* a later lane's run-up */
  if (l->out >= 0) emit(sc, (uint32_t)l->out, end);
  for (l = &p->links[l->dict]; l != p->links; l = &p->links[l->dict])
    emit(sc, (uint32_t)l->out, end);
}

/* The column of the character at *i that is not ASCII, moving *i past
** it: a white-space or hyphen character is the space's column. */
static uint32_t wide_symbol(const unsigned char *t, size_t len, size_t *i,
                            const uint32_t *col, uint32_t spc) {
  size_t k = space_lead(t[*i]) ? space_len(t + *i, len - *i) : 0;
  if (k > 0) {
    *i += k;
    return spc;
  }
  return col[t[(*i)++]];
}

/* Feeds one symbol to a lane (its state st, text offset i), reporting
** what the new state ends.  A run of white space is one symbol: the DFA
** stays put on its second space (see space_runs).  A byte that can start
** no white-space character (ASCII, whose space bytes have the space's
** column, and most bytes from 0x80: all of Hangul's) is its own symbol
** without a call.  A macro, so that the lanes keep their state in
** registers; i is copied for wide_symbol, so its address never escapes
** the loop. */
#define FEED(sc, i, st, FLAG)                                           \
  do {                                                                  \
    uint32_t c_;                                                        \
    size_t w_;                                                          \
    if (t[i] < 0x80 || (unsigned)(t[i] - 0xC2) > 0xE3 - 0xC2) {         \
      c_ = col[t[(i)++]];                                               \
    } else {                                                            \
      w_ = (i);                                                         \
      c_ = wide_symbol(t, len, &w_, col, spc);                          \
      (i) = w_;                                                         \
    }                                                                   \
    (st) = delta[((size_t)(st) << PAGE_SHIFT) + c_];                    \
    if ((st) & (FLAG)) {                                                \
      (st) &= ~(FLAG);                                                  \
      report((sc), (st), (i));                                          \
    }                                                                   \
  } while (0)

/* The fewest bytes any of the n lanes has left to feed. */
static size_t least_left(const scan *l, const size_t *i, int n) {
  size_t m = SIZE_MAX;
  int k;
  for (k = 0; k < n; k++)
    if (l[k].to - i[k] < m) m = l[k].to - i[k];
  return m;
}

/* The scan loop for one kind of cell (see the top of the file): n lanes
** (1, 2 or 4) side by side while each has text, then each to its end.
** Four lanes check their ends once per m symbols: a symbol is at most 3
** bytes, so m bytes left are m / 3 symbols at least. */
#define RUN_DFA(name, cell, table, FLAG)                                 \
  static void name(scan *l, int n) {                                    \
    const ct_phrases *p = l[0].p;                                       \
    const unsigned char *t = l[0].t;                                    \
    const uint32_t *col = p->col, spc = p->spcol;                       \
    const cell *delta = p->table;                                       \
    size_t len = l[0].len, i[LANES], m;                                 \
    cell st[LANES];                                                     \
    int k;                                                              \
    for (k = 0; k < n; k++) i[k] = l[k].from, st[k] = ROOT_B;           \
    if (n == 4) {                                                       \
      size_t i0 = i[0], i1 = i[1], i2 = i[2], i3 = i[3];                \
      cell s0 = ROOT_B, s1 = ROOT_B, s2 = ROOT_B, s3 = ROOT_B;          \
      while ((m = least_left(l, i, 4) / 3) > 0) {                       \
        while (m-- > 0) {                                               \
          FEED(&l[0], i0, s0, FLAG);                                    \
          FEED(&l[1], i1, s1, FLAG);                                    \
          FEED(&l[2], i2, s2, FLAG);                                    \
          FEED(&l[3], i3, s3, FLAG);                                    \
        }                                                               \
        i[0] = i0, i[1] = i1, i[2] = i2, i[3] = i3;                     \
      }                                                                 \
      st[0] = s0, st[1] = s1, st[2] = s2, st[3] = s3;                   \
    } else if (n == 2) {                                                \
      size_t i0 = i[0], i1 = i[1];                                      \
      cell s0 = ROOT_B, s1 = ROOT_B;                                    \
      while (i0 < l[0].to && i1 < l[1].to) {                            \
        FEED(&l[0], i0, s0, FLAG);                                      \
        FEED(&l[1], i1, s1, FLAG);                                      \
      }                                                                 \
      i[0] = i0, i[1] = i1, st[0] = s0, st[1] = s1;                     \
    }                                                                   \
    for (k = 0; k < n; k++) {                                           \
      size_t ik = i[k];                                                 \
      cell sk = st[k];                                                  \
      while (ik < l[k].to) FEED(&l[k], ik, sk, FLAG);                   \
    }                                                                   \
  }

RUN_DFA(run_dfa16, uint16_t, d16, HASOUT16)
RUN_DFA(run_dfa32, uint32_t, d32, HASOUT)

/* Where a later lane may start to be in step by `mid`: maxlen bytes
** before mid that are each a symbol of their own however the text before
** them was read (ASCII that is no space, lead bytes of characters that
** are no space), so that the lane has fed the last maxlen symbols of the
** whole scan, all its state depends on.  SIZE_MAX when there is no such
** point, or it is too far back for a later lane to pay. */
static size_t lane_start(const unsigned char *t, size_t mid, size_t maxlen) {
  size_t q = mid, n = 0;
  while (q > 0 && n < maxlen && mid - q <= mid / 4) {
    unsigned c = t[--q];
    n += (c < 0x80 || c >= 0xC0) && !space_lead(c);
  }
  return n >= maxlen ? q : SIZE_MAX;
}

/* Cuts the text into n lanes (1, 2 or 4) where a later lane can start in
** step; where it cannot, the lane before goes on.  Returns how many
** lanes there are: 1, 2 or 4 (of three, the last two become one). */
static int cut_lanes(scan *l, int n, const ct_phrases *p,
                     ct_phrases_scratch *s, const char *text, size_t len) {
  int k, got = 0;
  for (k = 0; k < n; k++) {
    size_t at = len / (size_t)n * (size_t)k, from = 0;
    if (k > 0 && (from = lane_start((const unsigned char *)text, at,
                                    p->maxlen)) == SIZE_MAX)
      continue;
    memset(&l[got], 0, sizeof l[got]);
    l[got].p = p, l[got].s = s;
    l[got].t = (const unsigned char *)text, l[got].len = len;
    l[got].wfrom = l[got].wto = SIZE_MAX;
    l[got].from = from, l[got].to = len, l[got].after = at;
    if (got > 0) {
      l[got - 1].to = at;
      l[got].later = &s->later[got - 1];
      l[got].later->n = 0;
    }
    got++;
  }
  if (got == 3) l[1].to = len, got = 2;
  return got;
}

/* Adds a later lane's hits (sorted) to the answer: those at the seam
** back past the hits they overlap, as if found by one lane (a hit both
** lanes found is kept once), and the rest, which sort after all of the
** answer, in one copy. */
static void merge_lane(scan *first, const hitlist *more) {
  hitlist *all = &first->s->hits;
  size_t j;
  for (j = 0; j < more->n && !first->nomem; j++) {
    const ct_phrase_hit *h = &more->v[j];
    if (all->n > 0 && cmp_hit(&all->v[all->n - 1], h) >= 0) {
      push_hit(first, h->id, h->start, h->end);
      continue;
    }
    if (!hit_room(all, more->n - j)) {
      first->nomem = 1;
      return;
    }
    memcpy(all->v + all->n, h, (more->n - j) * sizeof *h);
    all->n += more->n - j;
    return;
  }
}

/* Scans in one lane, or two or four for a long text. */
static int run_scan(const ct_phrases *p, ct_phrases_scratch *s,
                    const char *text, size_t len) {
  scan l[LANES];
  int n = len >= 4 * SPLIT_MIN ? 4 : len >= SPLIT_MIN ? 2 : 1, k, ok = 1;
  n = cut_lanes(l, n, p, s, text, len);
  if (p->wide) run_dfa32(l, n);
  else run_dfa16(l, n);
  for (k = 1; k < n; k++) merge_lane(&l[0], l[k].later);
  for (k = 0; k < n; k++) ok &= !l[k].nomem;
  return ok;
}

ct_status ct_phrases_scan_with(const ct_phrases *p, ct_phrases_scratch *s,
                               const char *text, size_t len,
                               const ct_phrase_hit **hits, size_t *n) {
  *hits = NULL;
  *n = 0;
  if (!p->compiled) return CT_EUSAGE;
  s->hits.n = 0;
  if (p->nkws == 0 || len == 0) return CT_OK;
  if (!run_scan(p, s, text, len)) {
    s->hits.n = 0;
    return CT_ENOMEM;
  }
  *hits = s->hits.v;
  *n = s->hits.n;
  return CT_OK;
}

ct_status ct_phrases_scan(const ct_phrases *p, const char *text, size_t len,
                          ct_phrase_hit **hits, size_t *n) {
  ct_phrases_scratch *s = ct_phrases_scratch_new();
  const ct_phrase_hit *h;
  ct_status st;
  *hits = NULL;
  *n = 0;
  if (s == NULL) return CT_ENOMEM;
  st = ct_phrases_scan_with(p, s, text, len, &h, n);
  if (st == CT_OK && *n > 0) {
    *hits = s->hits.v;              /* hand the array over */
    s->hits.v = NULL;
  }
  ct_phrases_scratch_free(s);
  return st;
}
