/*
** phrases.h -- every `words` and `unless` phrase of a rule set in one
** automaton, compiled once and run once over each normalized document.
**
** What a phrase matches (the text is the NFKC + case-folded view, and
** phrases are added already folded, so matching compares bytes):
**
**   - Whole words.  The character just before a match and the one just
**     after it must not be word characters (letters, digits, combining
**     marks, '_').  Invalid bytes and U+FFFD are not word characters.
**   - Except next to kana and CJK ideographs, scripts that do not put
**     spaces between words: a phrase edge that is such a character needs
**     no boundary on that side.
**   - Korean (Hangul) attaches particles and endings to the noun and puts
**     the head of a compound last.  After a Hangul phrase the next word
**     character must be a Hangul particle or ending ("국방을", "안보의",
**     "투자하기로"; the list is in phrases.c), so "안보" is not in
**     "안보리".  A Latin phrase may be followed by one too ("FTA의",
**     "AI를": Korean text attaches them to acronyms).  Before a Hangul
**     phrase no boundary is needed ("연합훈련" in "한미연합훈련"),
**     except for a phrase of one word of one or two syllables, which
**     must begin a word ("학생" is not in "화학생물").
**     A trailing '*' takes the match on into a compound ("기후*" matches
**     "기후변화에").
**   - A space in a phrase matches any run of white space and hyphens
**     ('-', U+2010, U+2011, U+2013) in the text: "net zero" matches
**     "net-zero" and "net\n  zero".  A hyphen in a phrase is read the same
**     way, and runs of them count as one, so "net-zero" == "net zero".
**     Leading and trailing spaces of a phrase are dropped.
**   - A trailing '*' extends the match over the rest of the word:
**     "emission*" matches "emission" and "emissions" (not "emissionless-"
**     past the hyphen).  '*' anywhere else is an error.
**
** Every occurrence of every phrase is reported, overlapping ones too; a
** phrase is reported once per start position.  Several ids may share one
** phrase text (two rules using the same word): each id gets its own hit.
** Hits come sorted by start, then end, then id, and equal hits are kept
** once ("emission*" and "emissions" under one id give one hit on
** "emissions").
**
** Edges that are not letters follow the same rule as letters: "u.s."
** does not match in "u.s.a", "c++" not in "c++11".
**
** Scanning is linear in the text (an Aho-Corasick DFA over bytes with
** white-space runs fed to it as one space) plus the cost of the hits.  A
** compiled matcher is read-only: many threads may scan with it at once,
** each with its own ct_phrases_scratch.
*/
#ifndef CT_PHRASES_H
#define CT_PHRASES_H

#include <stddef.h>
#include "clausetag.h"

typedef struct ct_phrases ct_phrases;
typedef struct ct_phrases_scratch ct_phrases_scratch;

typedef struct ct_phrase_hit {
  int id;              /* as given to ct_phrases_add */
  size_t start, end;   /* byte offsets into the scanned text, end exclusive */
} ct_phrase_hit;

/* An empty matcher, or NULL when out of memory. */
ct_phrases *ct_phrases_new(void);
void ct_phrases_free(ct_phrases *p);

/* Adds a folded, NUL-terminated phrase under `id`.  CT_ESYNTAX for a bad
** phrase, with messages such as
**   phrase "x*y": '*' is allowed only at the end
**   phrase "": empty phrase
** CT_EUSAGE after ct_phrases_compile. */
ct_status ct_phrases_add(ct_phrases *p, const char *phrase, int id,
                         ct_error *err);

/* Adds a folded, NUL-terminated string under `id` that matches anywhere:
** no word boundaries, no '*' (a '*' is a character like any other);
** white space and hyphens as in phrases.  For the needles of regex rules
** (needles.h).  Errors as ct_phrases_add. */
ct_status ct_phrases_add_substring(ct_phrases *p, const char *text, int id,
                                   ct_error *err);

/* Caps the memory the compiled automaton may take (0: no cap); past it,
** compiling fails with CT_ELIMIT ("the phrases need N MiB of automaton,
** more than the limit of M MiB"). */
void ct_phrases_set_limit(ct_phrases *p, size_t max_bytes);

/* Builds the automaton; no phrase can be added afterwards.  A matcher
** with no phrases compiles and finds nothing. */
ct_status ct_phrases_compile(ct_phrases *p, ct_error *err);

/* Bytes the compiled automaton holds. */
size_t ct_phrases_memory(const ct_phrases *p);

/* Number of distinct (phrase, id) pairs added. */
size_t ct_phrases_count(const ct_phrases *p);

/* The compiled table's cells are 16 bits while there are at most 2^15
** states, else 32 (phrases.c); the scan finds the same hits either way.
** For tests: force 32-bit cells (before compiling), and ask which. */
void ct_phrases_force_wide(ct_phrases *p);
int ct_phrases_cell_bits(const ct_phrases *p);

/* Per-thread working memory for scans, reused from one scan to the next.
** NULL when out of memory. */
ct_phrases_scratch *ct_phrases_scratch_new(void);
void ct_phrases_scratch_free(ct_phrases_scratch *s);

/* Scans text[0..len) (any bytes; valid UTF-8 expected) with a compiled
** matcher.  *hits points into the scratch and stays valid until its next
** scan or its free.  CT_ENOMEM, or CT_EUSAGE if p is not compiled. */
ct_status ct_phrases_scan_with(const ct_phrases *p, ct_phrases_scratch *s,
                               const char *text, size_t len,
                               const ct_phrase_hit **hits, size_t *n);

/* The same with a scratch of its own: *hits is malloc'ed (free() it),
** NULL when *n is 0. */
ct_status ct_phrases_scan(const ct_phrases *p, const char *text, size_t len,
                          ct_phrase_hit **hits, size_t *n);

#endif
