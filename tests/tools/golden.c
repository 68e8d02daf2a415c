/*
** golden.c -- the Pragmatic Segmenter "Golden Rules" (English) through
** the segmenter.
**
**   golden [--min N] tests/data/golden_rules.jsonl
**
** Each line is {"n": N, "rule": NAME, "text": INPUT, "want": [SENTENCE...]}
** (tests/data/golden_rules.SOURCE says where they come from).  INPUT is
** segmented as a document; a rule passes when the clause texts (white
** space collapsed) are exactly the wanted sentences, with leading list
** markers ("1.)", "a.", "• 9.", "⁃10.") left out on both sides, since
** clausetag leaves them out of clause text.  Prints each failure and
** "N of M passed"; exit 1 when fewer than --min passed, 2 on bad input.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"

/* Length of a leading list marker of s, with the spaces after it. */
static size_t marker_len(const char *s) {
  static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x81\x83", "-",
                                        "*", "\xE2\x97\xA6", NULL};
  const char *p = s;
  size_t k;
  for (k = 0; bullets[k]; k++)
    if (strncmp(p, bullets[k], strlen(bullets[k])) == 0) {
      p += strlen(bullets[k]);
      while (*p == ' ') p++;
      return (size_t)(p - s);
    }
  if (*p == '(') p++;
  if (*p >= '0' && *p <= '9') {
    while (*p >= '0' && *p <= '9') p++;
  } else if (*p >= 'a' && *p <= 'z' && (p[1] == '.' || p[1] == ')')) {
    p++;
  } else {
    return 0;
  }
  if (*p == '.') p++;
  if (*p == ')') p++;
  if (p == s || (p[-1] != '.' && p[-1] != ')') || *p != ' ') return 0;
  while (*p == ' ') p++;
  return (size_t)(p - s);
}

static const char *unmarked(const char *s) {
  size_t k;
  while ((k = marker_len(s)) > 0) s += k;
  return s;
}

/* Segments text; returns the clause texts as a JSON array. */
static json_t *segment(const char *text, const ct_abbrevs *ab) {
  ct_text *t;
  ct_clause *c;
  size_t n, i;
  ct_error err;
  json_t *got = json_array();
  if (ct_text_from_buffer("golden", text, strlen(text), CT_INVALID_ERROR, &t,
                          &err) != CT_OK ||
      ct_segment(t, ab, &c, &n, &err) != CT_OK) {
    fprintf(stderr, "golden: %s\n", err.msg);
    exit(2);
  }
  for (i = 0; i < n; i++) {
    char *s = ct_clause_text(t, &c[i], 1);
    json_array_append_new(got, json_string(s));
    free(s);
  }
  free(c);
  ct_text_free(t);
  return got;
}

static int same(json_t *got, json_t *want) {
  size_t i;
  if (json_array_size(got) != json_array_size(want)) return 0;
  for (i = 0; i < json_array_size(got); i++)
    if (strcmp(unmarked(json_string_value(json_array_get(got, i))),
               unmarked(json_string_value(json_array_get(want, i)))) != 0)
      return 0;
  return 1;
}

int main(int argc, char **argv) {
  ct_abbrevs *ab = ct_abbrevs_new(1);
  long min = 0, total = 0, passed = 0;
  char *line = NULL;
  size_t cap = 0;
  FILE *f;
  int a = 1;
  if (argc > 2 && strcmp(argv[1], "--min") == 0) { min = atol(argv[2]); a = 3; }
  if (a + 1 != argc || ab == NULL) {
    fprintf(stderr, "usage: golden [--min N] RULES.jsonl\n");
    return 2;
  }
  if ((f = fopen(argv[a], "r")) == NULL) { perror(argv[a]); return 2; }
  while (getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je), *want, *got;
    const char *text;
    want = json_object_get(o, "want");
    text = json_string_value(json_object_get(o, "text"));
    if (!json_is_array(want) || text == NULL) {
      fprintf(stderr, "golden: %s: bad line %ld\n", argv[a], total + 1);
      return 2;
    }
    got = segment(text, ab);
    total++;
    if (same(got, want)) {
      passed++;
    } else {
      char *g = json_dumps(got, 0);
      char *w = json_dumps(want, 0);
      printf("FAIL #%02lld %s\n  got:  %s\n  want: %s\n",
             (long long)json_integer_value(json_object_get(o, "n")),
             json_string_value(json_object_get(o, "rule")), g, w);
      free(g);
      free(w);
    }
    json_decref(got);
    json_decref(o);
  }
  free(line);
  fclose(f);
  ct_abbrevs_free(ab);
  printf("%ld of %ld passed\n", passed, total);
  return passed < min ? 1 : 0;
}
