/*
** regex.h -- PCRE2 with the safety knobs set, for `regex` rules and ct.re.
**
** A pattern compiles with UTF, Unicode properties (\w, \b and \d see all
** scripts), caseless matching (a pattern may say (?-i)), \C forbidden,
** and invalid UTF-8 in subjects allowed: invalid bytes simply never
** match, so any byte string is a safe subject.  Patterns are capped at
** 16 KiB and 100 nested parentheses.  A compiled ct_regex is immutable
** (JIT compilation happens inside ct_regex_compile) and may be shared by
** any number of threads.
**
** Matching needs a ct_rematch: the match limits, the JIT stack and the
** match data of one thread.  A match that hits a limit fails with
** CT_ELIMIT, "regex match limit exceeded (match limit 1000000)".  The
** match limit bounds a whole search: PCRE2 counts it afresh at each start
** position, so it is shared out among the positions (at least 1,000
** steps each, but at most 2^32 / span^2, span the subject's bytes from
** the search's start: one step can scan them all, see regex.c).  With a
** clock (ct_regex_limits.clocked and a stop function), a windowed
** search gives each position at least span steps, at most 2^27 / span.
** A search that PCRE2 tries at one position (a pattern anchored at its
** start, ^ or \A; one that begins with .* or (?m)^ on a subject with no
** line end) gives it the whole limit, at most 2^27 / span with a clock
** and 2^32 / span without.
** Callers should still cap subject sizes (clauses are naturally short).
**
** A search that may take long runs in windows of start positions, each
** some 40 ms of work at most, and between them asks the ct_rematch's stop
** function (ct_rematch_on_stop) whether to go on: that is how a host's
** clock bounds a search.  The answer is the one an unbroken search gives.
** Patterns with \G or a backtracking verb ("(*"), and those that begin
** with .* (tried only at line starts), are searched unbroken.
*/
#ifndef CT_REGEX_H
#define CT_REGEX_H

#include <stddef.h>
#include <stdint.h>
#include "clausetag.h"

#define CT_REGEX_MAX_PATTERN 16384   /* bytes */
#define CT_REGEX_NEST_LIMIT 100      /* nested parentheses */

typedef struct ct_regex ct_regex;
typedef struct ct_rematch ct_rematch;

typedef struct ct_regex_limits {
  uint32_t match_limit;     /* backtracking steps per search */
  uint32_t depth_limit;     /* nested backtracking (interpreter only) */
  uint32_t heap_limit_kib;  /* backtracking frames (interpreter only) */
  size_t jit_stack_max;     /* bytes of JIT stack */
  int no_jit;               /* always run the interpreter (tests, debug) */
  int clocked;              /* the stop function reads a clock that will
                            ** stop a long search: a windowed search may
                            ** then take more steps a position (regex.c) */
} ct_regex_limits;

/* Asked between the windows of a long search: nonzero stops it, and the
** search fails (-1) with the error the function put in err.  It may also
** not return at all (a Lua error): between windows the search holds
** nothing, and m stays usable. */
typedef int (*ct_regex_stop_fn)(void *ud, ct_error *err);

/* 1,000,000 steps, depth 10,000, 16 MiB of heap, 1 MiB of JIT stack,
** JIT on, no clock. */
void ct_regex_default_limits(ct_regex_limits *lim);

/* Compiles a NUL-terminated pattern.  CT_ESYNTAX with
** "regex error at offset N: <PCRE2 message>", or CT_ENOMEM. */
ct_status ct_regex_compile(const char *pattern, ct_regex **out,
                           ct_error *err);
void ct_regex_free(ct_regex *re);

const char *ct_regex_pattern(const ct_regex *re);   /* as compiled */
int ct_regex_groups(const ct_regex *re);            /* capture groups */
size_t ct_regex_size(const ct_regex *re);           /* bytes, JIT code too */

/* The fewest bytes a match can have, as PCRE2 works it out (a lower
** bound): 0 for a pattern that can match the empty string. */
size_t ct_regex_min_length(const ct_regex *re);

/* Per-thread matching state; lim NULL means the defaults.  NULL when out
** of memory. */
ct_rematch *ct_rematch_new(const ct_regex_limits *lim);
void ct_rematch_free(ct_rematch *m);

/* Sets (fn NULL: clears) the stop function of m's searches. */
void ct_rematch_on_stop(ct_rematch *m, ct_regex_stop_fn fn, void *ud);

/* Searches subj[0..len) from byte offset `from` (the text before it still
** counts for lookbehind and \b; an offset inside a character starts the
** search at the next character).  Returns 1 with the match in
** [*mstart, *mend), 0 when there is none (also when from > len), or -1
** with err filled: CT_ELIMIT for a broken limit, CT_ENOMEM, CT_ERULE for
** anything else PCRE2 reports.  After a match, ct_regex_group reads the
** capture groups.
**
** Iterating by hand: after a match continue from *mend; after an EMPTY
** match at p, continue from ct_regex_advance(subj, len, p), or the loop
** never ends.  (That skips a non-empty match starting at p itself;
** ct_regex_next does not.)  Before the first match, from == len is a
** valid start (an empty match at the end). */
int ct_regex_find(const ct_regex *re, ct_rematch *m, const char *subj,
                  size_t len, size_t from, size_t *mstart, size_t *mend,
                  ct_error *err);

/* Group i (0 = the whole match, up to ct_regex_groups) of the last match
** of m: 1 and its range, or 0 when the group did not take part. */
int ct_regex_group(const ct_rematch *m, int i, size_t *start, size_t *end);

/* The offset after the character at pos (one byte for invalid UTF-8);
** len + 1 when pos >= len, so that the hand loop
**   while (ct_regex_find(re, m, s, len, from, &a, &b, err) == 1)
**     from = b > a ? b : ct_regex_advance(s, len, b);
** ends after an empty match at the very end. */
size_t ct_regex_advance(const char *subj, size_t len, size_t pos);

/* All matches, in order, each empty match at most once per position and
** non-empty matches allowed to start where an empty one was found (the
** rule of Perl, Python and pcre2demo: "x*" over "axb" gives "", "x", "",
** ""; Lua 5.4's own gmatch gives "", "x", ""). */
typedef struct ct_regex_iter {
  size_t pos;        /* where the next search starts */
  int after_empty;   /* the last match was empty and ended at pos */
  int done;
} ct_regex_iter;

void ct_regex_iter_init(ct_regex_iter *it, size_t from);

/* Like ct_regex_find, advancing `it`. */
int ct_regex_next(const ct_regex *re, ct_rematch *m, const char *subj,
                  size_t len, ct_regex_iter *it, size_t *mstart,
                  size_t *mend, ct_error *err);

#endif
