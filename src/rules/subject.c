/*
** subject.c -- a clause's text as one line for regexes (subject.h).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rules/subject.h"
#include "text/text.h"
#include "text/utf8.h"

/* Length of the white space character (Unicode White_Space) at s[i], or
** 0; *plain tells whether it is an ASCII space. */
static size_t white_at(const char *s, size_t n, size_t i, int *plain) {
  *plain = s[i] == ' ';
  return ct_utf8_space_len((const unsigned char *)s + i, n - i);
}

/* The end of the run of white space at s[i], and whether it is ASCII
** spaces alone (then the subject keeps it as it is). */
static size_t run_end(const char *s, size_t n, size_t i, int *plain) {
  size_t k;
  int p;
  *plain = 1;
  while (i < n && (k = white_at(s, n, i, &p)) > 0) *plain &= p, i += k;
  return i;
}

/* Is s[i] a soft hyphen (U+00AD)?  A hyphenation hint that a page
** shows as nothing: the subject drops it, as the normalized text phrases
** read does, so that a word it splits ("defen\u00ADse") is one word to
** a regex too. */
static int soft_hyphen(const char *s, size_t n, size_t i) {
  return i + 1 < n && (unsigned char)s[i] == 0xC2 &&
         (unsigned char)s[i + 1] == 0xAD;
}

/* Does s[0..n) hold white space other than ASCII spaces, or a soft
** hyphen? */
static int needs_copy(const char *s, size_t n) {
  size_t i;
  int plain;
  for (i = 0; i < n; i++)
    if ((white_at(s, n, i, &plain) > 0 && !plain) || soft_hyphen(s, n, i))
      return 1;
  return 0;
}

static void collapse(ct_subject *sj) {
  const char *s = sj->in;
  size_t i = 0, o = 0;
  while (i < sj->n) {
    int plain;
    size_t j = run_end(s, sj->n, i, &plain);
    if (soft_hyphen(s, sj->n, i)) {
      i += 2;
    } else if (j == i) {
      sj->buf[o++] = s[i++];
    } else if (plain) {
      memcpy(sj->buf + o, s + i, j - i);
      o += j - i, i = j;
    } else {
      sj->buf[o++] = ' ';
      i = j;
    }
  }
  memset(sj->buf + o, 0, 1 + CT_TEXT_PAD);   /* as text.h pads a text */
  sj->s = sj->buf;
  sj->len = o;
}

ct_status ct_subject_set(ct_subject *sj, const char *s, size_t n) {
  sj->s = sj->in = s;
  sj->len = sj->n = n;
  if (!needs_copy(s, n)) return CT_OK;
  if (n + 1 + CT_TEXT_PAD > sj->cap) {   /* PCRE2's JIT reads ahead */
    char *b = realloc(sj->buf, n + 1 + CT_TEXT_PAD);
    if (b == NULL) {
      sj->s = sj->in = "";
      sj->len = sj->n = 0;
      return CT_ENOMEM;
    }
    sj->buf = b;
    sj->cap = n + 1 + CT_TEXT_PAD;
  }
  collapse(sj);
  return CT_OK;
}

/* Walks the input as collapse does, up to subject offset off. */
size_t ct_subject_to_input(const ct_subject *sj, size_t off) {
  const char *s = sj->in;
  size_t i = 0, o = 0;
  if (sj->s == sj->in) return off;
  while (o < off) {
    int plain;
    size_t j = run_end(s, sj->n, i, &plain);
    if (soft_hyphen(s, sj->n, i)) {
      i += 2;
      continue;
    }
    if (j == i) {
      i++, o++;
      continue;
    }
    if (!plain) {
      o++;
    } else if (j - i > off - o) {
      return i + (off - o);           /* among spaces kept as they are */
    } else {
      o += j - i;
    }
    i = j;
  }
  while (o == sj->len && soft_hyphen(s, sj->n, i)) i += 2;   /* the end */
  return i;
}

void ct_subject_free(ct_subject *sj) {
  free(sj->buf);
  memset(sj, 0, sizeof *sj);
}
