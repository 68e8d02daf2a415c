/*
** test_fastpath.c -- every fast path against the general path it stands
** for.
**
** The segmenter, run with its fast paths off (CT_SEG_GENERAL: every byte
** through the general steps), must cut every document into exactly the
** same clauses as with them: on the samples, the fixtures, the labelled
** documents and thousands of generated ones, by sentences and by lines.
** Columns, spans and the line index of ct_text, and JSON and TSV
** escaping, are compared with the byte-at-a-time loops they replaced,
** kept here as the reference; the column cursor with ct_text_linecol,
** numbers through the cache with ct_json_number.  Markdown structure in
** a clause's text, looked for sixteen bytes at a time, must be found at
** any offset.
*/
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "core/buf.h"
#include "helpers.h"
#include "output/json.h"
#include "output/writer.h"
#include "segment/abbrev.h"
#include "segment/segment.h"
#include "text/text.h"
#include "text/utf8.h"

static ct_abbrevs *abbrevs;

/* ---- generated documents ---------------------------------------------- */

static unsigned long long rng = 88172645463325252ULL;

static unsigned next_rand(void) {   /* xorshift64 */
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng >> 32);
}

/* Pieces the segmenter looks at, words it steps over, and odd bytes. */
static const char *const pieces[] = {
  "The ", "U.S. ", "R.O.K.", "e.g. ", "Dr. ", "J. ", "$1.1 ", "p.m. ",
  "...", "…", "?", "!", "\"", "”", "(", ")", "[", "] ", ". ", ".", " ",
  "  ", "\n", "\n\n", "\r\n", "\r", "\t", "  • ", "    ◦ ", "1. ", "2.) ",
  "(a) ", "- ", "word", "Title Case", "1) ", " 2) ", "a. ", " b. ",
  "• 9. ", " • 10. ", "⁃9. ", "가. ", " 나. ", "①", "② ", ". . .",
  "....", "you and I. ", "6 P.M. Mr. ", "2022. 5. 21. ", "” Kim said. ",
  "**", "*", "_", "[", "](https://x.org/a.b)", "> ", "\n> ", "| ", " | ",
  "\n|---|:--|\n", "<!-- c. -->", "<!--", "-->", "\n---\n", "\n===\n",
  "## ", "34.5 F\n", "Published: 14 Nov. 2025\n", "date 2025-11-20 ",
  "Key Takeaways\n", "[YONHAP]", "By Jane Smith\n", "Home > News > ",
  "InnovationAs ", "다. ", "양국은 ", "。", "」", "https://x.gov/a.b ",
  "a@b.org. ", "\xC2\xA0", "\xE3\x80\x80", "\xEF\xBB\xBF", "\xC3", "\x80",
  "\xED\xA0\x80", ":", ";", "—", "–", "\v", "\f", "\x7F", "\x01", "~|\\=",
  "word: ", "and; ", "Korea’s ", "cooperation, ", "Indo-Pacific ",
  "the United States and the Republic of Korea will work together ",
  "long-standing 100% #1 @home & co ^_^ `x` ",
  /* runs of sixteen bytes and more (bytes16.h), a word longer than one
  ** block, lines that begin with words or labels, furniture by its bytes */
  "internationalization-related-considerations.", "Supercalifragilistic ",
  "abcd) ", "abcde. ", "iv. ", "A. Smith ", "Ab.) ", "Home | News | World\n",
  "SEOUL, Nov. 14 (Yonhap) --\n", "Friday, November 14, 2025\n",
  "WASHINGTON \xE2\x80\x94\n", "Copyright 2025 ",
  "aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbb cccccccccccccccc. ",
};

/* A document of pieces and, now and then, a random byte (NUL aside). */
static size_t generate(char *buf, size_t cap) {
  const size_t np = sizeof pieces / sizeof *pieces;
  size_t len = 0, count = 1 + next_rand() % 80, k;
  for (k = 0; k < count; k++) {
    const char *p = pieces[next_rand() % np];
    size_t n = strlen(p);
    char byte;
    if (next_rand() % 8 == 0) {
      byte = (char)(1 + next_rand() % 255);
      p = &byte;
      n = 1;
    }
    if (len + n >= cap) break;
    memcpy(buf + len, p, n);
    len += n;
  }
  return len;
}

/* ---- the segmenter ----------------------------------------------------- */

static void expect_same_clauses(const char *name, const ct_clause *a,
                                size_t na, const ct_clause *b, size_t nb) {
  size_t k;
  if (na != nb) fail_msg("%s: %zu clauses, %zu in general", name, na, nb);
  for (k = 0; k < na; k++)
    if (a[k].index != b[k].index || a[k].kind != b[k].kind ||
        a[k].depth != b[k].depth || a[k].start != b[k].start ||
        a[k].end != b[k].end || a[k].line != b[k].line ||
        a[k].col != b[k].col || a[k].heading != b[k].heading ||
        a[k].title != b[k].title)
      fail_msg("%s: clause %zu is [%zu, %zu) kind %d, in general [%zu, %zu) "
               "kind %d", name, k + 1, a[k].start, a[k].end, (int)a[k].kind,
               b[k].start, b[k].end, (int)b[k].kind);
}

static void compare_modes(const char *name, const ct_text *t,
                          unsigned flags) {
  ct_clause *a, *b;
  size_t na, nb;
  ct_error err;
  const ct_abbrevs *ab = flags & CT_SEG_LINES ? NULL : abbrevs;
  assert_int_equal(ct_segment_with(t, ab, flags, &a, &na, &err), CT_OK);
  assert_int_equal(ct_segment_with(t, ab, flags | CT_SEG_GENERAL, &b, &nb,
                                   &err), CT_OK);
  expect_same_clauses(name, a, na, b, nb);
  free(a);
  free(b);
}

static void compare_segment(const char *name, const char *data, size_t len) {
  ct_text *t;
  ct_error err;
  assert_int_equal(ct_text_from_buffer(name, data, len, CT_INVALID_REPLACE,
                                       &t, &err), CT_OK);
  compare_modes(name, t, 0);
  compare_modes(name, t, CT_SEG_LINES);
  ct_text_free(t);
}

/* data[0..n) folded at `width` bytes as `fold -s` does: a line breaks
** after the last space that keeps it within the width (or at the width
** when it has none); malloc'ed, its length in *out_n. */
static char *fold_text(const char *data, size_t n, size_t width,
                       size_t *out_n) {
  char *out = malloc(2 * n + 1);
  size_t i = 0, o = 0, col = 0, space = (size_t)-1;
  assert_non_null(out);
  for (i = 0; i < n; i++) {
    out[o++] = data[i];
    if (data[i] == '\n') {
      col = 0, space = (size_t)-1;
      continue;
    }
    if (data[i] == ' ') space = o - 1;
    if (++col < width) continue;
    if (space != (size_t)-1) {           /* break at the last space */
      out[space] = '\n';
      col = o - space - 1;
    } else {
      out[o++] = '\n';
      col = 0;
    }
    space = (size_t)-1;
  }
  *out_n = o;
  return out;
}

static void compare_dir(const char *dir, size_t width) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[1024];
  assert_non_null(d);
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name), n;
    char *data;
    if (!((l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) ||
          (l > 3 && strcmp(e->d_name + l - 3, ".md") == 0)))
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    data = th_read_file(path, &n);
    if (width > 0) {
      char *folded = fold_text(data, n, width, &n);
      free(data);
      data = folded;
    }
    if (memchr(data, '\0', n) == NULL) compare_segment(path, data, n);
    free(data);
  }
  closedir(d);
}

static void segment_files(void **state) {
  (void)state;
  compare_dir("samples", 0);
  compare_dir("tests/data", 0);
  compare_dir("tests/corpus/docs", 0);
}

/* The same documents hard-wrapped, where a block's width decides. */
static void segment_files_wrapped(void **state) {
  (void)state;
  compare_dir("tests/corpus/docs", 72);
  compare_dir("tests/corpus/docs", 45);
}

static void segment_generated(void **state) {
  static char buf[8192];
  char name[32];
  int doc;
  (void)state;
  for (doc = 0; doc < 20000; doc++) {
    size_t len = generate(buf, sizeof buf);
    snprintf(name, sizeof name, "generated-%d", doc);
    compare_segment(name, buf, len);
  }
}

/* Markdown structure is looked for sixteen bytes at a time before a
** clause's text leaves it out (markdown.c): at every offset in a clause
** it must still be found. */
static void structure_any_offset(void **state) {
  static const char *const marks[][2] = {
    {"**bold**", "bold"}, {"_it_", "it"}, {"[link](https://x.org/a)", "link"},
    {"<!-- note -->", ""}, {"![pic](x.png)", "pic"},
  };
  char doc[256], want[256];
  size_t m, off;
  (void)state;
  for (m = 0; m < sizeof marks / sizeof *marks; m++) {
    for (off = 0; off < 40; off++) {
      ct_text *t;
      ct_clause *c;
      size_t n;
      ct_error err;
      char *got;
      snprintf(doc, sizeof doc, "%.*s %s and more words here to pass "
               "sixteen bytes.\n", (int)(off + 1),
               "Wordswordswordswordswordswordswordswordswords", marks[m][0]);
      snprintf(want, sizeof want, "%.*s%s%s and more words here to pass "
               "sixteen bytes.", (int)(off + 1),
               "Wordswordswordswordswordswordswordswordswords",
               *marks[m][1] ? " " : "", marks[m][1]);
      assert_int_equal(ct_text_from_buffer("md", doc, strlen(doc),
                                           CT_INVALID_REPLACE, &t, &err),
                       CT_OK);
      assert_int_equal(ct_segment(t, abbrevs, &c, &n, &err), CT_OK);
      assert_int_equal(n, 1);
      got = ct_clause_text(t, &c[0], 1);
      assert_non_null(got);
      assert_string_equal(got, want);
      free(got);
      free(c);
      ct_text_free(t);
    }
  }
}

/* A text is looked at once for the bytes Markdown structure begins with
** (ct_text_md_bytes, when it is read): no_md must say none is there
** exactly when none is, whichever byte and wherever, against a byte
** loop; and with no_md set, a clause's text is its span as it was. */
static void structure_whole_text(void **state) {
  static const char md[] = "*_[]<>";
  char buf[64];
  size_t len, at, b;
  unsigned seed = 99;
  (void)state;
  for (len = 0; len <= 48; len++)
    for (at = 0; at <= len; at++)
      for (b = 0; b < sizeof md; b++) {     /* b == 6: no such byte */
        ct_text *t;
        ct_error err;
        size_t i;
        int want = 0;
        for (i = 0; i < len; i++) {
          seed = seed * 1103515245u + 12345u;
          buf[i] = (char)(' ' + (seed >> 16) % 95);
          if (strchr(md, buf[i]) != NULL) buf[i] = 'x';
        }
        if (at < len && b < 6) buf[at] = md[b];
        for (i = 0; i < len; i++) want |= strchr(md, buf[i]) != NULL;
        assert_int_equal(ct_text_md_bytes((const unsigned char *)buf, len),
                         want);
        assert_int_equal(ct_text_from_buffer("md", buf, len,
                                             CT_INVALID_REPLACE, &t, &err),
                         CT_OK);
        assert_int_equal(t->no_md, !want);
        ct_text_free(t);
      }
  {
    static const char doc[] = "A plain first sentence here. And a second "
                              "one, plainer still.\n";
    ct_text *t;
    ct_clause *c;
    size_t n, k;
    ct_error err;
    assert_int_equal(ct_text_from_buffer("plain", doc, strlen(doc),
                                         CT_INVALID_REPLACE, &t, &err),
                     CT_OK);
    assert_true(t->no_md);
    assert_int_equal(ct_segment(t, abbrevs, &c, &n, &err), CT_OK);
    assert_int_equal(n, 2);
    for (k = 0; k < n; k++) {
      char *got = ct_clause_text(t, &c[k], 1);
      assert_non_null(got);
      assert_int_equal(strlen(got), c[k].end - c[k].start);
      assert_memory_equal(got, doc + c[k].start, c[k].end - c[k].start);
      assert_int_equal(ct_clause_mask(t, &c[k], NULL), 0);
      free(got);
    }
    free(c);
    ct_text_free(t);
  }
}

/* ---- text: columns, line starts, spans ------------------------------- */

/* Line starts after LF, CR or CRLF; column: sequences from the line's
** start (after the BOM) that end at or before the offset. */
static void reference_linecol(const unsigned char *s, size_t len, size_t body,
                              size_t off, size_t *line, size_t *col) {
  size_t i = 0, start = 0, c = 0;
  *line = 1;
  while (i < off) {
    if (s[i] == '\n' || s[i] == '\r') {
      i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
      if (i <= off) {
        ++*line;
        start = i;
      }
    } else {
      i++;
    }
  }
  for (i = start < body ? body : start; i < off;) {
    int32_t cp;
    size_t k = ct_utf8_decode(s + i, len - i, &cp);
    if (i + k > off) break;
    i += k;
    c++;
  }
  *col = c + 1;
}

/* The span copy as it was, one sequence at a time. */
static char *reference_span(const unsigned char *s, size_t len, size_t body,
                            size_t start, size_t end, int collapse) {
  char *out;
  size_t i, o = 0;
  int pending = 0;
  if (end > len) end = len;
  if (start < body) start = body;
  if (start > end) start = end;
  out = malloc(3 * (end - start) + 1);
  assert_non_null(out);
  for (i = start; i < end;) {
    int32_t cp;
    size_t k = ct_utf8_decode(s + i, end - i, &cp);
    if (collapse && ct_cp_isspace(cp)) {
      pending = o > 0;
    } else {
      if (pending) out[o++] = ' ';
      pending = 0;
      if (cp < 0 || (collapse && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))) {
        memcpy(out + o, "\xEF\xBF\xBD", 3);
        o += 3;
      } else {
        memcpy(out + o, s + i, k);
        o += k;
      }
    }
    i += k;
  }
  out[o] = '\0';
  return out;
}

/* Positions at `every` offset (1: all), and 50 spans. */
static void compare_text(const char *data, size_t len, size_t every) {
  const unsigned char *s = (const unsigned char *)data;
  ct_text *t;
  ct_error err;
  size_t off, k, body;
  ct_buf b = {0};
  assert_int_equal(ct_text_from_buffer("t", data, len, CT_INVALID_REPLACE,
                                       &t, &err), CT_OK);
  body = ct_text_body(t);
  for (off = next_rand() % every; off <= len; off += every) {
    size_t l1, c1, l2, c2;
    ct_text_linecol(t, off, &l1, &c1);
    reference_linecol(s, len, body, off, &l2, &c2);
    if (l1 != l2 || c1 != c2)
      fail_msg("offset %zu: %zu:%zu, reference %zu:%zu", off, l1, c1, l2, c2);
  }
  {                       /* offsets in increasing order, the cursor */
    ct_linecol lc;
    memset(&lc, 0, sizeof lc);
    for (off = next_rand() % 4; off <= len + 2; off += next_rand() % 40) {
      size_t l1, c1, l2, c2;
      ct_text_linecol_next(t, &lc, off, &l1, &c1);
      ct_text_linecol(t, off, &l2, &c2);
      if (l1 != l2 || c1 != c2)
        fail_msg("offset %zu: cursor %zu:%zu, ct_text_linecol %zu:%zu", off,
                 l1, c1, l2, c2);
    }
  }
  for (k = 0; k < 50; k++) {
    size_t a = next_rand() % (len + 1), e = next_rand() % (len + 1);
    int collapse = (int)(k & 1);
    char *got = ct_text_span(t, a, e, collapse);
    char *want = reference_span(s, len, body, a, e, collapse);
    assert_string_equal(got, want);
    ct_buf_clear(&b);
    assert_int_equal(ct_buf_add(&b, "x", 1), CT_OK);
    assert_int_equal(ct_text_span_add(&b, t, a, e, collapse), CT_OK);
    assert_string_equal(b.s + 1, want);
    free(got);
    free(want);
  }
  ct_buf_free(&b);
  ct_text_free(t);
}

static void text_generated(void **state) {
  static char buf[8192];
  int doc;
  (void)state;
  for (doc = 0; doc < 3000; doc++)
    compare_text(buf, generate(buf, sizeof buf), 1);
}

/* Lines longer than a mark's stride (CT_MARK_EVERY), so columns come
** from the marks. */
static void text_long_lines(void **state) {
  static char buf[3 * CT_MARK_EVERY + 100];
  int doc;
  (void)state;
  for (doc = 0; doc < 20; doc++) {
    size_t len = 0;
    while (len + 64 < sizeof buf) {
      size_t n = generate(buf + len, 64);
      size_t k;
      for (k = len; k < len + n; k++)
        if (buf[k] == '\n' || buf[k] == '\r') buf[k] = ' ';
      len += n;
    }
    compare_text(buf, len, 97);
  }
}

/* ---- escaping ------------------------------------------------------------ */

static void reference_json(ct_buf *b, const unsigned char *s, size_t n) {
  size_t i = 0;
  char tmp[8];
  ct_buf_addc(b, '"');
  while (i < n) {
    int32_t cp;
    size_t k = ct_utf8_decode(s + i, n - i, &cp);
    if (cp < 0) {
      ct_buf_adds(b, "\xEF\xBF\xBD");
    } else if (cp == '"' || cp == '\\') {
      ct_buf_addc(b, '\\');
      ct_buf_addc(b, (char)cp);
    } else if (cp < 0x20) {
      const char *named = cp == '\n' ? "\\n" : cp == '\r' ? "\\r"
                          : cp == '\t' ? "\\t" : cp == '\b' ? "\\b"
                          : cp == '\f' ? "\\f" : NULL;
      if (named == NULL) {
        snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
        named = tmp;
      }
      ct_buf_adds(b, named);
    } else {
      ct_buf_add(b, s + i, k);
    }
    i += k;
  }
  ct_buf_addc(b, '"');
}

static void reference_tsv(ct_buf *b, const unsigned char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ct_buf_addc(b, ' ');
    else if (s[i] < 0x20 || s[i] == 0x7F) ct_buf_adds(b, "\xEF\xBF\xBD");
    else if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
      ct_buf_adds(b, "\xEF\xBF\xBD"), i++;   /* a C1 control */
    else ct_buf_addc(b, (char)s[i]);
  }
}

static void escaping_generated(void **state) {
  static char buf[2048];
  ct_buf got = {0}, want = {0};
  int k;
  (void)state;
  for (k = 0; k < 5000; k++) {
    size_t n = generate(buf, sizeof buf);
    if (k % 3 == 0) buf[next_rand() % (n + 1)] = '\0';   /* a NUL inside */
    ct_buf_clear(&got);
    ct_buf_clear(&want);
    assert_int_equal(ct_json_string(&got, buf, n), CT_OK);
    reference_json(&want, (const unsigned char *)buf, n);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.s, want.s, got.len);
    ct_buf_clear(&got);
    ct_buf_clear(&want);
    assert_int_equal(ct_tsv_field_n(&got, buf, n), CT_OK);
    reference_tsv(&want, (const unsigned char *)buf, n);
    assert_int_equal(got.len, want.len);
    if (got.len) assert_memory_equal(got.s, want.s, got.len);
  }
  ct_buf_free(&got);
  ct_buf_free(&want);
}

/* Numbers through the cache are the numbers without it, repeated ones
** and slot collisions included. */
static void numbers_cached(void **state) {
  static const double fixed[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.392, 1e20,
                                 1e-7, 123456789.0, 1.0 / 3.0};
  static ct_numcache cache;   /* zeroed */
  ct_buf got = {0}, want = {0};
  int k;
  (void)state;
  for (k = 0; k < 20000; k++) {
    double v;
    unsigned r = next_rand();
    if (k % 4 == 0) v = fixed[r % (sizeof fixed / sizeof *fixed)];
    else if (k % 4 == 1) v = (double)(r % 2000) / 100.0 - 10.0;
    else if (k % 4 == 2) v = (double)r * 1e-3 * (r & 1 ? -1 : 1);
    else v = k % 3 == 0 ? NAN : k % 3 == 1 ? INFINITY : -INFINITY;
    ct_buf_clear(&got);
    ct_buf_clear(&want);
    assert_int_equal(ct_json_number_cached(&got, v, &cache), CT_OK);
    assert_int_equal(ct_json_number(&want, v), CT_OK);
    assert_string_equal(got.s, want.s);
  }
  ct_buf_free(&got);
  ct_buf_free(&want);
}

/* ct_buf_addu is %zu. */
static void decimal(void **state) {
  static const size_t v[] = {0, 1, 9, 10, 99, 100, 12345, 4294967295u,
                             (size_t)-1};
  char want[32];
  size_t k;
  ct_buf b = {0};
  (void)state;
  for (k = 0; k < sizeof v / sizeof *v; k++) {
    ct_buf_clear(&b);
    assert_int_equal(ct_buf_addu(&b, v[k]), CT_OK);
    snprintf(want, sizeof want, "%zu", v[k]);
    assert_string_equal(b.s, want);
  }
  ct_buf_free(&b);
}

static int setup(void **state) {
  (void)state;
  abbrevs = ct_abbrevs_new(1);
  return abbrevs == NULL;
}

static int teardown(void **state) {
  (void)state;
  ct_abbrevs_free(abbrevs);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(segment_files),
    cmocka_unit_test(segment_files_wrapped),
    cmocka_unit_test(segment_generated),
    cmocka_unit_test(structure_any_offset),
    cmocka_unit_test(structure_whole_text),
    cmocka_unit_test(text_generated),
    cmocka_unit_test(text_long_lines),
    cmocka_unit_test(escaping_generated),
    cmocka_unit_test(numbers_cached),
    cmocka_unit_test(decimal),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
