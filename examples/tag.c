/* tag.c -- classify one document and write it as `clausetag classify
** -r RULES -f FORMAT FILE` does (FORMAT: jsonl unless given).
**   cc tag.c $(pkg-config --cflags --libs clausetag) -o tag
**   ./tag "$(pkg-config --variable=rulesdir clausetag)" doc.txt [sarif]
** docs/library.md walks through it. */
#include <stdio.h>
#include <clausetag.h>

int main(int argc, char **argv) {
  ct_ruleset *rs = NULL;
  ct_engine *e = NULL;
  ct_text *t = NULL;
  ct_clause *c = NULL;
  ct_results *r = NULL;
  ct_writer *w = NULL;
  ct_writer_options wo = {0};
  size_t n = 0;
  ct_error err;
  ct_status s;
  if (argc < 3 || argc > 4) {
    fputs("usage: tag RULES FILE [FORMAT]\n", stderr);
    return 2;
  }
  s = ct_ruleset_load((const char *const *)&argv[1], 1, NULL, &rs, &err);
  if (s == CT_OK) s = ct_engine_new(rs, &e, &err);
  if (s == CT_OK)
    s = ct_text_read_format(argv[2], ct_input_format_of(argv[2]),
                            CT_INVALID_ERROR, CT_DEFAULT_MAX_DOCUMENT_BYTES,
                            &t, &err);
  if (s == CT_OK) s = ct_segment(t, ct_ruleset_abbrevs(rs), &c, &n, &err);
  if (s == CT_OK && n > 0) s = ct_engine_classify(e, t, c, n, NULL, &r, &err);
  wo.rules = rs;   /* classify formats, with these labels */
  if (s == CT_OK)
    s = ct_writer_new(argc > 3 ? argv[3] : "jsonl", stdout, &wo, &w, &err);
  if (s == CT_OK) s = ct_writer_write(w, t, c, n, r, &err);
  if (s == CT_OK) s = ct_writer_close(w, &err);   /* flushes, frees */
  else ct_writer_close(w, NULL);
  if (s != CT_OK) fprintf(stderr, "tag: %s\n", err.msg);
  ct_results_free(r);
  ct_clauses_free(c);
  ct_text_free(t);
  ct_engine_free(e);
  ct_ruleset_free(rs);
  return s == CT_OK ? 0 : 2;
}
