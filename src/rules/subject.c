/*
** subject.c -- a clause's text as one line for regexes (subject.h).
*/
#include <stdlib.h>
#include <string.h>
#include "rules/subject.h"

static int is_break(unsigned char ch) { return ch >= '\t' && ch <= '\r'; }
static int is_white(unsigned char ch) { return ch == ' ' || is_break(ch); }

/* The end of the run of white space at s[i], and whether a break is in
** it (then the subject has one space for the run). */
static size_t run_end(const char *s, size_t n, size_t i, int *brk) {
  *brk = 0;
  while (i < n && is_white((unsigned char)s[i]))
    *brk |= is_break((unsigned char)s[i++]);
  return i;
}

static int has_break(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (is_break((unsigned char)s[i])) return 1;
  return 0;
}

static void collapse(ct_subject *sj) {
  const char *s = sj->in;
  size_t i = 0, o = 0;
  while (i < sj->n) {
    size_t j;
    int brk;
    if (!is_white((unsigned char)s[i])) {
      sj->buf[o++] = s[i++];
      continue;
    }
    j = run_end(s, sj->n, i, &brk);
    if (brk) {
      sj->buf[o++] = ' ';
    } else {
      memcpy(sj->buf + o, s + i, j - i);
      o += j - i;
    }
    i = j;
  }
  sj->buf[o] = '\0';
  sj->s = sj->buf;
  sj->len = o;
}

ct_status ct_subject_set(ct_subject *sj, const char *s, size_t n) {
  sj->s = sj->in = s;
  sj->len = sj->n = n;
  if (!has_break(s, n)) return CT_OK;
  if (n + 1 > sj->cap) {
    char *b = realloc(sj->buf, n + 1);
    if (b == NULL) {
      sj->s = sj->in = "";
      sj->len = sj->n = 0;
      return CT_ENOMEM;
    }
    sj->buf = b;
    sj->cap = n + 1;
  }
  collapse(sj);
  return CT_OK;
}

size_t ct_subject_to_input(const ct_subject *sj, size_t off) {
  const char *s = sj->in;
  size_t i = 0, o = 0;
  if (sj->s == sj->in) return off;
  while (o < off) {
    size_t j;
    int brk;
    if (!is_white((unsigned char)s[i])) {
      i++, o++;
      continue;
    }
    j = run_end(s, sj->n, i, &brk);
    if (!brk && j - i > off - o) return i + (off - o);   /* among spaces */
    o += brk ? 1 : j - i;
    i = j;
  }
  return i;
}

void ct_subject_free(ct_subject *sj) {
  free(sj->buf);
  memset(sj, 0, sizeof *sj);
}
