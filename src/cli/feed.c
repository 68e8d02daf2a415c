/*
** feed.c -- inputs to documents, in order, on a thread of their own.
*/
#include <stdlib.h>
#include <string.h>
#include "cli/doc.h"
#include "cli/feed.h"
#include "cli/jsonl_in.h"

/* Queues d; 0, or -1 when the run stopped (d is freed). */
static int submit(ct_cli_feed *f, ct_cli_doc *d) {
  if (d == NULL) {
    f->oom = 1;
    return -1;
  }
  if (ct_cli_pool_submit(f->pool, d) == 0) return 0;
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
    if ((d = failed(j->name, s, &err)) == NULL) f->oom = 1;
    return d;
  }
  if (!more) return NULL;
  if ((d = ct_cli_doc_new(NULL)) == NULL) {
    ct_cli_jsonl_doc_free(&jd);
    f->oom = 1;
    return NULL;
  }
  d->text = jd.text, d->id_json = jd.id_json, d->meta_json = jd.meta_json;
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

/* One input of the list: a file (or record stream), or a directory
** that could not be listed. */
static int feed_one(ct_cli_feed *f, const ct_cli_source *in) {
  ct_cli_doc *d;
  if (in->errnum != 0) {
    if ((d = ct_cli_doc_new(NULL)) != NULL) {
      ct_cli_doc_message(d, "%s: cannot read: %s", in->path,
                         strerror(in->errnum));
      d->failed = 1;
    }
    return submit(f, d);
  }
  if (f->jsonl) return feed_jsonl(f, in->path);
  return submit(f, ct_cli_doc_new(in->path));
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
