/*
** stream.c -- segmenting a piece of a large file (see stream.h).
**
** A piece is read from its start (the plan's overlap start, or the last
** run's start when the overlap does not reach the cut cleanly) to the
** next cut, segmented, and checked at both ends; the clauses from its cut
** on are renumbered as the whole document's.
*/
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "segment/segment.h"
#include "stream/stream.h"
#include "text/text.h"

_Static_assert(sizeof ((ct_carry *)0)->levels ==
                   CT_SEG_LEVELS * sizeof(size_t),
               "ct_carry keeps every list level the segmenter tells apart");

void ct_carry_init(ct_carry *c) {
  memset(c, 0, sizeof *c);
}

static int is_sentence(const ct_clause *c) {
  return c->kind == CT_KIND_SENTENCE || c->kind == CT_KIND_BULLET;
}

/* Is the run clean at text offset `at` (see stream.h): its last clause
** before `at` is not page furniture and only ASCII white space lies
** between the two?  (A cut follows a blank line ended by LF, so that
** white space holds it.)  *last: that clause's position, or n when there
** is none (then the run is not clean: nothing is known of it). */
static int clean_at(const ct_text *t, const ct_clause *c, size_t n,
                    size_t at, size_t *last) {
  size_t k = n, i;
  while (k > 0 && c[k - 1].start >= at) k--;
  *last = k ? k - 1 : n;
  if (k == 0 || c[k - 1].kind == CT_KIND_LINE || c[k - 1].end > at)
    return 0;
  for (i = c[k - 1].end; i < at; i++) {
    unsigned char b = (unsigned char)ct_text_data(t)[i];
    if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\v' &&
        b != '\f')
      return 0;
  }
  return 1;
}

/* Are the list levels open at the probe those of the carry? */
static int same_levels(const ct_seg_probe *pr, const ct_carry *carry) {
  return pr->nlevels == carry->nlevels &&
         memcmp(pr->levels, carry->levels,
                (size_t)pr->nlevels * sizeof *pr->levels) == 0;
}

/* Does a sentence or list item start before `at`? */
static int sentence_before(const ct_clause *c, size_t n, size_t at) {
  size_t k;
  for (k = 0; k < n && c[k].start < at; k++)
    if (is_sentence(&c[k])) return 1;
  return 0;
}

/* The piece's own clauses, from `first` on, numbered as the document's:
** moved to the front of the array. */
static size_t renumber(ct_clause *c, size_t n, size_t first,
                       const ct_carry *carry, size_t line0) {
  size_t k, m = n - first;
  for (k = 0; k < m; k++) {
    ct_clause x = c[first + k];
    size_t h = x.heading;
    x.index = carry->clauses + k + 1;
    if (x.kind == CT_KIND_HEADING || x.kind == CT_KIND_LINE || h == 0)
      h = x.kind == CT_KIND_HEADING || x.kind == CT_KIND_LINE ? 0
                                                             : carry->heading;
    else if (h <= first)                /* a heading of the overlap */
      h = carry->heading;
    else
      h = carry->clauses + (h - first);
    x.heading = h;
    x.line += line0;
    c[k] = x;
  }
  return m;
}

ct_status ct_stream_piece(const ct_plan *p, ct_invalid mode,
                          const ct_abbrevs *ab, size_t max, ct_carry *carry,
                          ct_text **text, ct_clause **clauses, size_t *n,
                          ct_error *err) {
  const ct_cut *cut = &p->cuts[carry->cut];
  size_t from = cut->from, line0 = cut->from_line, col0 = cut->from_col;
  size_t end_cut = carry->cut + 1;
  size_t nc = 0, first = 0, last, i;
  ct_seg_probe pr[2];
  ct_clause *c = NULL;
  ct_text *t = NULL;
  ct_status st;
  int retried = 0;
  *text = NULL;
  *clauses = NULL;
  *n = 0;
  if (carry->cut == 0) from = 0, line0 = 0, col0 = 0;
  for (;;) {
    size_t end = end_cut < p->ncuts ? p->cuts[end_cut].at : p->size;
    size_t at = cut->at - from;           /* the cut, in the text */
    if (end - from > max)
      return ct_fail(err, CT_ETOOBIG, "%s: larger than %zu bytes, the "
                     "document size cap", p->name, max);
    ct_text_free(t);
    free(c);
    c = NULL;
    if ((st = ct_plan_read(p, mode, from, col0, end, &t, err)) != CT_OK)
      return st;
    pr[0].at = at;
    pr[1].at = end - from;
    if ((st = ct_segment_at(t, ab, 0, p->window, pr, 2, &c, &nc, err)) !=
        CT_OK) {
      ct_text_free(t);
      return st;
    }
    /* the piece's run must reach its cut as the document's run does */
    /* (a run from a window sentence is in that state there: cut.h) */
    if (carry->cut > 0 && !(from == cut->at && col0 > 0) &&
        (!pr[0].fresh || !same_levels(&pr[0], carry) ||
         !clean_at(t, c, nc, at, &last) ||
         sentence_before(c, nc, at) != carry->sentence)) {
      if (retried || from == carry->run_from) {
        ct_text_free(t);
        free(c);
        return ct_fail(err, CT_ERULE, "%s: internal error: no clean start "
                       "for the piece at byte %zu", p->name, cut->at);
      }
      from = carry->run_from, line0 = carry->run_line;
      col0 = carry->run_col, retried = 1;
      continue;
    }
    /* and the document's run must leave its end cleanly, else go on */
    if (end_cut < p->ncuts &&
        (!pr[1].fresh || !clean_at(t, c, nc, end - from, &last))) {
      end_cut++;
      continue;
    }
    break;
  }
  for (first = 0; first < nc && c[first].start < cut->at - from; first++) {}
  for (i = first; i < nc; i++) carry->sentence |= is_sentence(&c[i]);
  nc = renumber(c, nc, first, carry, line0);
  for (i = 0; i < nc; i++)
    if (c[i].kind == CT_KIND_HEADING) carry->heading = c[i].index;
  carry->clauses += nc;
  carry->nlevels = pr[1].nlevels;
  memcpy(carry->levels, pr[1].levels,
         (size_t)pr[1].nlevels * sizeof *carry->levels);
  carry->run_from = from;
  carry->run_line = line0;
  carry->run_col = col0;
  carry->cut = end_cut;
  *text = t;
  *clauses = c;
  *n = nc;
  return CT_OK;
}
