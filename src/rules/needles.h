/*
** needles.h -- strings every match of a regex must contain, so that a
** `regex` rule can be skipped on a clause that holds none of them.
**
** A rule's regex runs per clause; its needles go into the rule set's
** phrase automaton as substrings (no word boundaries), which reads the
** normalized document once anyway.  A clause whose normalized text holds
** none of a rule's needles cannot match the rule's regex, so the regex is
** not run there.
**
** ct_regex_needles reads a pattern compiled as ct_regex_compile compiles
** it (UTF, Unicode properties, caseless, not extended) and finds a set of
** needles such that every match holds at least one of them, folded as
** the normalized view folds text.  It understands a plain subset of
** PCRE2's syntax (literals, escaped punctuation, classes, the common
** escapes, groups, lookarounds, alternation, quantifiers) and gives up
** (no needles: the regex always runs) on anything else: inline options,
** \Q..\E, backreferences, verbs, conditionals.  Needles are sound by
** construction:
**
**   - only ASCII characters and Hangul syllables go into a needle: their
**     caseless matches (K and the Kelvin sign, s and long s) fold to the
**     same bytes in the normalized view, where every other character may
**     fold differently from what the pattern names;
**   - a needle's last letter is dropped unless the pattern says what
**     follows it: a combining mark after it in the text would compose
**     with it in the view (n + U+0303 is ñ), while the regex still
**     matches the letter.
**
** Of the needle sets a pattern allows, the one with the fewest needles,
** then the longest shortest needle, is taken; alternatives unite theirs.
*/
#ifndef CT_NEEDLES_H
#define CT_NEEDLES_H

#include <stddef.h>
#include "clausetag.h"

#define CT_NEEDLES_MAX 32        /* needles per pattern; more: none */
#define CT_NEEDLE_MAX 256        /* bytes per needle (a longer run is cut) */

typedef struct ct_needles {
  char *v[CT_NEEDLES_MAX];       /* NUL-terminated, lowercase, owned */
  size_t n;                      /* 0: no needle found, always run */
} ct_needles;

/* Fills *out (n == 0 when the pattern gives none).  CT_ENOMEM, else
** CT_OK. */
ct_status ct_regex_needles(const char *pattern, ct_needles *out);
void ct_needles_free(ct_needles *nd);

#endif
