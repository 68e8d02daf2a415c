/*
** run.c -- the document loop: workers prepare, the main thread writes.
**
** The feeder thread (feed.c) queues documents, reading small files
** ahead; -j workers read the others, cut and step on them (pool.c), and
** this thread takes them back in input order to print their messages and
** write them through the one writer.  After a fatal failure the pool is
** cancelled and what is still in flight is only freed.  This thread is
** one of the -j workers (the pool works in next() while the oldest
** document is not done): with one worker, handing each document to
** another thread and back cost two sleeps and wake-ups a document, a
** fifth of `segment -j1` on small files; with two, a third thread that
** wakes for every document took a core from a worker each time (-j2
** used 1.06 times the CPU of -j1, now 1.00).
**
** Formatting a clause costs about as much as classifying it, so when the
** writer writes each document apart (text, jsonl, tsv, lines:
** ct_writer_apart), the workers also format the documents they did with
** a fork of it (ct_writer_fork), and this thread only joins the forks
** in order: otherwise it is the one serial step, and a second worker
** waits on it.  Everything goes through the public writer.
**
** With such a format, and rules without `when` and no policies, a large
** plain text file is read in pieces (chain.h, src/stream/): memory then
** stays that of a few pieces whatever the file's size, both workers work
** on one file, and the output is the whole document's.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/answer.h"
#include "cli/chain.h"
#include "cli/feed.h"
#include "cli/inputs.h"
#include "cli/outfile.h"
#include "cli/pool.h"
#include "cli/progress.h"
#include "cli/run.h"

/* Documents up to this size are formatted by their worker: the output
** of one is held whole until it is written. */
#define FORMAT_IN_WORKER_MAX ((size_t)4 << 20)

/* The size of a piece of a large file (CLAUSETAG_PIECE_BYTES: tests cut
** small documents so). */
#define PIECE_BYTES ((size_t)512 << 10)

/* Documents queued per worker: small files (up to READ_AHEAD_SMALL)
** are held read; at most two a worker of the others (pool.h's large
** items).  The window is wide so that the feeder, woken when a quarter
** of it is free, is woken once for 16 files, not once for 2: every
** wake-up costs the thread that gives it a system call (with 8 a
** worker, waking the feeder was 12% of classify -j1's profile). */
#define WINDOW_PER_WORKER 64

/* Files up to this size are read by the feeder thread while the workers
** cut the ones before; those up to READ_AHEAD_SMALL fill the window, at
** most two a worker of the larger ones are held (so at most 4 MiB + 2
** MiB a worker of text read ahead). */
#define READ_AHEAD_MAX ((size_t)1 << 20)
#define READ_AHEAD_SMALL ((size_t)64 << 10)

/* What a worker thread holds. */
typedef struct worker {
  const ct_cli_run *r;
  void *state;            /* the step's, e.g. an engine */
  const ct_writer *w;     /* the run's writer, which it forks: set up
                          ** before any document is worked on */
  int apart;              /* w writes documents apart (ct_writer_apart) */
} worker;

/* Where a writer's bytes go (its ct_write_fn): the stream is opened
** after the writer is set up, so that a usage error leaves the output
** untouched, and once the run failed nothing more is written. */
typedef struct sink {
  FILE *f;
  int live;               /* write to f; else the bytes are dropped */
  int errnum;             /* errno of the first failed write; 0: none */
} sink;

/* An output besides the run's own (-o FORMAT:FILE): the main thread
** writes every document to it too. */
typedef struct extra {
  ct_writer *w;
  sink sink;
  ct_cli_outfile out;
} extra;

/* The state of one run, the main thread's own. */
typedef struct loop {
  const ct_cli_run *r;
  ct_writer *w;
  sink sink;
  extra *extras;          /* opt->noutputs of them */
  ct_cli_progress progress;
  int status;             /* 2 once anything failed */
  int violated;           /* a policy failed */
  int fatal;              /* stop: a step or the output failed */
  ct_error err;           /* of the fatal failure */
  ct_cli_file_id *outs;   /* the outputs' files as they were (feed.h) */
  size_t nouts;
} loop;

static ct_status cut(const ct_cli_run *r, ct_cli_doc *d, ct_error *err) {
  if (r->opt->input == CT_CLI_INPUT_LINES)
    return ct_segment_lines(d->text, &d->clauses, &d->n, err);
  return ct_segment(d->text, r->ab, &d->clauses, &d->n, err);
}

static int to_sink(void *ud, const void *data, size_t len) {
  sink *k = ud;
  if (!k->live) return 0;
  errno = 0;
  if (fwrite(data, 1, len, k->f) == len) return 0;
  if (k->errnum == 0) k->errnum = errno ? errno : EIO;
  return k->errnum;
}

/* Closes *w (NULL then) and flushes its stream; CT_EIO as the writer
** reports a write error. */
static ct_status end_writer(ct_writer **w, sink *k, ct_error *err) {
  ct_status s = ct_writer_close(*w, err);
  *w = NULL;
  if (s != CT_OK || !k->live) return s;
  errno = 0;
  if (fflush(k->f) == 0 && !ferror(k->f)) return CT_OK;
  if (k->errnum == 0) k->errnum = errno ? errno : EIO;
  return ct_error_set(err, CT_EIO, "write error: %s", strerror(k->errnum));
}

/* In a worker: the document's output, into a fork of the run's writer.
** Out of memory, it is left to the main thread, which formats it as it
** would anyway. */
static void format_doc(const worker *wk, ct_cli_doc *d) {
  ct_writer_doc rec;
  ct_writer *f;
  if (!wk->apart ||
      (d->text && ct_text_size(d->text) > FORMAT_IN_WORKER_MAX) ||
      ct_writer_fork(wk->w, &f, NULL) != CT_OK)
    return;
  ct_cli_doc_record(d, &rec);
  if (ct_writer_write_doc(f, d->text, d->clauses, d->n, d->results, &rec,
                          NULL) == CT_OK)
    d->formatted = f;
  else
    ct_writer_close(f, NULL);
}

/* The text a piece is formatted from: its own bytes, and after them the
** bytes of the heading before the piece (which the writer reads its
** text from), *h then pointing there. */
static ct_status piece_text(const ct_cli_doc *d, ct_clause *h,
                            ct_text **out, ct_error *err) {
  size_t n = ct_text_size(d->text);
  ct_status s;
  *h = d->ctx.heading;
  if (h->index == 0) {
    *out = NULL;
    return CT_OK;
  }
  s = ct_text_extend(d->text, d->ctx.heading_text, d->ctx.heading_len,
                     CT_INVALID_REPLACE, out, err);
  h->start += n;
  h->end += n;
  return s;
}

/* In a worker: a piece's output, into a fork of the run's writer. */
static ct_status format_piece(const worker *wk, ct_cli_doc *d, ct_error *err) {
  ct_clause before;
  ct_text *t = NULL;
  ct_writer *f = NULL;
  ct_status s;
  if ((s = piece_text(d, &before, &t, err)) != CT_OK) return s;
  if ((s = ct_writer_fork(wk->w, &f, err)) == CT_OK &&
      (s = ct_writer_write_part(f, t ? t : d->text,
                                before.index ? &before : NULL, d->clauses,
                                d->n, d->results, err)) == CT_OK) {
    d->formatted = f;
    f = NULL;
  }
  ct_writer_close(f, NULL);
  ct_text_free(t);
  return s;
}

/* Reads and cuts the piece at carry (ct_stream_piece). */
static ct_status cut_piece(const worker *wk, const ct_cli_chain *ch,
                           ct_carry *carry, ct_text **t, ct_clause **c,
                           size_t *n, ct_error *err) {
  const ct_cli_options *o = wk->r->opt;
  return ct_stream_piece(ch->plan, o->invalid, wk->r->ab,
                         o->max_document_bytes, carry, t, c, n, err);
}

/* In the cut turn: the piece the item before read ahead, or the piece
** read now. */
static ct_status take_or_cut(const worker *wk, ct_cli_chain *ch,
                             ct_cli_doc *d, ct_carry *carry, ct_error *err) {
  if (ch->ahead_text != NULL && ch->ahead_cut == d->cut) {
    d->text = ch->ahead_text, d->clauses = ch->ahead_clauses;
    d->n = ch->ahead_n, *carry = ch->ahead_carry;
    ch->ahead_text = NULL, ch->ahead_clauses = NULL, ch->ahead_cut = 0;
    return CT_OK;
  }
  return cut_piece(wk, ch, carry, &d->text, &d->clauses, &d->n, err);
}

/* The piece's text with clause c of text t after it (from the start of
** its line, as the engine may read a list marker before it), and the
** piece's clauses with c moved there. */
static ct_status put_ahead(ct_cli_doc *d, const ct_text *t,
                           const ct_clause *c) {
  const char *s = ct_text_data(t);
  size_t from = c->start, at = ct_text_size(d->text);
  ct_error err;
  while (from > 0 && s[from - 1] != '\n') from--;
  if ((d->ahead_clauses = malloc((d->n + 1) * sizeof *c)) == NULL ||
      ct_text_extend(d->text, s + from, c->end - from, CT_INVALID_REPLACE,
                     &d->ahead_text, &err) != CT_OK)
    return CT_ENOMEM;
  memcpy(d->ahead_clauses, d->clauses, d->n * sizeof *c);
  d->ahead_clauses[d->n] = *c;
  d->ahead_clauses[d->n].start = at + (c->start - from);
  d->ahead_clauses[d->n].end = at + (c->end - from);
  return CT_OK;
}

/* In the cut turn, after the piece: the first clause after it, from the
** pieces that follow (the first of them kept for its item).  A piece
** that fails to read gives none: its own item reads it again and says
** why.  CT_ENOMEM, else CT_OK. */
static ct_status read_ahead(const worker *wk, ct_cli_chain *ch,
                            ct_cli_doc *d, const ct_carry *after) {
  ct_carry c = *after;
  ct_status s = CT_OK;
  int kept = 0;
  while (s == CT_OK && d->ahead_text == NULL &&
         c.cut < ct_plan_pieces(ch->plan)) {
    size_t at = c.cut, n;
    ct_text *t;
    ct_clause *cl;
    ct_error err;
    if (cut_piece(wk, ch, &c, &t, &cl, &n, &err) != CT_OK) break;
    if (n > 0) s = put_ahead(d, t, &cl[0]);
    if (!kept) {
      ch->ahead_cut = at, ch->ahead_text = t, ch->ahead_clauses = cl;
      ch->ahead_n = n, ch->ahead_carry = c;
      kept = 1;
    } else {
      ct_text_free(t);
      free(cl);
    }
  }
  return s;
}

/* In a worker: one piece of a large file, in its turns (chain.h). */
static void work_piece(worker *wk, ct_cli_doc *d) {
  ct_cli_chain *ch = d->chain;
  ct_carry carry;
  ct_error err;
  ct_status s;
  size_t before;
  int ok, oom;
  if (!ct_cli_chain_cut_turn(ch, d->cut, &carry)) {
    d->pass = 1;
    return;
  }
  before = carry.clauses;
  err.msg[0] = '\0';
  s = take_or_cut(wk, ch, d, &carry, &err);
  oom = s == CT_OK && ch->looks_ahead &&
        read_ahead(wk, ch, d, &carry) != CT_OK;
  ct_cli_chain_cut_done(ch, d->cut, &carry, s == CT_OK && !oom);
  if (oom) {
    d->fatal = 1;
    ct_cli_fail(&d->err, CT_ENOMEM);
    return;
  }
  if (s != CT_OK) {
    ct_cli_doc_input_failed(d, ct_plan_name(ch->plan), s, &err);
    return;
  }
  if ((ok = ct_cli_chain_label_turn(ch, d->cut, before, &d->ctx)) <= 0) {
    d->pass = ok == 0;
    d->fatal = ok < 0;
    ct_cli_fail(&d->err, CT_ENOMEM);
    return;
  }
  d->ctx.part.ahead = d->ahead_text != NULL;
  d->part = &d->ctx.part;
  d->err.msg[0] = '\0';
  if (wk->r->step != NULL &&
      wk->r->step->run(wk->state, d, &d->err) != CT_OK) {
    d->fatal = 1;
    ct_cli_chain_label_done(ch, carry.cut, d->text, d->clauses, d->n, NULL,
                            0);
    return;
  }
  if (!ct_cli_chain_label_done(ch, carry.cut, d->text, d->clauses, d->n,
                               ct_results_array(d->results), 1) ||
      format_piece(wk, d, &d->err) != CT_OK) {
    d->fatal = 1;
    ct_cli_fail(&d->err, CT_ENOMEM);
  }
}

/* In a worker: read, cut and step on one document. */
static void work(void *state, void *item, int cancelled) {
  worker *wk = state;
  ct_cli_doc *d = item;
  ct_error err;
  ct_status s = CT_OK;
  if (cancelled) {         /* pieces waiting on this one go too */
    if (d->chain != NULL) ct_cli_chain_fail(d->chain);
    return;
  }
  if (d->chain != NULL) {
    work_piece(wk, d);
    return;
  }
  if (d->failed) return;   /* the feeder found it broken */
  err.msg[0] = '\0';
  if (d->path != NULL && d->text == NULL)     /* else read ahead */
    s = ct_text_read_format(d->path,
                            ct_cli_input_format(wk->r->opt, d->path),
                            wk->r->opt->invalid,
                            wk->r->opt->max_document_bytes, &d->text, &err);
  if (s == CT_OK) s = cut(wk->r, d, &err);
  if (s != CT_OK) {
    ct_cli_doc_input_failed(d, d->path ? d->path : ct_text_name(d->text), s,
                            &err);
    return;
  }
  d->err.msg[0] = '\0';
  if (wk->r->step != NULL && wk->r->step->run(wk->state, d, &d->err) != CT_OK)
    d->fatal = 1;
  else
    format_doc(wk, d);
}

/* Prints lines on stderr in order with what stdout already got. */
static void print_messages(loop *l, const char *msgs) {
  if (l->sink.f == stdout) fflush(stdout);   /* keep terminal order */
  ct_cli_progress_clear(&l->progress);
  fputs(msgs, stderr);
}

/* The record that closes a --input jsonl record's answer (answer.h),
** after its clauses; the writer hands it on with them.  Nothing when
** the run does not answer records. */
static ct_status write_answer(loop *l, const ct_cli_doc *d) {
  if (!d->record || !ct_cli_answers(l->r->opt)) return CT_OK;
  return ct_cli_answer(l->w, d, &l->err);
}

/* A stream's reader waits for each answer. */
static void flush_answer(loop *l) {
  if (l->r->opt->input == CT_CLI_INPUT_JSONL && l->sink.f == stdout)
    fflush(stdout);
}

/* A document a worker formatted is joined: its fork's bytes are handed
** on uncopied when the writer holds none. */
static void write_doc(loop *l, ct_cli_doc *d) {
  ct_writer *f = d->formatted;
  ct_writer_doc rec;
  ct_status s;
  size_t k;
  ct_cli_doc_record(d, &rec);
  d->formatted = NULL;
  if (f != NULL) s = ct_writer_join(l->w, f, &l->err);
  else s = ct_writer_write_doc(l->w, d->text, d->clauses, d->n, d->results,
                               &rec, &l->err);
  for (k = 0; s == CT_OK && k < l->r->opt->noutputs; k++)
    s = ct_writer_write_doc(l->extras[k].w, d->text, d->clauses, d->n,
                            d->results, &rec, &l->err);
  if (s == CT_OK) s = write_answer(l, d);
  if (s != CT_OK)
    l->fatal = 1;
  else
    flush_answer(l);
}

/* One finished document, in input order.  A record that failed, or
** stopped the run, is still answered. */
static void emit(loop *l, ct_cli_doc *d) {
  if (d->msgs.len > 0) print_messages(l, d->msgs.s);
  if (d->failed || d->partial) l->status = 2;
  if (d->nviolations > 0) l->violated = 1;
  if (d->fatal) {
    if (write_answer(l, d) == CT_OK) flush_answer(l);
    l->fatal = 1;
    l->err = d->err;
    return;
  }
  if (!d->failed && !d->pass) write_doc(l, d);
  else if (d->failed && write_answer(l, d) == CT_OK) flush_answer(l);
  else if (d->failed) l->fatal = 1;
  /* a file read in pieces is done with its last item */
  if (d->chain != NULL && d->cut + 1 < ct_plan_pieces(d->chain->plan))
    ct_cli_progress_part(&l->progress, d->text ? ct_text_size(d->text) : 0);
  else
    ct_cli_progress_step(&l->progress, d->text ? ct_text_size(d->text) : 0);
}

/* Takes every document back in order; after a fatal failure the rest
** is only freed. */
static void drain(loop *l, ct_cli_pool *pool) {
  ct_cli_doc *d;
  while ((d = ct_cli_pool_next(pool)) != NULL) {
    if (!l->fatal) {
      emit(l, d);
      if (l->fatal) ct_cli_pool_cancel(pool);
    }
    ct_cli_doc_free(d);
  }
}

static void free_workers(const ct_cli_run *r, worker *wk, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (r->step != NULL && r->step->worker_free != NULL)
      r->step->worker_free(wk[i].state);
  free(wk);
}

/* n workers with their states; NULL after a message.  w is the run's
** writer, set up before the first document reaches a worker. */
static worker *new_workers(const ct_cli_run *r, const ct_writer *w, int apart,
                           int hits, size_t n, ct_error *err) {
  worker *wk = calloc(n, sizeof *wk);
  size_t i;
  if (wk == NULL) {
    snprintf(err->msg, sizeof err->msg, "clausetag: out of memory");
    return NULL;
  }
  for (i = 0; i < n; i++) {
    wk[i].r = r;
    wk[i].w = w;
    wk[i].apart = apart;
    if (r->step != NULL && r->step->worker_new != NULL &&
        r->step->worker_new(r->step->ud, hits, &wk[i].state, err) != CT_OK) {
      free_workers(r, wk, i);
      return NULL;
    }
  }
  return wk;
}

static void out_of_memory(loop *l) {
  l->fatal = 1;
  ct_cli_fail(&l->err, CT_ENOMEM);
}

static ct_cli_pool *new_pool(worker *wk, size_t n, int jsonl) {
  void **states = malloc(n * sizeof *states);
  ct_cli_pool *pool = NULL;
  size_t i;
  if (states == NULL) return NULL;
  for (i = 0; i < n; i++) states[i] = &wk[i];
  /* This thread is worker 0 (pool.h).  Small files read ahead fill a
  ** wide window, so that the feeder fills it in batches and no worker
  ** finds it empty (a window of 2 a worker: -j2 1.15 times the wall
  ** time); two large documents a worker, one being worked on, one
  ** waiting; records of --input jsonl are held whole: two a worker. */
  pool = ct_cli_pool_new(n, jsonl ? 2 * n : WINDOW_PER_WORKER * n, 2 * n,
                         work, states);
  free(states);
  return pool;
}

/* Can a large file be read in pieces, and how large are they (0: no)?
** The run's writer must write documents apart (its selection too, when
** it has one: `apart`), the input be plain text, and
** the rules keep no state a piece could not carry: no `when`, no policy
** (--require looks at a whole document).  A rule that looks at the next
** clause is given it (read_ahead). */
static size_t piece_bytes(const ct_cli_run *r, int apart) {
  const ct_cli_options *o = r->opt;
  const char *env = getenv("CLAUSETAG_PIECE_BYTES");
  size_t k, n = PIECE_BYTES;
  if (!apart || o->npolicies > 0 || o->noutputs > 0 ||
      (o->input != CT_CLI_INPUT_AUTO && o->input != CT_CLI_INPUT_TEXT))
    return 0;
  for (k = 0; r->rs != NULL && k < ct_ruleset_nrules(r->rs); k++)
    if (ct_ruleset_rule(r->rs, k)->when) return 0;
  if (env != NULL && env[0] != '\0') {
    char *e;
    unsigned long long v = strtoull(env, &e, 10);
    if (*e == '\0' && v > 0 && v < (size_t)-1 / 8) n = (size_t)v;
  }
  return n;
}

/* The feeder of the run's inputs `in`, but for its pool and the outputs
** it must not read (`apart`: the run's writer writes documents apart). */
static void feed_setup(const ct_cli_run *r, int apart,
                       const ct_cli_input_list *in, ct_cli_feed *f) {
  memset(f, 0, sizeof *f);
  f->inputs = in;
  f->jsonl = r->opt->input == CT_CLI_INPUT_JSONL;
  f->invalid = r->opt->invalid;
  f->max_bytes = r->opt->max_document_bytes;
  f->piece_bytes = piece_bytes(r, apart);
  f->by_name = r->opt->input == CT_CLI_INPUT_AUTO;
  f->rs = r->rs;
  f->opt = r->opt;
  f->read_ahead = READ_AHEAD_MAX;
  f->small_bytes = READ_AHEAD_SMALL;
}

/* Feeds the inputs through n workers and writes what comes back. */
static void run_batch(loop *l, const ct_cli_input_list *in, worker *wk,
                      size_t n) {
  ct_cli_pool *pool = new_pool(wk, n,
                               l->r->opt->input == CT_CLI_INPUT_JSONL);
  ct_cli_feed f;
  if (pool == NULL) {
    out_of_memory(l);
    return;
  }
  feed_setup(l->r, ct_writer_apart(l->w), in, &f);
  f.pool = pool;
  f.outs = l->outs, f.nouts = l->nouts;
  if (ct_cli_feed_start(&f) != 0) {
    ct_cli_pool_close(pool);
    out_of_memory(l);
  } else {
    drain(l, pool);
    ct_cli_feed_join(&f);
    if (f.oom && !l->fatal) out_of_memory(l);
  }
  ct_cli_pool_free(pool);
}

/* Why the run stopped, unless the output's own failure says it. */
static void report_fatal(loop *l) {
  if (l->sink.errnum != 0 || l->err.msg[0] == '\0') return;
  ct_cli_progress_clear(&l->progress);
  if (l->sink.f == stdout) fflush(stdout);
  if (l->err.status == CT_ERULE || l->err.status == CT_ELIMIT)
    fprintf(stderr, "%s\n", l->err.msg);
  else
    fprintf(stderr, "clausetag: %s\n", l->err.msg);
}

/* Does the run read a PDF (so tsv has a page column)? */
static int reads_pdf(const ct_cli_options *o, const ct_cli_input_list *in) {
  size_t i;
  if (o->input == CT_CLI_INPUT_PDF) return 1;
  for (i = 0; o->input == CT_CLI_INPUT_AUTO && i < in->n; i++)
    if (ct_input_format_of(in->v[i].path) == CT_INPUT_PDF) return 1;
  return 0;
}

/* The writers of the other outputs (-o FORMAT:FILE), set up like the
** run's writer with their own formats (never coloured), before any file
** is touched (their bytes are dropped until open_extras); 0, or 2 after
** a message. */
static int make_extras(loop *l, const ct_writer_options *wo) {
  const ct_cli_options *o = l->r->opt;
  ct_writer_options xo = *wo;
  size_t k;
  if (o->noutputs == 0) return 0;
  if ((l->extras = calloc(o->noutputs, sizeof *l->extras)) == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  xo.flags &= ~CT_WRITE_COLOR;
  for (k = 0; k < o->noutputs; k++) {
    xo.write_ud = &l->extras[k].sink;
    if (ct_writer_new(o->outputs[k].format, NULL, &xo, &l->extras[k].w,
                      &l->err) != CT_OK) {
      fprintf(stderr, "clausetag: %s\n", l->err.msg);
      return 2;
    }
  }
  return 0;
}

/* Does any writer of the run read the results' hits? */
static int reads_hits(const loop *l) {
  size_t k;
  if (ct_writer_reads_hits(l->w)) return 1;
  for (k = 0; k < l->r->opt->noutputs; k++)
    if (ct_writer_reads_hits(l->extras[k].w)) return 1;
  return 0;
}

/* The other outputs' files; 0, or 2 after a message, with what was
** opened given up. */
static int open_extras(loop *l) {
  const ct_cli_options *o = l->r->opt;
  size_t k;
  for (k = 0; k < o->noutputs; k++) {
    extra *x = &l->extras[k];
    if (ct_cli_outfile_open(&x->out, o->outputs[k].path) != 0) break;
    x->sink.f = x->out.f;
  }
  if (k == o->noutputs) return 0;
  while (k-- > 0) ct_cli_outfile_fail(&l->extras[k].out, 0);
  return 2;
}

/* Every other output given up (fail) or put in place; 0, or 2 when one
** could not be (the rest are given up then). */
static int close_extras(loop *l, int fail) {
  size_t k;
  int rc = 0;
  for (k = 0; k < l->r->opt->noutputs; k++) {
    extra *x = &l->extras[k];
    if (fail || rc != 0) ct_cli_outfile_fail(&x->out, x->sink.errnum);
    else rc = ct_cli_outfile_commit(&x->out);
  }
  return rc;
}

/* What was not closed is dropped (the run failed). */
static void free_extras(loop *l) {
  size_t k;
  for (k = 0; l->extras != NULL && k < l->r->opt->noutputs; k++) {
    l->extras[k].sink.live = 0;
    ct_writer_close(l->extras[k].w, NULL);
  }
  free(l->extras);
  l->extras = NULL;
}

/* Writes everything to the opened output(s) with the run's writer (set
** up to drop its bytes so far); the exit status.  The other
** outputs are written first and the run's own last, so a failure leaves
** none of them half written. */
static int run_to(loop *l, ct_cli_outfile *out, const ct_cli_input_list *in,
                  worker *wk, size_t n) {
  const ct_cli_options *o = l->r->opt;
  size_t k;
  l->err.msg[0] = '\0';
  if (open_extras(l) != 0) return ct_cli_outfile_fail(out, 0);
  l->sink.f = out->f, l->sink.live = 1;
  for (k = 0; k < o->noutputs; k++) l->extras[k].sink.live = 1;
  ct_cli_progress_init(&l->progress,
                       o->input == CT_CLI_INPUT_JSONL ? 0 : in->n,
                       out->f == stdout);
  run_batch(l, in, wk, n);
  if (!l->fatal && end_writer(&l->w, &l->sink, &l->err) != CT_OK)
    l->fatal = 1;
  for (k = 0; !l->fatal && k < o->noutputs; k++)
    if (end_writer(&l->extras[k].w, &l->extras[k].sink, &l->err) != CT_OK)
      l->fatal = 1;
  ct_cli_progress_clear(&l->progress);
  if (l->fatal) {
    report_fatal(l);
    close_extras(l, 1);
    return ct_cli_outfile_fail(out, l->sink.errnum);
  }
  if (close_extras(l, 0) != 0) return ct_cli_outfile_fail(out, 0);
  if (ct_cli_outfile_commit(out) != 0) return 2;
  return l->status ? l->status : l->violated;
}

/* Workers: -j, but no more than there are files to read, unless one is
** read in pieces (the feeder's own test): that keeps every worker busy. */
static size_t nworkers(const ct_cli_run *r, int apart,
                       const ct_cli_input_list *in) {
  const ct_cli_options *o = r->opt;
  ct_cli_feed f;
  size_t k;
  if (o->input == CT_CLI_INPUT_JSONL || in->n >= o->jobs) return o->jobs;
  feed_setup(r, apart, in, &f);
  for (k = 0; k < in->n; k++)
    if (ct_cli_feed_in_pieces(&f, &in->v[k])) return o->jobs;
  return in->n ? in->n : 1;
}

/* With the inputs listed and the workers ready (a rule set that fails
** in an engine stops here, before the output is touched). */
static int run_inputs(loop *l, const ct_cli_input_list *in) {
  const ct_cli_options *o = l->r->opt;
  ct_writer_options wo;
  ct_cli_outfile out;
  ct_error err;
  size_t n;
  worker *wk;
  int rc, apart;
  memset(&wo, 0, sizeof wo);
  wo.rules = l->r->rs;
  wo.flags = l->r->wflags | (reads_pdf(o, in) ? CT_WRITE_PAGES : 0);
  wo.policies = o->policies, wo.npolicies = o->npolicies;
  wo.labels = l->r->labels, wo.nlabels = l->r->nlabels;
  wo.write = to_sink, wo.write_ud = &l->sink;
  err.msg[0] = '\0';
  if (ct_writer_new(o->format, NULL, &wo, &l->w, &err) != CT_OK) {
    fprintf(stderr, "clausetag: %s\n", err.msg);
    return 2;
  }
  apart = ct_writer_apart(l->w);
  n = nworkers(l->r, apart, in);
  if (make_extras(l, &wo) != 0) {
    ct_writer_close(l->w, NULL);
    free_extras(l);
    return 2;
  }
  if ((wk = new_workers(l->r, l->w, apart, reads_hits(l), n, &err)) == NULL) {
    fprintf(stderr, "%s\n", err.msg);
    ct_writer_close(l->w, NULL);
    free_extras(l);
    return 2;
  }
  rc = ct_cli_outfile_open(&out, o->output);
  if (rc == 0) rc = run_to(l, &out, in, wk, n);
  l->sink.live = 0;              /* what was not closed is dropped */
  ct_writer_close(l->w, NULL);
  free_extras(l);
  free_workers(l->r, wk, n);
  return rc;
}

/* The outputs' files as they are before the run, to be told from the
** inputs (feed.h): each -o FILE, and standard output without -o, that
** is a regular file (a device or a pipe is no document).  0, or -1 out
** of memory. */
static int output_ids(loop *l) {
  const ct_cli_options *o = l->r->opt;
  struct stat st;
  size_t k;
  if ((l->outs = malloc((o->noutputs + 1) * sizeof *l->outs)) == NULL)
    return -1;
  for (k = 0; k <= o->noutputs; k++) {
    const char *p = k == 0 ? o->output : o->outputs[k - 1].path;
    if ((p == NULL ? fstat(STDOUT_FILENO, &st) : stat(p, &st)) == 0 &&
        S_ISREG(st.st_mode)) {
      l->outs[l->nouts].dev = st.st_dev;
      l->outs[l->nouts++].ino = st.st_ino;
    }
  }
  return 0;
}

int ct_cli_run_all(const ct_cli_run *r) {
  const ct_cli_options *o = r->opt;
  ct_cli_input_list in;
  ct_cli_filter f;
  loop l;
  int rc;
  memset(&l, 0, sizeof l);
  l.r = r;
  f.include = o->include, f.ninclude = o->ninclude;
  f.exclude = o->exclude, f.nexclude = o->nexclude;
  if (ct_cli_inputs_expand(o->operands, o->noperands, &f, &in) != 0 ||
      output_ids(&l) != 0) {
    fputs("clausetag: out of memory\n", stderr);
    rc = 2;
  } else {
    rc = run_inputs(&l, &in);
  }
  ct_cli_inputs_free(&in);
  free(l.outs);
  return rc;
}
