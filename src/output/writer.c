/*
** writer.c -- the format-independent half of output: batching bytes to
** a stream and turning the first write error into one reportable status.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "output/writer.h"

/* Bytes gathered before they go to the stream: big enough that fwrite is
** called rarely, small enough that memory stays flat on large inputs. */
#define FLUSH_AT 65536

const ct_format *ct_format_find(const ct_format *const *table,
                                const char *name) {
  for (; *table != NULL; table++)
    if (strcmp((*table)->name, name) == 0) return *table;
  return NULL;
}

void ct_writer_init(ct_writer *w, const ct_format *fmt, FILE *out) {
  memset(w, 0, sizeof *w);
  w->fmt = fmt;
  w->out = out;
}

/* The state too: an end hook skipped after a write error cannot free it. */
void ct_writer_free(ct_writer *w) {
  ct_buf_free(&w->buf);
  ct_buf_free(&w->tmp);
  ct_buf_free(&w->doc_json);
  ct_buf_free(&w->doc_name);
  ct_buf_free(&w->head_json);
  free(w->nums);
  w->nums = NULL;
  free(w->state);
  w->state = NULL;
  free(w->select);
  w->select = NULL;
  ct_explain_free(&w->explain);
  ct_spill_close(&w->spill);
}

ct_numcache *ct_writer_nums(ct_writer *w) {
  if (w->nums == NULL) w->nums = calloc(1, sizeof *w->nums);
  return w->nums;
}

static ct_status write_failed(ct_writer *w, ct_error *err) {
  if (w->errnum == 0) w->errnum = errno ? errno : EIO;
  return ct_fail(err, CT_EIO, "write error: %s", strerror(w->errnum));
}

/* A fork's bytes past CT_WRITER_KEEP_AT go to its spill file, as much
** of them as the file takes. */
static void spill_buf(ct_writer *w) {
  size_t k;
  if (w->buf.len < CT_WRITER_KEEP_AT) return;
  k = ct_spill_put(&w->spill, w->buf.s, w->buf.len);
  if (k == 0) return;
  memmove(w->buf.s, w->buf.s + k, w->buf.len - k + 1);
  w->buf.len -= k;
}

static ct_status flush_buf(ct_writer *w, ct_error *err) {
  size_t len = w->buf.len;
  if (w->errnum) return write_failed(w, err);
  if (len == 0) return CT_OK;
  if (w->out == NULL && w->sink == NULL) {
    if (w->keeps) spill_buf(w);
    return CT_OK;
  }
  errno = 0;
  if (w->sink != NULL) {
    int e = w->sink(w->sink_ud, w->buf.s, len);
    if (e != 0) {
      errno = e;
      return write_failed(w, err);
    }
  } else if (fwrite(w->buf.s, 1, len, w->out) != len) {
    return write_failed(w, err);
  }
  ct_buf_clear(&w->buf);
  return CT_OK;
}

ct_status ct_writer_flush(ct_writer *w, ct_error *err) {
  return flush_buf(w, err);
}

/* A format hook's status as a ct_status with a message. */
static ct_status hook_status(ct_status s, ct_error *err) {
  if (s == CT_OK) return CT_OK;
  return ct_fail(err, s, "%s", ct_strerror(s));
}

ct_status ct_writer_begin(ct_writer *w, ct_error *err) {
  if (w->fmt->begin == NULL) return CT_OK;
  return hook_status(w->fmt->begin(w), err);
}

ct_status ct_writer_document(ct_writer *w, const ct_text *t,
                             const ct_clause *c, size_t n, ct_error *err) {
  return ct_writer_document_info(w, t, c, n, NULL, err);
}

ct_status ct_writer_document_info(ct_writer *w, const ct_text *t,
                                  const ct_clause *c, size_t n,
                                  const ct_docinfo *doc, ct_error *err) {
  static const ct_docinfo none = {NULL, NULL, NULL, NULL, 0};
  ct_record r;
  ct_status s;
  if (w->errnum) return write_failed(w, err);
  r.text = t, r.clauses = c, r.nclauses = n, r.i = 0;
  r.doc = doc != NULL ? doc : &none;
  w->have_doc_json = 0;             /* a new document: nothing shared yet */
  w->have_doc_name = 0;
  w->head = 0;
  if (w->fmt->doc_begin && (s = w->fmt->doc_begin(w, &r)) != CT_OK)
    return hook_status(s, err);
  for (r.i = 0; r.i < n; r.i++) {
    if ((s = w->fmt->clause(w, &r)) != CT_OK) return hook_status(s, err);
    w->records++;
    if (w->buf.len >= FLUSH_AT && flush_buf(w, err) != CT_OK) return CT_EIO;
  }
  if (w->fmt->doc_end && (s = w->fmt->doc_end(w, &r)) != CT_OK)
    return hook_status(s, err);
  return flush_buf(w, err);
}

/* Clauses of a part formatted together: the heading of the first ones
** may lie before them, and a format finds a heading among the clauses
** it is given by looking back through them, so a group bounds the look. */
#define GROUP 64

/* Formats clauses c[from..to) as one record set, in gc and gr (GROUP + 1
** each): with the heading they name first (not written) when it lies
** before them. */
static ct_status part_group(ct_writer *w, const ct_text *t,
                            const ct_clause *heading, const ct_clause *c,
                            size_t from, size_t to,
                            const ct_result *results, ct_clause *gc,
                            ct_result *gr, ct_error *err) {
  ct_docinfo info;
  ct_record r;
  size_t i, k = 0, first = c[from].index;
  ct_status s;
  for (i = from; i < to; i++) {
    size_t h = c[i].heading;
    if (h == 0 || h >= first || k > 0) continue;
    if (h >= c[0].index) gc[0] = c[h - c[0].index];
    else gc[0] = *heading;
    memset(&gr[0], 0, sizeof gr[0]);
    k = 1;
  }
  for (i = from; i < to; i++, k++) {
    gc[k] = c[i];
    if (results) gr[k] = results[i];
  }
  memset(&info, 0, sizeof info);
  info.results = results ? gr : NULL;
  r.text = t, r.clauses = gc, r.nclauses = k, r.doc = &info;
  for (r.i = k - (to - from); r.i < k; r.i++) {
    if ((s = w->fmt->clause(w, &r)) != CT_OK) return hook_status(s, err);
    w->records++;
    if (w->buf.len >= FLUSH_AT && flush_buf(w, err) != CT_OK) return CT_EIO;
  }
  return CT_OK;
}

ct_status ct_writer_part(ct_writer *w, const ct_text *t,
                         const ct_clause *heading, const ct_clause *c,
                         size_t n, const ct_result *results, ct_error *err) {
  ct_clause none, *gc;
  ct_result *gr;
  size_t from;
  ct_status s = CT_OK;
  if (w->errnum) return write_failed(w, err);
  if (heading == NULL) {
    memset(&none, 0, sizeof none);
    heading = &none;
  }
  w->have_doc_json = 0;             /* a new text: nothing shared yet */
  w->have_doc_name = 0;
  w->head = 0;
  gc = malloc((GROUP + 1) * sizeof *gc);
  gr = malloc((GROUP + 1) * sizeof *gr);
  if (gc == NULL || gr == NULL) s = ct_fail(err, CT_ENOMEM, "%s",
                                            ct_strerror(CT_ENOMEM));
  for (from = 0; s == CT_OK && from < n; from += GROUP)
    s = part_group(w, t, heading, c, from, from + GROUP < n ? from + GROUP : n,
                   results, gc, gr, err);
  free(gc);
  free(gr);
  return s == CT_OK ? flush_buf(w, err) : s;
}

/* part's spilled bytes, read back into w's buffer a batch at a time. */
static ct_status take_spill(ct_writer *w, ct_writer *part, ct_error *err) {
  size_t at, n;
  for (at = 0; at < part->spill.len; at += n) {
    n = part->spill.len - at < FLUSH_AT ? part->spill.len - at : FLUSH_AT;
    if (ct_buf_reserve(&w->buf, n) != CT_OK)
      return ct_fail(err, CT_ENOMEM, "%s", ct_strerror(CT_ENOMEM));
    if (ct_spill_read(&part->spill, at, w->buf.s + w->buf.len, n) != CT_OK)
      return ct_fail(err, CT_EIO, "read error: temporary file: %s",
                     strerror(errno));
    w->buf.len += n;
    w->buf.s[w->buf.len] = '\0';
    if (flush_buf(w, err) != CT_OK) return CT_EIO;
  }
  ct_spill_close(&part->spill);
  return CT_OK;
}

/* The bytes in memory are handed over, not copied, when w holds none. */
ct_status ct_writer_take(ct_writer *w, ct_writer *part, ct_error *err) {
  ct_status s;
  if (w->errnum) return write_failed(w, err);
  if (part->spill.len > 0 && (s = take_spill(w, part, err)) != CT_OK)
    return s;
  if (w->buf.len == 0) {
    ct_buf b = w->buf;
    w->buf = part->buf;
    part->buf = b;
  } else if (ct_buf_add(&w->buf, part->buf.s, part->buf.len) != CT_OK) {
    return ct_fail(err, CT_ENOMEM, "%s", ct_strerror(CT_ENOMEM));
  }
  ct_buf_clear(&part->buf);
  w->records += part->records;
  part->records = 0;
  return flush_buf(w, err);
}

ct_status ct_writer_end(ct_writer *w, ct_error *err) {
  ct_status s;
  if (w->fmt->end != NULL && !w->errnum &&
      (s = w->fmt->end(w)) != CT_OK)
    return hook_status(s, err);
  if (flush_buf(w, err) != CT_OK) return CT_EIO;
  errno = 0;
  if (w->out != NULL && (fflush(w->out) != 0 || ferror(w->out)))
    return write_failed(w, err);
  return CT_OK;
}
