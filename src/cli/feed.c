/*
** feed.c -- inputs to documents, in order, on a thread of their own.
*/
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/doc.h"
#include "cli/feed.h"
#include "cli/jsonl_in.h"

/* Queues d; 0, or -1 when the run stopped (d is freed).  Large for the
** pool's bound: all but a small file read ahead and a failure's
** message. */
static int submit(ct_cli_feed *f, ct_cli_doc *d) {
  int large;
  if (d == NULL) {
    f->oom = 1;
    return -1;
  }
  large = d->record || d->chain != NULL || (d->text == NULL && !d->failed) ||
          (d->text != NULL && ct_text_size(d->text) > f->small_bytes);
  if (ct_cli_pool_submit(f->pool, d, large) == 0) return 0;
  ct_cli_doc_free(d);
  return -1;
}

/* A document that failed before it got anywhere. */
static ct_cli_doc *failed(const char *name, ct_status s, const ct_error *e) {
  ct_cli_doc *d = ct_cli_doc_new(NULL);
  if (d != NULL) ct_cli_doc_input_failed(d, name, s, e);
  return d;
}

/* The next record as a document (NULL at the end or out of memory);
** *stop when the stream itself failed. */
static ct_cli_doc *record(ct_cli_feed *f, ct_cli_jsonl *j, int *stop) {
  ct_cli_jsonl_doc jd;
  ct_error err;
  ct_cli_doc *d;
  int more;
  ct_status s;
  err.msg[0] = '\0';
  s = ct_cli_jsonl_next(j, &jd, &more, &err);
  if (s != CT_OK) {
    *stop = s == CT_EIO || s == CT_EBINARY;
    if ((d = failed(j->name, s, &err)) == NULL) {
      f->oom = 1;
    } else {   /* the line is answered by an error record with its id */
      d->record = 1, d->line = jd.lineno;
      d->id_json = jd.id_json, d->meta_json = jd.meta_json;
      jd.id_json = jd.meta_json = NULL;
    }
    ct_cli_jsonl_doc_free(&jd);
    return d;
  }
  if (!more) return NULL;
  if ((d = ct_cli_doc_new(NULL)) == NULL) {
    ct_cli_jsonl_doc_free(&jd);
    f->oom = 1;
    return NULL;
  }
  d->text = jd.text, d->id_json = jd.id_json, d->meta_json = jd.meta_json;
  d->record = 1, d->line = jd.lineno;
  return d;
}

/* Every record of a JSON Lines input; 0, or -1 when the run stopped. */
static int feed_jsonl(ct_cli_feed *f, const char *path) {
  ct_cli_jsonl j;
  ct_cli_doc *d;
  ct_error err;
  ct_status s;
  int stop = 0, rc = 0;
  err.msg[0] = '\0';
  if ((s = ct_cli_jsonl_open(&j, path, f->invalid, f->max_bytes, &err)) !=
      CT_OK)
    return submit(f, failed(path, s, &err));
  while (rc == 0 && !stop && (d = record(f, &j, &stop)) != NULL)
    rc = submit(f, d);
  ct_cli_jsonl_close(&j);
  return f->oom ? -1 : rc;
}

/* Is `in` a regular file, and of what size?  The listing's stat when it
** made one (inputs.h), else one now.  -1: not a regular file. */
static long long regular_size(const ct_cli_source *in) {
  struct stat st;
  if (in->regular) return (long long)in->size;
  if (strcmp(in->path, "-") == 0 || stat(in->path, &st) != 0 ||
      !S_ISREG(st.st_mode) || st.st_size < 0)
    return -1;
  return (long long)st.st_size;
}

/* Plain text, and a regular file (of `size` bytes) larger than 8 pieces
** or than the size cap, or standard input, whose size is known only once
** it is read: the plan keeps its bytes as it reads them, or reads a
** regular file again (ct_plan_open), so that it can be of any size. */
static int in_pieces(const ct_cli_feed *f, const char *path, long long size) {
  if (f->piece_bytes == 0 ||
      (f->by_name && ct_input_format_of(path) != CT_INPUT_TEXT))
    return 0;
  if (strcmp(path, "-") == 0) return 1;
  if (size < 0) return 0;
  return (unsigned long long)size > 8ull * f->piece_bytes ||
         (unsigned long long)size > f->max_bytes;
}

int ct_cli_feed_in_pieces(const ct_cli_feed *f, const ct_cli_source *in) {
  return !f->jsonl && in->errnum == 0 &&
         in_pieces(f, in->path, regular_size(in));
}

/* A large file: planned, then queued piece by piece, every item holding
** the chain.  A file the plan cannot cut within the cap but that fits
** it is read whole after all. */
static int feed_pieces(ct_cli_feed *f, const char *path) {
  ct_plan *plan;
  ct_cli_chain *chain;
  ct_error err;
  ct_status s;
  size_t k;
  int rc = 0;
  err.msg[0] = '\0';
  s = ct_plan_open(path, f->invalid, f->piece_bytes, f->max_bytes, &plan,
                   &err);
  if (s == CT_ETOOBIG && strcmp(path, "-") != 0) {
    struct stat st;
    if (stat(path, &st) == 0 && (unsigned long long)st.st_size <= f->max_bytes)
      return submit(f, ct_cli_doc_new(path));
  }
  if (s != CT_OK) return submit(f, failed(path, s, &err));
  if ((chain = ct_cli_chain_new(plan, f->rs)) == NULL) {
    f->oom = 1;
    return -1;
  }
  for (k = 0; rc == 0 && k < ct_plan_pieces(chain->plan); k++) {
    ct_cli_doc *d = ct_cli_doc_new(NULL);
    if (d != NULL) {
      ct_cli_chain_hold(chain);
      d->chain = chain;
      d->cut = k;
    }
    rc = submit(f, d);
  }
  /* Items not queued never take their turn: the ones queued pass. */
  if (rc != 0) ct_cli_chain_fail(chain);
  ct_cli_chain_release(chain);
  return rc;
}

/* A file to read: with read_ahead, a small regular file (of `size`
** bytes) is read now, or is a document that failed as the worker would
** have found it. */
static ct_cli_doc *file_doc(const ct_cli_feed *f, const char *path,
                            long long size) {
  ct_cli_doc *d = ct_cli_doc_new(path);
  ct_error err;
  ct_status s;
  if (d == NULL || f->read_ahead == 0 || size < 0 ||
      (unsigned long long)size > f->read_ahead)
    return d;
  err.msg[0] = '\0';
  s = ct_text_read_format(path, ct_cli_input_format(f->opt, path),
                          f->invalid, f->max_bytes, &d->text, &err);
  if (s != CT_OK) ct_cli_doc_input_failed(d, path, s, &err);
  return d;
}

/* Is input `in` one of the run's output files?  Then it holds what an
** earlier run wrote (-o d/out.txt d: its report read as a document), or
** what this run is writing (clausetag d > d/out.txt).  Known by device
** and inode, so a link or another name is caught too; only looked at
** when an output is a regular file (a stat a file then). */
static int is_output(const ct_cli_feed *f, const ct_cli_source *in) {
  struct stat st;
  size_t k;
  if (f->nouts == 0) return 0;
  if (strcmp(in->path, "-") == 0 ? fstat(STDIN_FILENO, &st) != 0
                                 : stat(in->path, &st) != 0)
    return 0;                       /* reading it says what is wrong */
  for (k = 0; k < f->nouts; k++)
    if (st.st_dev == f->outs[k].dev && st.st_ino == f->outs[k].ino) return 1;
  return 0;
}

/* A document that failed with message `what` about input `in`. */
static int skip(ct_cli_feed *f, const ct_cli_source *in, const char *what) {
  ct_cli_doc *d = ct_cli_doc_new(NULL);
  if (d != NULL) {
    ct_cli_doc_message(d, "%s: %s",
                       strcmp(in->path, "-") == 0 ? "<stdin>" : in->path,
                       what);
    d->failed = 1;
  }
  return submit(f, d);
}

/* One input of the list: a file (or record stream), or a directory
** that could not be listed or a link without a target (inputs.h). */
static int feed_one(ct_cli_feed *f, const ct_cli_source *in) {
  char what[300];
  long long size;
  if (in->errnum != 0) {
    snprintf(what, sizeof what, "cannot read: %s", strerror(in->errnum));
    return skip(f, in, what);
  }
  if (is_output(f, in)) return skip(f, in, "input file is also the output");
  if (f->jsonl) return feed_jsonl(f, in->path);
  size = regular_size(in);
  if (in_pieces(f, in->path, size)) return feed_pieces(f, in->path);
  return submit(f, file_doc(f, in->path, size));
}

static void *feed(void *arg) {
  ct_cli_feed *f = arg;
  size_t i;
  for (i = 0; i < f->inputs->n; i++)
    if (feed_one(f, &f->inputs->v[i]) != 0) break;
  ct_cli_pool_close(f->pool);
  return NULL;
}

int ct_cli_feed_start(ct_cli_feed *f) {
  f->oom = 0;
  return pthread_create(&f->thread, NULL, feed, f) == 0 ? 0 : -1;
}

void ct_cli_feed_join(ct_cli_feed *f) {
  pthread_join(f->thread, NULL);
}
