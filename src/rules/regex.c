/*
** regex.c -- compiling and running PCRE2 patterns under limits.
**
** The limits live in the match context, which belongs to the thread's
** ct_rematch, so one compiled pattern can be matched under different
** limits by different threads.  The match data is sized for the pattern
** with the most groups seen so far and reused, so a match allocates
** nothing once warmed up.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "rules/regex.h"
#include "text/utf8.h"

struct ct_regex {
  pcre2_code *code;
  pcre2_code *ascii;              /* the same without PCRE2_UCP, for
                                  ** subjects it matches alike (ucp_free);
                                  ** NULL: code runs on every one */
  int groups;
  int shifts;                     /* may be searched in windows of start
                                  ** positions (see shifts) */
  int anchored;                   /* tried at the search's start only
                                  ** (^ or \A, as PCRE2 works it out) */
  int startline;                  /* tried there and after each LF only
                                  ** (a leading .*, or (?m)^) */
  char *pattern;
};

struct ct_rematch {
  pcre2_match_context *mctx;
  pcre2_jit_stack *jit;           /* NULL when PCRE2 has no JIT */
  pcre2_match_data *md;
  uint32_t pairs;                 /* md holds this many (start, end) */
  int matched;                    /* md holds the last match */
  ct_regex_limits lim;
  ct_regex_stop_fn stop;          /* asked between windows; may be NULL */
  void *stop_ud;
};

void ct_regex_default_limits(ct_regex_limits *lim) {
  lim->match_limit = 1000000;
  lim->depth_limit = 10000;
  lim->heap_limit_kib = 16 * 1024;
  lim->jit_stack_max = 1024 * 1024;
  lim->no_jit = 0;
  lim->clocked = 0;
}

/* ---------------------------------------------------------------------
** Compiling
** ------------------------------------------------------------------- */

static pcre2_code *compile_code(const char *pattern, uint32_t more,
                                int *code, PCRE2_SIZE *off) {
  pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
  pcre2_code *re;
  uint32_t opts = PCRE2_UTF | PCRE2_CASELESS | PCRE2_NEVER_BACKSLASH_C |
                  PCRE2_USE_OFFSET_LIMIT | more;
  if (cc == NULL) {
    *code = PCRE2_ERROR_NOMEMORY;
    *off = 0;
    return NULL;
  }
  pcre2_set_max_pattern_length(cc, CT_REGEX_MAX_PATTERN);
  pcre2_set_parens_nest_limit(cc, CT_REGEX_NEST_LIMIT);
  re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, code,
                     off, cc);
  pcre2_compile_context_free(cc);
  return re;
}

/* On a subject of ASCII characters and a few punctuation marks
** (ucp_free), PCRE2_UCP changes nothing of what \b, \w, \d, \s and
** their negations match (their Unicode sets hold the same ASCII
** characters as the ASCII ones, and none of the marks), and caseless
** matching is Unicode's in both (PCRE2_UTF), but it makes every \b and
** \w a property lookup: the shipped rules' regexes run about a third
** faster without it.  POSIX classes ([:upper:] under caseless matching)
** and leading (* verbs are not worth reasoning about: such a pattern
** gets no twin.  The twin is best effort: when it cannot be made, the
** pattern runs as compiled.  It is compiled without
** PCRE2_MATCH_INVALID_UTF, as the subjects it gets are valid UTF-8:
** PCRE2 10.42's JIT with that option and without PCRE2_UCP stops a
** repeated \W, \D or \S at a character of several bytes (\W+ on
** " -\u2014-" matches " -"; test_regex.c, ucp_twin). */
static void compile_ascii(ct_regex *re) {
  int code;
  PCRE2_SIZE off;
  if (strstr(re->pattern, "[:") != NULL || strncmp(re->pattern, "(*", 2) == 0)
    return;
  if ((re->ascii = compile_code(re->pattern, 0, &code, &off)) != NULL)
    (void)pcre2_jit_compile(re->ascii, PCRE2_JIT_COMPLETE);
}

/* May the pattern be searched in windows of start positions (see
** search_from)?  Not when a window's start would change what it
** matches: \G is true at the search's start, (*COMMIT) ends the whole
** search and (*SKIP) moves its start, and a pattern that begins with .*
** is tried only at the start and after newlines (PCRE2 anchors it so:
** first code type 2), which a window's start would add to. */
static int shifts(const pcre2_code *code, const char *pattern) {
  uint32_t first = 0;
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first);
  return first != 2 && strstr(pattern, "\\G") == NULL &&
         strstr(pattern, "(*") == NULL;
}

/* Does PCRE2 try the pattern at the search's start only?  ^ (but not
** (?m)^), \A, \G, and a leading .* under (?s) make it so. */
static int anchored(const pcre2_code *code) {
  uint32_t all = 0;
  pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all);
  return (all & PCRE2_ANCHORED) != 0;
}

/* Does PCRE2 try the pattern only at the search's start and after each
** line end (first code type 2), with LF as the line end? */
static int startline(const pcre2_code *code) {
  uint32_t first = 0, nl = 0;
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first);
  pcre2_pattern_info(code, PCRE2_INFO_NEWLINE, &nl);
  return first == 2 && nl == PCRE2_NEWLINE_LF;
}

ct_status ct_regex_compile(const char *pattern, ct_regex **out,
                           ct_error *err) {
  ct_regex *re;
  int code;
  PCRE2_SIZE off;
  uint32_t groups = 0;
  *out = NULL;
  if ((re = calloc(1, sizeof *re)) == NULL ||
      (re->pattern = strdup(pattern)) == NULL) {
    free(re);
    return ct_fail(err, CT_ENOMEM, "out of memory");
  }
  if ((re->code = compile_code(pattern, PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
                               &code, &off)) == NULL) {
    PCRE2_UCHAR msg[256];
    ct_regex_free(re);
    if (code == PCRE2_ERROR_NOMEMORY)
      return ct_fail(err, CT_ENOMEM, "out of memory");
    if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
      strcpy((char *)msg, "unknown error");
    return ct_fail(err, CT_ESYNTAX, "regex error at offset %zu: %s",
                   (size_t)off, (const char *)msg);
  }
  /* Without JIT (not built in, or out of executable memory) the
  ** interpreter runs the same pattern under the same limits. */
  (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
  compile_ascii(re);
  re->shifts = shifts(re->code, pattern);
  re->anchored = anchored(re->code);
  re->startline = startline(re->code);
  pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &groups);
  re->groups = (int)groups;
  *out = re;
  return CT_OK;
}

void ct_regex_free(ct_regex *re) {
  if (re == NULL) return;
  pcre2_code_free(re->code);
  pcre2_code_free(re->ascii);
  free(re->pattern);
  free(re);
}

const char *ct_regex_pattern(const ct_regex *re) { return re->pattern; }
int ct_regex_groups(const ct_regex *re) { return re->groups; }

/* The bytes of one compilation and its JIT code (0 for NULL). */
static size_t code_size(const pcre2_code *c) {
  size_t code = 0, jit = 0;
  if (c == NULL) return 0;
  pcre2_pattern_info(c, PCRE2_INFO_SIZE, &code);
  pcre2_pattern_info(c, PCRE2_INFO_JITSIZE, &jit);
  return code + jit;
}

size_t ct_regex_size(const ct_regex *re) {
  return sizeof *re + strlen(re->pattern) + 1 + code_size(re->code) +
         code_size(re->ascii);
}

size_t ct_regex_min_length(const ct_regex *re) {
  uint32_t n = 0;
  pcre2_pattern_info(re->code, PCRE2_INFO_MINLENGTH, &n);
  return n;
}

/* ---------------------------------------------------------------------
** Match state
** ------------------------------------------------------------------- */

ct_rematch *ct_rematch_new(const ct_regex_limits *lim) {
  ct_rematch *m = calloc(1, sizeof *m);
  size_t jit_start = 32 * 1024;
  if (m == NULL) return NULL;
  if (lim) m->lim = *lim;
  else ct_regex_default_limits(&m->lim);
  if ((m->mctx = pcre2_match_context_create(NULL)) == NULL) {
    ct_rematch_free(m);
    return NULL;
  }
  pcre2_set_match_limit(m->mctx, m->lim.match_limit);
  pcre2_set_depth_limit(m->mctx, m->lim.depth_limit);
  pcre2_set_heap_limit(m->mctx, m->lim.heap_limit_kib);
  if (jit_start > m->lim.jit_stack_max) jit_start = m->lim.jit_stack_max;
  /* NULL here means no JIT support (or no memory): the interpreter, which
  ** needs no JIT stack, runs every pattern then. */
  m->jit = pcre2_jit_stack_create(jit_start, m->lim.jit_stack_max, NULL);
  if (m->jit) pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
  return m;
}

void ct_rematch_on_stop(ct_rematch *m, ct_regex_stop_fn fn, void *ud) {
  m->stop = fn;
  m->stop_ud = ud;
}

void ct_rematch_free(ct_rematch *m) {
  if (m == NULL) return;
  pcre2_match_data_free(m->md);
  pcre2_jit_stack_free(m->jit);
  pcre2_match_context_free(m->mctx);
  free(m);
}

static int reserve_pairs(ct_rematch *m, const ct_regex *re) {
  uint32_t need = (uint32_t)re->groups + 1;
  if (m->md != NULL && m->pairs >= need) return 1;
  pcre2_match_data_free(m->md);
  m->pairs = 0;
  if ((m->md = pcre2_match_data_create(need, NULL)) == NULL) return 0;
  m->pairs = need;
  return 1;
}

/* ---------------------------------------------------------------------
** Matching
** ------------------------------------------------------------------- */

/* Where the limit was shared out, the message says what one position
** got, and on how long a subject: "64 steps a start position on 9000
** bytes" tells a rule writer that the clause's length, not the limit,
** is the problem (rules.md, "Fast patterns"). */
static void match_error(const ct_rematch *m, int rc, uint64_t per,
                        uint64_t span, ct_error *err) {
  PCRE2_UCHAR msg[256];
  switch (rc) {
  case PCRE2_ERROR_MATCHLIMIT:
    if (per < m->lim.match_limit)
      ct_fail(err, CT_ELIMIT, "regex match limit exceeded (match limit %lu, "
              "%lu step%s a start position on %lu bytes)",
              (unsigned long)m->lim.match_limit, (unsigned long)per,
              per == 1 ? "" : "s", (unsigned long)(span - 1));
    else
      ct_fail(err, CT_ELIMIT, "regex match limit exceeded (match limit %lu)",
              (unsigned long)m->lim.match_limit);
    break;
  case PCRE2_ERROR_DEPTHLIMIT:
    ct_fail(err, CT_ELIMIT, "regex match limit exceeded (depth limit %lu)",
            (unsigned long)m->lim.depth_limit);
    break;
  case PCRE2_ERROR_HEAPLIMIT:
    ct_fail(err, CT_ELIMIT, "regex match limit exceeded (heap limit %lu "
            "KiB)", (unsigned long)m->lim.heap_limit_kib);
    break;
  case PCRE2_ERROR_JIT_STACKLIMIT:
    ct_fail(err, CT_ELIMIT, "regex match limit exceeded (JIT stack %zu "
            "bytes)", m->lim.jit_stack_max);
    break;
  case PCRE2_ERROR_NOMEMORY:
    ct_fail(err, CT_ENOMEM, "out of memory");
    break;
  default:
    if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
      strcpy((char *)msg, "unknown error");
    ct_fail(err, CT_ERULE, "regex match failed: %s", (const char *)msg);
  }
}

/*
** PCRE2 counts its match limit afresh at every start position, so one
** search over n bytes may cost n times the limit.  The limit is shared
** out instead: each position gets limit / (positions), at least
** MIN_PER_START.
**
** Steps are not all alike, though: one step may run a possessive or
** atomic repeat, or a lookahead, over the rest of the subject (a
** pattern of fifteen "(?=[^z]*+z1)" lookaheads made one search on 64 KiB
** scan bytes for a minute).  So a position's steps times the bytes one
** step may scan, per x span, is capped too, by what bounds the search:
**
** - A search that no clock can stop (no stop function, or one that
**   reads none, or one searched unbroken: see search_from) holds its
**   whole work, starts x per x span, under WORK_BOUND (2^32, a second or
**   two of scanning): per is at most WORK_BOUND / span^2.  Subjects up
**   to 2 KiB keep MIN_PER_START; longer ones get fewer (64 at 8 KiB, 1
**   from 64 KiB), and a pattern that needs more fails with the match
**   limit.  That failed ordinary patterns on long clauses: a lazy gap
**   ("alliance.{0,100}?cornerstone") takes a step per character tried.
** - A search in windows under a host's clock needs only each window
**   bounded, as the clock is asked between windows.  A position gets at
**   least span steps, enough for a pattern whose work at a position is
**   linear in the text after it (a lazy gap: "alliance.*?cornerstone"
**   tries every character to the end), but at most WINDOW_WORK / span,
**   a window of one position (16,382 at 8 KiB, a rule's subject, twice
**   what a gap over all of it needs; 2,047 at 64 KiB).  A pattern that
**   needs more than that fails with the match
**   limit; one that is slow at every position stops at the clock.
**   Subjects under 1,000 bytes get what they get without a clock (at
**   the default match limit).
**
** The positions are the span's but where PCRE2 tries fewer: one for a
** pattern anchored at the search's start (^, \A), and for one that
** begins with .* or (?m)^ the start and each position after a LF (on
** valid UTF-8: see start_positions).  A search of one position is a
** window of one: it gets the whole limit, capped as the work of a
** window under a clock (WINDOW_WORK / span) and of a search without one
** (WORK_BOUND / span), so its gaps run on an 8 KiB subject with or
** without a clock.
**
** A position that needs more than per fails the search at once with the
** match limit, so a pattern that explodes at one position costs per
** steps, not the clock's time.
*/
#define MIN_PER_START 1000
#define WORK_BOUND ((uint64_t)1 << 32)
#define WINDOW_WORK ((uint64_t)1 << 27)      /* some 40 ms of scanning */

/* The steps each start position gets in a search of `positions` start
** positions and `span` bytes; `clocked`: searched in windows (or at one
** position), a clock asked between them. */
static uint64_t steps_per_start(const ct_rematch *m, uint64_t positions,
                                uint64_t span, int clocked) {
  uint64_t per = m->lim.match_limit / positions;
  uint64_t floor = m->lim.match_limit < MIN_PER_START ? m->lim.match_limit
                                                       : MIN_PER_START;
  uint64_t cap = WINDOW_WORK / span;
  if (!clocked)
    cap = positions > WORK_BOUND / span ? 0 : WORK_BOUND / positions / span;
  if (clocked && floor < span && span <= m->lim.match_limit) floor = span;
  if (per < floor) per = floor;
  if (per > cap) per = cap > 0 ? cap : 1;
  return per;
}

/* Does s[0..n) hold only characters that PCRE2_UCP leaves alone: ASCII,
** and the dashes and quotation marks of U+2010..U+2027 (E2 80 90..A7),
** which are no word character, space or digit with or without it (most
** clauses of real documents have a curly quote or a dash)?  Eight bytes
** a step until a byte from 0x80. */
static int ucp_free(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  uint64_t x;
  while (i < n) {
    if (i + 8 <= n) {
      memcpy(&x, u + i, 8);
      if ((x & UINT64_C(0x8080808080808080)) == 0) {
        i += 8;
        continue;
      }
    }
    if (u[i] < 0x80) {
      i++;
    } else if (n - i >= 3 && u[i] == 0xE2 && u[i + 1] == 0x80 &&
               u[i + 2] >= 0x90 && u[i + 2] <= 0xA7) {
      i += 3;
    } else {
      return 0;
    }
  }
  return 1;
}

/*
** Bounded in work is not bounded in time as the host sees it: WORK_BOUND
** is a second or two, and a rule may have 100 ms.  So a long search is
** cut into windows of start positions, and m->stop is asked between
** them.  PCRE2's offset limit ends a window: searching from a with the
** offset limit b finds the leftmost match that starts in [a, b], as the
** whole search would, or none, and the next window starts at b + 1.  A
** window's work (positions x steps x span) is at most WINDOW_WORK, some
** 40 ms.  Most searches use a sliver of their bound, so the first pass
** tries every position with fewer steps, as many as keep the whole
** search within WINDOW_WORK; only when a position needs more does the
** search start again in windows with the full number.  The answer is
** the same: a position that ends within fewer steps ends the same way
** within more.
**
** A pattern for which a window's start would change what it matches
** (\G, backtracking verbs, a leading .*: see shifts) is searched in one
** piece, bounded by WORK_BOUND and not by the host's clock, unless it is
** tried at one position.
*/
#define FAILED INT_MIN               /* no pcre2_match code */

typedef struct search {
  const pcre2_code *code;
  const char *subj;
  size_t len;
  uint32_t opts;
} search;

static int match_at(ct_rematch *m, const search *q, size_t from,
                    uint64_t steps, PCRE2_SIZE last_start) {
  pcre2_set_match_limit(m->mctx, (uint32_t)steps);
  pcre2_set_offset_limit(m->mctx, last_start);
  return pcre2_match(q->code, (PCRE2_SPTR)q->subj, q->len, from, q->opts,
                     m->md, m->mctx);
}

static int stopped(ct_rematch *m, ct_error *err) {
  return m->stop != NULL && m->stop(m->stop_ud, err);
}

/* A window may start only where a character does: the ASCII twin is run
** with PCRE2_NO_UTF_CHECK. */
static size_t char_start(const search *q, size_t p) {
  while (p < q->len && ((unsigned char)q->subj[p] & 0xC0) == 0x80) p++;
  return p;
}

static int in_windows(ct_rematch *m, const search *q, size_t from,
                      uint64_t span, uint64_t per, ct_error *err) {
  uint64_t w = WINDOW_WORK / per / span;          /* positions a window */
  size_t a = from;
  int rc;
  if (w == 0) w = 1;
  for (;;) {
    int last = w > (uint64_t)(q->len - a);
    rc = match_at(m, q, a, per, last ? PCRE2_UNSET : a + (size_t)w - 1);
    if (rc != PCRE2_ERROR_NOMATCH || last) return rc;
    a = char_start(q, a + (size_t)w);
    if (stopped(m, err)) return FAILED;
  }
}

/* The start positions a search of re from `from` may try: one when it
** is anchored; for a startline pattern, the start and the positions
** after each LF, where the subject is valid UTF-8; else every position.
** (PCRE2 10.42 does not start a startline pattern again after an
** invalid byte; counting every position there is a precaution that
** costs such subjects only what they had before.) */
static uint64_t start_positions(const ct_regex *re, const search *q,
                                size_t from, int anchored) {
  const char *p = q->subj + from, *end = q->subj + q->len;
  uint64_t n = 1;
  if (anchored) return 1;
  if (!re->startline ||
      (q->code != re->ascii &&   /* the twin runs on valid UTF-8 only */
       ct_utf8_check((const unsigned char *)p, (size_t)(end - p)) <
           (size_t)(end - p)))
    return (uint64_t)(end - p) + 1;
  while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    n++;
    p++;
  }
  return n;
}

/* The search from `from` of `positions` start positions: pcre2_match's
** code when it matched or found no match, else FAILED (err filled: the
** clock, or a limit).  A search tried at one position is a window of
** one under a clock. */
static int search_from(ct_rematch *m, const search *q, int shifts,
                       uint64_t positions, size_t from, ct_error *err) {
  uint64_t span = (uint64_t)(q->len - from) + 1;   /* bytes a step sees */
  int clocked = (shifts || positions == 1) && m->stop != NULL &&
                m->lim.clocked;
  uint64_t per = steps_per_start(m, positions, span, clocked);
  uint64_t quick = WINDOW_WORK / span / span;
  int rc;
  if (!shifts || quick >= per)
    rc = match_at(m, q, from, per, PCRE2_UNSET);
  else {
    rc = match_at(m, q, from, quick > 0 ? quick : 1, PCRE2_UNSET);
    if (rc == PCRE2_ERROR_MATCHLIMIT)
      rc = stopped(m, err) ? FAILED : in_windows(m, q, from, span, per, err);
  }
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && rc != FAILED) {
    match_error(m, rc, per, span, err);
    rc = FAILED;
  }
  return rc;
}

/* One search: 1, 0 or -1 as ct_regex_find. */
static int run(const ct_regex *re, ct_rematch *m, const char *subj,
               size_t len, size_t from, uint32_t opts, size_t *ms,
               size_t *me, ct_error *err) {
  search q;
  PCRE2_SIZE *ov;
  int rc, anchored;
  m->matched = 0;
  if (from > len) return 0;
  if (m->lim.no_jit) opts |= PCRE2_NO_JIT;
  if (!reserve_pairs(m, re)) {
    ct_fail(err, CT_ENOMEM, "out of memory");
    return -1;
  }
  q.subj = subj;
  q.len = len;
  /* From inside a character, the search starts at the next one, as
  ** PCRE2's interpreter starts it; its JIT (10.42) found an empty match
  ** inside the character. */
  from = char_start(&q, from);
  if (re->ascii != NULL && ucp_free(subj, len)) {   /* valid UTF-8 */
    q.code = re->ascii;
    q.opts = opts | PCRE2_NO_UTF_CHECK;
  } else {
    q.code = re->code;
    q.opts = opts;
  }
  anchored = re->anchored || (opts & PCRE2_ANCHORED) != 0;
  rc = search_from(m, &q, re->shifts && !anchored,
                   start_positions(re, &q, from, anchored), from, err);
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc < 0) return -1;
  ov = pcre2_get_ovector_pointer(m->md);
  *ms = ov[0];
  *me = ov[1] < ov[0] ? ov[0] : ov[1];   /* \K cannot reverse it, still */
  m->matched = 1;
  return 1;
}

int ct_regex_find(const ct_regex *re, ct_rematch *m, const char *subj,
                  size_t len, size_t from, size_t *mstart, size_t *mend,
                  ct_error *err) {
  return run(re, m, subj, len, from, 0, mstart, mend, err);
}

int ct_regex_group(const ct_rematch *m, int i, size_t *start, size_t *end) {
  PCRE2_SIZE *ov;
  if (!m->matched || i < 0 || (uint32_t)i >= pcre2_get_ovector_count(m->md))
    return 0;
  ov = pcre2_get_ovector_pointer(m->md);
  if (ov[2 * i] == PCRE2_UNSET) return 0;
  *start = ov[2 * i];
  *end = ov[2 * i + 1] < ov[2 * i] ? ov[2 * i] : ov[2 * i + 1];
  return 1;
}

size_t ct_regex_advance(const char *subj, size_t len, size_t pos) {
  int32_t cp;
  if (pos >= len) return len + 1;
  return pos + ct_utf8_decode((const unsigned char *)subj + pos, len - pos,
                              &cp);
}

void ct_regex_iter_init(ct_regex_iter *it, size_t from) {
  it->pos = from;
  it->after_empty = 0;
  it->done = 0;
}

int ct_regex_next(const ct_regex *re, ct_rematch *m, const char *subj,
                  size_t len, ct_regex_iter *it, size_t *mstart,
                  size_t *mend, ct_error *err) {
  int rc = 0;
  if (it->done) return 0;
  if (it->after_empty) {
    /* a non-empty match may still start where the empty one was */
    rc = run(re, m, subj, len, it->pos,
             PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED, mstart, mend, err);
    if (rc == 0) {
      if (it->pos >= len) {
        it->done = 1;
        return 0;
      }
      it->pos = ct_regex_advance(subj, len, it->pos);
    }
  }
  if (rc == 0) rc = run(re, m, subj, len, it->pos, 0, mstart, mend, err);
  if (rc != 1) {
    it->done = 1;
    return rc;
  }
  it->pos = *mend;
  it->after_empty = *mstart == *mend;
  return 1;
}
