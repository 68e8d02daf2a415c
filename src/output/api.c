/*
** api.c -- the public writer: clausetag.h's ct_writer_new, _write and
** _close over the formats' writer (writer.h).
**
** Promises: the bytes of `clausetag segment -f F` or `classify -f F` for
** the same documents, since it is the same writer with the same format
** table, to a FILE or a write function; the policies are the caller's
** copied, so the writer owns everything it points to but the stream and
** the rule set.
*/
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "core/error.h"
#include "output/select.h"

/* The writer with what the public one owns besides: w comes first, so a
** ct_writer * handed out is one to this. */
typedef struct owned {
  ct_writer w;
  ct_policy *policies;
  size_t violations;
  const ct_writer *parent;    /* a fork's (ct_writer_fork), else NULL */
} owned;

const char *const *ct_writer_formats(int classify) {
  return classify ? ct_classify_format_names : ct_segment_format_names;
}

/* "text, lines and jsonl": a table's names for a message. */
static void list_formats(ct_buf *b, const ct_format *const *t) {
  size_t i, n = 0;
  while (t[n] != NULL) n++;
  for (i = 0; i < n; i++)
    ct_buf_printf(b, "%s%s", ct_series_sep(i, n), t[i]->name);
}

static ct_status find_format(const char *name, const ct_ruleset *rs,
                             const ct_format **out, ct_error *err) {
  const ct_format *const *table = rs ? ct_classify_formats
                                     : ct_segment_formats;
  ct_buf known = {0};
  ct_status s;
  if (name != NULL && (*out = ct_format_find(table, name)) != NULL)
    return CT_OK;
  list_formats(&known, table);
  s = ct_fail(err, CT_EUSAGE, "unknown format '%s' (known: %s)",
              name ? name : "(null)", known.s ? known.s : "none");
  ct_buf_free(&known);
  return s;
}

static ct_status copy_policies(owned *o, const ct_writer_options *opt,
                               ct_error *err) {
  size_t n = opt->npolicies;
  if (n == 0 || opt->policies == NULL) return CT_OK;
  if (opt->rules == NULL)
    return ct_fail(err, CT_EUSAGE, "policies need a rule set (classify "
                   "formats)");
  if ((o->policies = malloc(n * sizeof *o->policies)) == NULL)
    return ct_fail(err, CT_ENOMEM, "out of memory");
  memcpy(o->policies, opt->policies, n * sizeof *o->policies);
  o->w.policies = o->policies, o->w.npolicies = n;
  return ct_policies_resolve(o->policies, n, opt->rules, err);
}

/* Reads neither o->write nor o->write_ud: the command line's writers
** write to a FILE or to their own buffer. */
ct_status ct_writer_init_with(ct_writer *w, const ct_format *fmt, FILE *out,
                              const ct_writer_options *o, ct_error *err) {
  ct_writer_init(w, fmt, out);
  w->rs = o->rules;
  w->flags = o->flags;
  w->policies = o->policies, w->npolicies = o->npolicies;
  return ct_select_setup(w, o, err);
}

/* The model's selection is shared, not set up again. */
void ct_writer_init_like(ct_writer *w, const ct_writer *model, FILE *out) {
  ct_writer_init(w, model->fmt, out);
  w->rs = model->rs, w->flags = model->flags;
  w->policies = model->policies, w->npolicies = model->npolicies;
  w->want = model->want;
}

static void destroy(owned *o) {
  ct_writer_free(&o->w);
  free(o->policies);
  free(o);
}

ct_status ct_writer_new(const char *format, FILE *out,
                        const ct_writer_options *opt, ct_writer **w,
                        ct_error *err) {
  static const ct_writer_options none = {NULL, 0, NULL, 0, NULL, NULL,
                                         NULL, 0};
  const ct_format *fmt;
  owned *o;
  ct_status s;
  *w = NULL;
  if (opt == NULL) opt = &none;
  if (out == NULL && opt->write == NULL)
    return ct_fail(err, CT_EUSAGE, "no output: neither a stream nor a "
                   "write function");
  if ((s = find_format(format, opt->rules, &fmt, err)) != CT_OK) return s;
  if ((o = calloc(1, sizeof *o)) == NULL)
    return ct_fail(err, CT_ENOMEM, "out of memory");
  s = ct_writer_init_with(&o->w, fmt, out, opt, err);
  o->w.policies = NULL, o->w.npolicies = 0;   /* the copy's, resolved */
  if (out == NULL) o->w.sink = opt->write, o->w.sink_ud = opt->write_ud;
  if (s != CT_OK || (s = copy_policies(o, opt, err)) != CT_OK ||
      (s = ct_writer_begin(&o->w, err)) != CT_OK) {
    destroy(o);
    return s;
  }
  *w = &o->w;
  return CT_OK;
}

ct_status ct_writer_write(ct_writer *w, const ct_text *t, const ct_clause *c,
                          size_t n, const ct_results *r, ct_error *err) {
  return ct_writer_write_doc(w, t, c, n, r, NULL, err);
}

ct_status ct_writer_write_doc(ct_writer *w, const ct_text *t,
                              const ct_clause *c, size_t n,
                              const ct_results *r, const ct_writer_doc *doc,
                              ct_error *err) {
  owned *o = (owned *)w;
  ct_violation *v = NULL;
  size_t nv = 0;
  ct_docinfo info;
  ct_status s;
  memset(&info, 0, sizeof info);
  if (w->rs != NULL && ct_results_count(r) != n)
    return ct_fail(err, CT_EUSAGE, "%s: a classify format needs the "
                   "results of every clause (%zu for %zu clauses)",
                   ct_text_name(t), ct_results_count(r), n);
  info.results = w->rs != NULL ? ct_results_array(r) : NULL;
  if (doc != NULL) info.id_json = doc->id_json, info.meta_json = doc->meta_json;
  if (doc != NULL && doc->checked)
    info.violations = doc->violations, info.nviolations = doc->nviolations;
  else if (w->npolicies > 0 &&
           (s = ct_policies_check(w->policies, w->npolicies, w->rs, r, &v,
                                  &nv, err)) != CT_OK)
    return s;
  else
    info.violations = v, info.nviolations = nv;
  o->violations += info.nviolations;
  s = ct_writer_document_info(w, t, c, n, &info, err);
  ct_violations_free(v, nv);
  return s;
}

/* No hooks around a document or at the end: a begin hook writes before
** any document, so a document's bytes are its own. */
int ct_writer_apart(const ct_writer *w) {
  const ct_format *f = w->fmt;
  return f->doc_begin == NULL && f->doc_end == NULL && f->end == NULL;
}

int ct_writer_reads_hits(const ct_writer *w) {
  return w->fmt->hits == CT_HITS_ALL ||
         (w->fmt->hits == CT_HITS_EXPLAIN && (w->flags & CT_WRITE_EXPLAIN));
}

/* The fork shares the parent's settings, selection and resolved
** policies (owned by the parent) and has no stream: its bytes stay in
** its buffer (writer.c) until ct_writer_join takes them. */
ct_status ct_writer_fork(const ct_writer *w, ct_writer **fork,
                         ct_error *err) {
  owned *o;
  *fork = NULL;
  if (!ct_writer_apart(w))
    return ct_fail(err, CT_EUSAGE, "cannot fork a writer of format '%s': "
                   "it does not write documents apart", w->fmt->name);
  if ((o = calloc(1, sizeof *o)) == NULL)
    return ct_fail(err, CT_ENOMEM, "out of memory");
  ct_writer_init_like(&o->w, w, NULL);
  o->w.keeps = 1;
  o->parent = w;
  *fork = &o->w;
  return CT_OK;
}

ct_status ct_writer_join(ct_writer *w, ct_writer *fork, ct_error *err) {
  owned *o = (owned *)w, *f = (owned *)fork;
  ct_status s;
  if (f->parent != w)
    return ct_fail(err, CT_EUSAGE, "cannot join a writer that is not a "
                   "fork of this one");
  o->violations += f->violations;
  s = ct_writer_take(w, fork, err);
  destroy(f);
  return s;
}

ct_status ct_writer_write_part(ct_writer *w, const ct_text *t,
                               const ct_clause *heading, const ct_clause *c,
                               size_t n, const ct_results *r,
                               ct_error *err) {
  if (!ct_writer_apart(w))
    return ct_fail(err, CT_EUSAGE, "cannot write part of a document in "
                   "format '%s': it does not write documents apart",
                   w->fmt->name);
  if (w->npolicies > 0)
    return ct_fail(err, CT_EUSAGE, "cannot write part of a document with "
                   "policies: they look at whole documents");
  if (w->rs != NULL && ct_results_count(r) != n)
    return ct_fail(err, CT_EUSAGE, "%s: a classify format needs the "
                   "results of every clause (%zu for %zu clauses)",
                   ct_text_name(t), ct_results_count(r), n);
  return ct_writer_part(w, t, heading, c, n,
                        w->rs != NULL ? ct_results_array(r) : NULL, err);
}

size_t ct_writer_violations(const ct_writer *w) {
  return ((const owned *)w)->violations;
}

ct_status ct_writer_close(ct_writer *w, ct_error *err) {
  ct_status s;
  if (w == NULL) return CT_OK;
  s = ct_writer_end(w, err);
  destroy((owned *)w);
  return s;
}
