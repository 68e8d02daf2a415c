/*
** vocab.h -- learned vocabularies: the terms of a clause, and the weight
** that `clausetag train` gave each term for each vocabulary rule.
**
** A term is what a learned word list can count on in any language: a
** word (a run of letters and digits) of three characters or more that
** is not all digits, lowercased; and, inside a word that holds a Hangul
** syllable, every pair of adjacent characters, so that a Korean noun
** counts whatever particle is attached to it (국방을 holds 국방).  A
** vocabulary is a table of such terms, one row per term and one column
** per vocabulary rule of the rule set; a rule's strength on a clause is
** the sum of its column over the distinct terms of the clause.
*/
#ifndef CT_RULES_VOCAB_H
#define CT_RULES_VOCAB_H

#include <stddef.h>
#include "clausetag.h"

/* Longest term kept, in bytes: a longer word is no term. */
#define CT_TERM_MAX 64

/* Bytes that may be read at a term a walk passes on, whatever its length
** (the buffer it lies in is that long), so that a lookup loads whole
** words instead of looping over bytes. */
#define CT_TERM_READ 16

/* Called with each term of a text in order: its folded bytes (readable
** CT_TERM_READ bytes far) and where it is (offsets into the text).
** Nonzero stops the walk. */
typedef int ct_term_fn(void *ud, const char *term, size_t n, size_t start,
                       size_t end);

/* Walks the terms of s[0..n) (UTF-8; an invalid byte ends a word).
** `readable` bytes past n may be read, and are never taken for text: a
** text inside a padded buffer (a ct_text's data) is read in whole
** blocks to its end; 0 for any string.  Returns what fn returned when it
** stopped the walk, else 0. */
int ct_vocab_terms(const char *s, size_t n, size_t readable,
                   ct_term_fn *fn, void *ud);

typedef struct ct_vocab ct_vocab;

ct_vocab *ct_vocab_new(size_t ncols);
void ct_vocab_free(ct_vocab *v);

/* Sets the weight of term[0..n) in column col (< ncols), adding the term
** when it is new.  CT_ENOMEM only. */
ct_status ct_vocab_set(ct_vocab *v, const char *term, size_t n, size_t col,
                       double w);

size_t ct_vocab_rows(const ct_vocab *v);
/* The bytes a row of a vocabulary of ncols columns takes. */
size_t ct_vocab_row_bytes(size_t ncols);
size_t ct_vocab_cols(const ct_vocab *v);
const char *ct_vocab_term(const ct_vocab *v, size_t row);
double ct_vocab_weight(const ct_vocab *v, size_t row, size_t col);

/* The row of term[0..n), or (size_t)-1. */
size_t ct_vocab_find(const ct_vocab *v, const char *term, size_t n);

/* What a scan of a text found, for every column: the sum of the weights
** of the text's distinct terms, and where the term is that counts most
** toward that sum.  Made once and reused text after text (it keeps a
** mark per row, so a term counts once however often it occurs). */
typedef struct ct_vocab_tally ct_vocab_tally;

ct_vocab_tally *ct_vocab_tally_new(void);
void ct_vocab_tally_free(ct_vocab_tally *t);

/* Tallies the terms of s[0..n) (offsets plus `base`) into t: every
** distinct term of the vocabulary once.  v may be NULL (all sums 0).
** CT_ENOMEM only. */
ct_status ct_vocab_scan(const ct_vocab *v, ct_vocab_tally *t, const char *s,
                        size_t n, size_t readable, size_t base);

/* Column col's sum in the last scan; when it is not 0 and start is not
** NULL, *start and *end get the span of the term whose weight counts
** most toward it (read from the last scan's vocabulary, which must not
** have changed since; finding it is a pass over the clause's terms, so a
** caller that shows no spans passes NULL). */
double ct_vocab_sum(const ct_vocab_tally *t, size_t col, size_t *start,
                    size_t *end);

#endif
