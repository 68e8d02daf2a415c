/*
** select.h -- what an analyst asks first, as formats: only the clauses
** with some labels (--label), each document's clauses per label (-c),
** the documents that have a label (-l), nothing at all (-q: the exit
** status says it), and a per-document summary table (-f summary,
** -f summary-tsv).
**
** A ct_select is a format whose own settings travel with it: its
** ct_format comes first, so the hooks, which get the writer and through
** it w->fmt, find the rest.  Nothing global: the writer only holds the
** block it was set up with (w->select, from the public options: labels,
** CT_WRITE_COUNT, _NAMES, _QUIET) and the selected labels (w->want),
** which its stream answers count by.  Labels are counted and listed in the rule
** set's declaration order, as every other format orders them.
*/
#ifndef CT_OUTPUT_SELECT_H
#define CT_OUTPUT_SELECT_H

#include "output/writer.h"

typedef enum ct_select_mode {
  CT_SELECT_CLAUSES,   /* the clauses with a selected label, by `inner` */
  CT_SELECT_COUNT,     /* a line per document: clauses per label */
  CT_SELECT_NAMES,     /* the name of each document with a selected label */
  CT_SELECT_QUIET,     /* nothing */
  CT_SELECT_SUMMARY    /* a table per document (summary_out.c) */
} ct_select_mode;

typedef enum ct_select_style {
  CT_STYLE_TEXT,       /* for a person */
  CT_STYLE_TSV,        /* a header line, then rows */
  CT_STYLE_JSONL       /* an object per document */
} ct_select_style;

typedef struct ct_select {
  ct_format f;               /* first: w->fmt points here */
  ct_select_mode mode;
  ct_select_style style;     /* COUNT and SUMMARY */
  const ct_format *inner;    /* CLAUSES: the format that writes them */
  const unsigned char *want; /* per label of the rule set: selected;
                             ** NULL: every label */
} ct_select;

/* Makes w, of format w->fmt and settings w->rs and w->flags, write the
** selection o asks for (o->labels, CT_WRITE_COUNT, _NAMES, _QUIET):
** w->fmt becomes the selection's format, w->want its labels, both owned
** by w (w->select).  Nothing when o asks for none, or for every label
** with a summary format (which counts every label anyway).  CT_EUSAGE
** for one that does not apply (clausetag.h, ct_writer_new), or
** CT_ENOMEM. */
ct_status ct_select_setup(ct_writer *w, const ct_writer_options *o,
                          ct_error *err);

/* Sets s up as a format of the mode (inner: for CT_SELECT_CLAUSES). */
void ct_select_init(ct_select *s, ct_select_mode mode, ct_select_style style,
                    const ct_format *inner, const unsigned char *want);

/* Does a clause with this result have a selected label? */
int ct_select_keeps(const unsigned char *want, size_t nlabels,
                    const ct_result *res);

/* The summary formats of -f ("summary", "summary-tsv"), registered in
** ct_classify_formats by their .f: selections of every label (the
** command line makes its own copy for --label). */
extern const ct_select ct_summary_text;
extern const ct_select ct_summary_tsv;

/* The document hooks of CT_SELECT_SUMMARY (summary_out.c). */
ct_status ct_select_summary_begin(ct_writer *w);
ct_status ct_select_summary_doc(ct_writer *w, const ct_record *r);

/* The labels a selection writes, for the hooks: w->fmt's want. */
const unsigned char *ct_select_want(const ct_writer *w);

/* A clause hook that writes nothing. */
ct_status ct_select_nothing(ct_writer *w, const ct_record *r);

#endif
