/*
** run.c -- reading inputs as documents and writing them out.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/inputs.h"
#include "cli/jsonl_in.h"
#include "cli/run.h"

void ct_cli_run_init(ct_cli_run *r, const ct_cli_options *opt,
                     const ct_abbrevs *ab) {
  memset(r, 0, sizeof *r);
  r->opt = opt;
  r->ab = ab;
}

void ct_cli_run_message(const ct_cli_run *r, const char *msg) {
  if (r->w.out == stdout) fflush(stdout);   /* keep terminal order */
  fprintf(stderr, "%s\n", msg);
}

/* A failed input: its message as the library wrote it ("FILE:3:7: ..."). */
static void input_failed(ct_cli_run *r, const char *path, ct_status s,
                         const ct_error *err) {
  char msg[1200];
  if (err->msg[0] != '\0')
    ct_cli_run_message(r, err->msg);
  else {
    snprintf(msg, sizeof msg, "%s: %s", path, ct_strerror(s));
    ct_cli_run_message(r, msg);
  }
  r->status = 2;
}

ct_status ct_cli_run_write(ct_cli_run *r, const ct_cli_doc *d,
                           ct_error *err) {
  return ct_writer_document_info(&r->w, d->text, d->clauses, d->n, &d->info,
                                 err);
}

static ct_status cut(const ct_cli_run *r, const ct_text *t, ct_clause **c,
                     size_t *n, ct_error *err) {
  if (r->opt->input == CT_CLI_INPUT_LINES)
    return ct_segment_lines(t, c, n, err);
  return ct_segment(t, r->ab, c, n, err);
}

/* Cuts one document and runs the command's step on it. */
static void process(ct_cli_run *r, const ct_text *t, const char *id_json,
                    const char *meta_json) {
  ct_cli_doc d;
  ct_clause *c = NULL;
  ct_error err;
  ct_status s;
  memset(&d, 0, sizeof d);
  err.msg[0] = '\0';
  if ((s = cut(r, t, &c, &d.n, &err)) != CT_OK) {
    input_failed(r, ct_text_name(t), s, &err);
    return;
  }
  d.text = t, d.clauses = c;
  d.info.id_json = id_json, d.info.meta_json = meta_json;
  s = r->step ? r->step(r, &d, &r->err) : ct_cli_run_write(r, &d, &r->err);
  if (s != CT_OK) r->fatal = 1;
  free(c);
}

/* Every record of a JSON Lines input, each flushed as soon as it is
** written so a process at the other end of a pipe gets its answer. */
static void jsonl_input(ct_cli_run *r, const char *path) {
  ct_cli_jsonl j;
  ct_cli_jsonl_doc d;
  ct_error err;
  ct_status s;
  int more = 1;
  err.msg[0] = '\0';
  if ((s = ct_cli_jsonl_open(&j, path, r->opt->invalid, &err)) != CT_OK) {
    input_failed(r, path, s, &err);
    return;
  }
  while (more && !r->fatal) {
    s = ct_cli_jsonl_next(&j, &d, &more, &err);
    if (s != CT_OK) {
      input_failed(r, path, s, &err);
      if (s == CT_EIO) break;
      continue;
    }
    if (more) process(r, d.text, d.id_json, d.meta_json);
    ct_cli_jsonl_doc_free(&d);
    if (r->w.out == stdout && !r->fatal) fflush(stdout);
  }
  ct_cli_jsonl_close(&j);
}

static int one_input(void *ctx, const char *path) {
  ct_cli_run *r = ctx;
  ct_text *t = NULL;
  ct_error err;
  ct_status s;
  if (r->opt->input == CT_CLI_INPUT_JSONL) {
    jsonl_input(r, path);
    return r->fatal;
  }
  err.msg[0] = '\0';
  s = ct_text_read_file(path, r->opt->invalid, &t, &err);
  if (s != CT_OK) input_failed(r, path, s, &err);
  else process(r, t, NULL, NULL);
  ct_text_free(t);
  return r->fatal;
}

static void run_inputs(ct_cli_run *r) {
  static const char *const stdin_only[] = {"-"};
  const char *const *ops = r->opt->noperands ? r->opt->operands : stdin_only;
  size_t i, n = r->opt->noperands ? r->opt->noperands : 1;
  for (i = 0; i < n && !r->fatal; i++)
    if (ct_cli_inputs_each(ops[i], one_input, r) == 2) r->status = 2;
}

/* Why the run stopped, unless the output's own failure says it. */
static void report_fatal(const ct_cli_run *r) {
  char msg[1200];
  if (r->w.errnum != 0 || r->err.msg[0] == '\0') return;
  if (r->err.status == CT_ERULE || r->err.status == CT_ELIMIT)
    ct_cli_run_message(r, r->err.msg);
  else {
    snprintf(msg, sizeof msg, "clausetag: %s", r->err.msg);
    ct_cli_run_message(r, msg);
  }
}

/* Writes everything to the opened output; the exit status. */
static int run_to(ct_cli_run *r, ct_cli_outfile *out) {
  ct_writer_init(&r->w, r->opt->format, out->f);
  r->w.rs = r->rs;
  r->w.flags = r->wflags;
  r->err.msg[0] = '\0';
  if (ct_writer_begin(&r->w, &r->err) != CT_OK) r->fatal = 1;
  if (!r->fatal) run_inputs(r);
  if (!r->fatal && ct_writer_end(&r->w, &r->err) != CT_OK) r->fatal = 1;
  if (r->fatal) {
    report_fatal(r);
    return ct_cli_outfile_fail(out, r->w.errnum);
  }
  return ct_cli_outfile_commit(out) ? 2 : r->status;
}

int ct_cli_run_all(ct_cli_run *r) {
  ct_cli_outfile out;
  int rc = ct_cli_outfile_open(&out, r->opt->output);
  if (rc != 0) return rc;
  rc = run_to(r, &out);
  ct_writer_free(&r->w);
  return rc;
}
