/*
** subject.h -- what a regex searches in a clause: its text as one line.
**
** Phrases take any run of white space as one space, so a clause that
** runs over lines (wrapped text, most clauses of a PDF, a treaty's
** hanging indents, CR LF line ends, an HTML <br>) or holds a no-break
** space reads to them as it would on one line with plain spaces.  Regex
** rules and c:find/c:count read it the same way (and c.norm is the
** normalized text made one line by the same means): each run of white space
** (Unicode White_Space: tab, line ends, no-break and other Unicode
** spaces) that is not ASCII spaces alone is one space in the subject, so
** `clean energy` and `illegal.*fishing` match across a line end,
** whatever its bytes and the indentation after it.  A run of ASCII
** spaces alone stays as written, and a clause with no other white space
** is searched in place, with no copy.  A soft hyphen (U+00AD, a
** hyphenation hint a page shows as nothing) is left out of the subject,
** as normalization leaves it out of the text phrases read, so that a
** word it splits is one word to a regex as to a phrase.
**
** Offsets in the subject map back to the clause's bytes, so a match is
** reported where it is in the input: one that starts or ends at a
** collapsed run starts at the run's first byte or ends after its last.
** The map is no table but a walk over the input up to the offset, as
** long as the search that found the match walked at least: the subject
** costs its copy and nothing per line break, whatever the clause holds.
*/
#ifndef CT_SUBJECT_H
#define CT_SUBJECT_H

#include <stddef.h>
#include "clausetag.h"

typedef struct ct_subject {
  const char *s;    /* the subject: `in` itself, or buf */
  size_t len;
  const char *in;   /* the bytes it was made of ... */
  size_t n;         /* ... and how many */
  char *buf;        /* the copy, when one was needed, with CT_TEXT_PAD
                    ** zero bytes after it as a text has (text.h): PCRE2's
                    ** JIT reads ahead of the subject's end */
  size_t cap;
} ct_subject;

/* Makes sj the subject of s[0..n) (s must stay alive while sj is used).
** Buffers are kept from one call to the next.  CT_ENOMEM leaves sj
** empty. */
ct_status ct_subject_set(ct_subject *sj, const char *s, size_t n);

/* The offset in the bytes sj was made of of subject offset off
** (0 <= off <= sj->len). */
size_t ct_subject_to_input(const ct_subject *sj, size_t off);

void ct_subject_free(ct_subject *sj);

#endif
