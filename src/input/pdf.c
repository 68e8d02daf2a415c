/*
** pdf.c -- a PDF file's text, page by page (input.h).
**
** poppler reads the file and gives, per page, its text in reading order
** (one line per line of type) and a box for every character.  The source
** every offset is reported in is that text layer: the pages' texts, each
** followed by a form feed, so `page`, and `line` and `col` within the
** page, are those of the text poppler shows for the page.
**
** From the layer to the text a reader cuts into clauses:
**   - running heads, footers and page numbers are left out: a line among
**     the first or last three of a page that comes back (digits aside)
**     on at least half of the pages, and at least two, or that is only a
**     page number (`3`, `- 3 -`, `Page 3 of 7`); and a line anywhere
**     that comes back on four pages in five (and three): printers' lines
**     and margin notes that the text order puts in mid-page;
**   - a paragraph ends where the gap to the next line is clearly larger
**     than the usual line pitch, the font height changes, or the next
**     line is indented as a first line is; the segmenter then sees a
**     blank line there, as in a plain-text file;
**   - inside a paragraph a line break stays a line break (never a clause
**     boundary by itself), a line indented under the first line of its
**     paragraph (a list item's runover) is indented in the text, and a
**     word hyphenated at the end of a line is joined again;
**   - a paragraph that runs on from one page to the next stays one;
**   - a note reference is left out: a run of digits or note signs in
**     smaller type raised above the character before it, when that is
**     not a digit (an exponent) and not the line's start (a note's own
**     number), so that "action.6 The FAA" is two sentences and
**     "alert,5 and" reads "alert, and"; and a note's own number, raised
**     at the start of its line, does not stand for the line's type size
**     and baseline (lead_char), so a footnote's first line is no
**     paragraph, let alone heading, of its own.
**
** poppler's work grows with the file and with its pages, so a file may
** have at most CT_PDF_MAX_PAGES pages and a page at most
** CT_PDF_MAX_PAGE_BYTES of text; the file itself is bounded by the size
** cap before poppler sees it.  poppler is not asked to be reentrant:
** one PDF is read at a time (a mutex), the other work goes on beside it.
*/
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "core/error.h"
#include "input/input.h"
#include "input/popplerlib.h"
#include "text/srcmap.h"
#include "text/utf8.h"
#include "core/grow.h"

#define EDGE_LINES 3        /* lines at the top and bottom of a page that
                            ** may be furniture */
#define GAP_FACTOR 1.25     /* a pitch this much over the usual: a break */
#define SIZE_CHANGE 0.08    /* a font size this much larger or smaller */
#define TITLE_SIZE 1.5      /* type this much larger than the body's */
#define NOTE_HEIGHT 0.8     /* a note reference's box: at most this much
                            ** of the character's before it in height, */
#define NOTE_RAISE 0.15     /* its bottom at least this much of that
                            ** height above that character's */

/* The usual line pitch and font size of a document's body. */
typedef struct usual_t {
  double pitch, size;
} usual_t;

/* One non-blank line of the text layer, or a piece of one: poppler puts
** on one line text that only shares a row, a column's heading beside the
** next column's ("Reading Input LinesNavigation and Searching"), the
** last line of a column before the first of the next; a line is cut
** where its characters jump across the page (split). */
typedef struct pline {
  size_t a, b;              /* its bytes in the layer, without the '\n' */
  size_t page;              /* from 0 */
  double x, base, size;     /* of its first character, in points: left,
                            ** bottom of its box, font size (the box's
                            ** height where poppler gives no font) */
  double x2;                /* the right of its last character */
  int split;                /* begins inside a line of the layer */
  int furniture;
} pline;

/* Layer bytes [a, b): a note reference, left out of the text. */
typedef struct span {
  size_t a, b;
} span;

typedef struct pdf {
  const char *name;
  const ct_popplerlib *pl;
  ct_buf layer;             /* the pages' text, each followed by '\f' */
  size_t *pages;            /* where each page starts in the layer */
  size_t npages;
  pline *lines;
  size_t nlines, cap;
  size_t searched;          /* bytes of the layer read looking for words */
  span *notes;              /* in layer order */
  size_t nnotes, ncap;
} pdf;

static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- reading the pages --------------------------------------------------- */

static ct_status add_line(pdf *p, const pline *l) {
  if (p->nlines == p->cap) {
    pline *v = ct_grow(p->lines, p->nlines, &p->cap, sizeof *v, 256);
    if (v == NULL) return CT_ENOMEM;
    p->lines = v;
  }
  p->lines[p->nlines++] = *l;
  return CT_OK;
}

static int blank(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

/* Font sizes by character, from poppler's runs of text attributes. */
typedef struct sizes {
  GList *runs, *at;
} sizes;

static double size_at(sizes *z, guint k, const PopplerRectangle *r) {
  for (; z->at != NULL; z->at = z->at->next) {
    const PopplerTextAttributes *t = z->at->data;
    if ((guint)t->end_index >= k) {
      if ((guint)t->start_index <= k && t->font_size > 0) return t->font_size;
      break;
    }
  }
  return r->y2 - r->y1;
}

/* Does character k leave the row of character k - 1: a jump to the right
** of more than two font sizes, or up or down by more than a line? */
static int jumps(const PopplerRectangle *r, guint k, double size) {
  return r[k].x1 - r[k - 1].x2 > 2 * size ||
         fabs(r[k].y2 - r[k - 1].y2) > 1.5 * size;
}

/* The character after the one at q (poppler's text is UTF-8): never
** past the terminating NUL. */
static const char *next_char(const char *q) {
  do q++; while (((unsigned char)*q & 0xC0) == 0x80);
  return q;
}

/* Can the character at q be part of a note reference (ct_note_char)? */
static int note_char(const char *q) {
  int32_t cp;
  ct_utf8_decode((const unsigned char *)q, strnlen(q, 4), &cp);
  return ct_note_char(cp);
}

/* Is box n in smaller type raised above box b, as a superscript is? */
static int raised(const PopplerRectangle *b, const PopplerRectangle *n) {
  double h = b->y2 - b->y1;
  return h > 0 && n->y2 - n->y1 <= NOTE_HEIGHT * h &&
         n->y2 <= b->y2 - NOTE_RAISE * h;
}

/* Notes the note reference that starts at character k (at q, layer
** offset `at`) of a line that starts at character `first`, if one does:
** it runs while its characters are raised above the character before it
** (before a space there, which then goes with it: "limit ¹² the").  Only
** what starts with a digit or a sign counts, after anything but a digit. */
static void note_at(pdf *p, const char *q, guint k, guint first,
                    const PopplerRectangle *r, guint nr, size_t at) {
  const char *e = q;
  guint j = k, b = k - 1;
  size_t space = 0;
  span *v;
  if (k <= first || k >= nr || !note_char(q) || *q == ',' || *q == '-')
    return;
  if (q[-1] == ' ' && k >= first + 2 && q[-2] != ' ') b = k - 2, space = 1;
  if ((q[-1 - (int)space] >= '0' && q[-1 - (int)space] <= '9') ||
      (q[-1] == ' ' && !space))
    return;
  while (*e != '\0' && j < nr && note_char(e) && raised(&r[b], &r[j]))
    e = next_char(e), j++;
  if (e == q || e[-1] == ',' || e[-1] == '-') return;
  if ((v = ct_grow(p->notes, p->nnotes, &p->ncap, sizeof *v, 16)) == NULL)
    return;             /* out of memory: the note stays in the text */
  p->notes = v;
  v[p->nnotes++] = (span){at - space, at + (size_t)(e - q)};
}

/* The character that gives the type and baseline of a line whose
** characters are [first, end) (line: the first's bytes): the first, or
** the one after a note's own number raised in small type at its start
** (a footnote), which is no measure of the line. */
static guint lead_char(const char *line, guint first, guint end,
                       const PopplerRectangle *r, guint nr) {
  const char *q = line;
  guint j = first;
  while (j < end && j < nr && *q >= '0' && *q <= '9') q = next_char(q), j++;
  if (j == first) return first;
  while (j < end && j < nr && *q == ' ') q = next_char(q), j++;
  return j < end && j < nr && raised(&r[j], &r[first]) ? j : first;
}

/* Splits a page's text (at `base` in the layer) into lines, each with
** the box of its first character (rects: one per character). */
static ct_status page_lines(pdf *p, size_t page, const char *t, size_t base,
                            const PopplerRectangle *r, guint nr, sizes *z) {
  const char *q = t, *line = t;
  guint k = 0, first = 0;
  int split = 0;
  double size = 0;
  for (;; q = next_char(q), k++) {
    int cut = *q != '\n' && *q != '\0' && k > first && k < nr &&
              q[-1] != ' ' && *q != ' ' && jumps(r, k, size);
    /* (a note's further characters are not raised above its first) */
    note_at(p, q, k, first, r, nr, base + (size_t)(q - t));
    if (*q == '\n' || *q == '\0' || cut) {
      pline l;
      memset(&l, 0, sizeof l);
      l.a = base + (size_t)(line - t), l.b = base + (size_t)(q - t);
      /* poppler ends some pages' text with a form feed: not the line's */
      while (l.b > l.a && (t[l.b - base - 1] == '\f' ||
                           t[l.b - base - 1] == '\r'))
        l.b--;
      l.page = page, l.split = split;
      if (first < nr) {
        guint lead = lead_char(line, first, k, r, nr);
        l.x = r[first].x1, l.base = r[lead].y2;
        l.size = size_at(z, lead, &r[lead]);
        l.x2 = k > first && k - 1 < nr ? r[k - 1].x2 : r[first].x2;
      }
      if (!blank(line, (size_t)(q - line)) && add_line(p, &l) != CT_OK)
        return CT_ENOMEM;
      if (*q == '\0') return CT_OK;
      split = cut;
      line = cut ? q : q + 1, first = cut ? k : k + 1;
      if (first < nr) size = size_at(z, first, &r[first]);
    } else if (k == first && k < nr) {
      size = size_at(z, k, &r[k]);
    }
  }
}

static ct_status read_page(pdf *p, PopplerDocument *doc, int i,
                           ct_error *err) {
  const ct_popplerlib *pl = p->pl;
  PopplerPage *page = pl->document_get_page(doc, i);
  PopplerRectangle *rects = NULL;
  guint nr = 0;
  char *t;
  size_t n, base = p->layer.len;
  ct_status st = CT_OK;
  if (page == NULL)
    return ct_fail(err, CT_ESYNTAX, "%s: page %d: cannot be read", p->name,
                   i + 1);
  t = pl->page_get_text(page);
  n = t ? strlen(t) : 0;
  if (n > CT_PDF_MAX_PAGE_BYTES)
    st = ct_fail(err, CT_ETOOBIG, "%s: page %d: more than %zu bytes of text",
                 p->name, i + 1, CT_PDF_MAX_PAGE_BYTES);
  else if (ct_buf_add(&p->layer, t ? t : "", n) != CT_OK ||
           ct_buf_addc(&p->layer, '\f') != CT_OK)
    st = ct_fail(err, CT_ENOMEM, "%s: out of memory", p->name);
  if (st == CT_OK && n > 0) {
    sizes z;
    z.runs = z.at = pl->page_get_text_attributes(page);
    pl->page_get_text_layout(page, &rects, &nr);
    if (page_lines(p, (size_t)i, p->layer.s + base, base, rects, nr, &z)
        != CT_OK)
      st = ct_fail(err, CT_ENOMEM, "%s: out of memory", p->name);
    pl->page_free_text_attributes(z.runs);
  }
  pl->gfree(rects);
  pl->gfree(t);
  pl->object_unref(page);
  return st;
}

static ct_status open_failed(const pdf *p, GError *e, ct_error *err) {
  const char *name = p->name;
  ct_status st;
  if (e != NULL && e->domain == p->pl->error_quark() &&
      e->code == POPPLER_ERROR_ENCRYPTED)
    st = ct_fail(err, CT_ESYNTAX, "%s: encrypted PDF (it needs a password;"
                 " decrypt it first, e.g. with qpdf --decrypt)", name);
  else
    st = ct_fail(err, CT_ESYNTAX, "%s: not a PDF poppler can read (%.200s)",
                 name, e && e->message ? e->message : "unknown error");
  if (e != NULL) p->pl->error_free(e);
  return st;
}

static ct_status read_pages(pdf *p, const void *data, size_t len,
                            size_t max_bytes, ct_error *err) {
  const ct_popplerlib *pl = p->pl;
  GBytes *bytes = pl->bytes_new_static(data, len);
  GError *e = NULL;
  PopplerDocument *doc = pl->document_new_from_bytes(bytes, NULL, &e);
  ct_status st = CT_OK;
  int i, n;
  if (doc == NULL) {
    pl->bytes_unref(bytes);
    return open_failed(p, e, err);
  }
  n = pl->document_get_n_pages(doc);
  if (n > CT_PDF_MAX_PAGES)
    st = ct_fail(err, CT_ETOOBIG, "%s: %d pages, more than %d", p->name, n,
                 CT_PDF_MAX_PAGES);
  else if (n <= 0 || (p->pages = calloc((size_t)n, sizeof *p->pages)) == NULL)
    st = n <= 0 ? ct_fail(err, CT_ESYNTAX, "%s: a PDF without pages", p->name)
                : ct_fail(err, CT_ENOMEM, "%s: out of memory", p->name);
  for (i = 0; st == CT_OK && i < n; i++) {
    p->pages[p->npages++] = p->layer.len;
    st = read_page(p, doc, i, err);
    if (st == CT_OK && p->layer.len > max_bytes)
      st = ct_fail(err, CT_ETOOBIG, "%s: page %d: the text passes %zu bytes,"
                   " the document size cap", p->name, i + 1, max_bytes);
  }
  pl->object_unref(doc);
  pl->bytes_unref(bytes);
  return st;
}

/* ---- page furniture ------------------------------------------------------ */

/* The line with its digits as '#' and white space trimmed, into key. */
static void line_key(const pdf *p, const pline *l, char *key, size_t size) {
  size_t i, n = 0;
  for (i = l->a; i < l->b && n + 1 < size; i++) {
    char c = p->layer.s[i];
    if (c == ' ' && (n == 0 || key[n - 1] == ' ')) continue;
    key[n++] = c >= '0' && c <= '9' ? '#' : c;
  }
  while (n > 0 && key[n - 1] == ' ') n--;
  key[n] = '\0';
}

/* `3`, `- 3 -`, `Page 3`, `3 of 7`, `Page 3 of 7`, `3/7` (as keys). */
static int page_number(const char *k) {
  if (strncmp(k, "Page ", 5) == 0 || strncmp(k, "page ", 5) == 0) k += 5;
  if (strncmp(k, "- ", 2) == 0 || *k == '-') k += k[1] == ' ' ? 2 : 1;
  if (*k != '#') return 0;
  while (*k == '#') k++;
  if (strncmp(k, " of ", 4) == 0 || *k == '/') {
    k += *k == '/' ? 1 : 4;
    if (*k != '#') return 0;
    while (*k == '#') k++;
  }
  if (strcmp(k, " -") == 0 || strcmp(k, "-") == 0) k += strlen(k);
  return *k == '\0';
}

/* A line with its key, and whether it is at the top or bottom of its
** page (one of the first or last EDGE_LINES). */
typedef struct keyed {
  char key[64];
  size_t page, line;
  int edge;
} keyed;

static int by_key(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c != 0) return c;
  return x->page < y->page ? -1 : x->page > y->page;
}

static keyed *keyed_lines(const pdf *p) {
  keyed *v = malloc((p->nlines ? p->nlines : 1) * sizeof *v);
  size_t i = 0, k;
  if (v == NULL) return NULL;
  while (i < p->nlines) {
    size_t j = i;
    while (j < p->nlines && p->lines[j].page == p->lines[i].page) j++;
    for (k = i; k < j; k++) {
      line_key(p, &p->lines[k], v[k].key, sizeof v[k].key);
      v[k].page = p->lines[k].page, v[k].line = k;
      v[k].edge = k - i < EDGE_LINES || j - k <= EDGE_LINES;
    }
    i = j;
  }
  return v;
}

/* `06AUP1`, `E:\\FR\\FM\\06AUP1.SGM`: one word with digits (as a key, '#')
** and letters, a printer's code. */
static int printer_code(const char *k) {
  int digits = 0, letters = 0;
  for (; *k; k++) {
    if (*k == ' ') return 0;
    digits |= *k == '#';
    letters |= (*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z');
  }
  return digits && letters;
}

/* Is a line that comes back on `pages` pages furniture?  At the top or
** bottom of a page: a page number, or back on half of the pages (and
** two); elsewhere (a margin note, a printer's line that the text order
** puts mid-page): back on four pages in five (and three), or on half of
** them (and three) for a printer's code of one word. */
static int furniture(const keyed *k, size_t pages, size_t npages) {
  if (k->edge)
    return page_number(k->key) || (pages >= 2 && 2 * pages >= npages);
  if (printer_code(k->key)) return pages >= 3 && 2 * pages >= npages;
  return pages >= 3 && 5 * pages >= 4 * npages;
}

static ct_status mark_furniture(pdf *p) {
  size_t i = 0, k;
  keyed *v = keyed_lines(p);
  if (v == NULL) return CT_ENOMEM;
  qsort(v, p->nlines, sizeof *v, by_key);
  while (i < p->nlines) {
    size_t j = i, pages = 0;
    for (; j < p->nlines && strcmp(v[j].key, v[i].key) == 0; j++)
      if (j == i || v[j].page != v[j - 1].page) pages++;
    for (k = i; k < j; k++)
      p->lines[v[k].line].furniture = furniture(&v[k], pages, p->npages);
    i = j;
  }
  free(v);
  return CT_OK;
}

/* ---- paragraphs ---------------------------------------------------------- */

static int by_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The usual distance from one line's bottom to the next line's, over the
** content lines of every page, and the usual font size: the medians. */
static double median(double *v, size_t n) {
  if (n == 0) return 0;
  qsort(v, n, sizeof *v, by_double);
  return v[n / 2];
}

static void usual(const pdf *p, const size_t *body, size_t n, double *pitch,
                  double *size) {
  double *v = malloc((n ? n : 1) * sizeof *v);
  size_t k, nv = 0;
  *pitch = *size = 0;
  if (v == NULL) return;
  for (k = 1; k < n; k++) {
    const pline *a = &p->lines[body[k - 1]], *b = &p->lines[body[k]];
    if (a->page == b->page && b->base > a->base) v[nv++] = b->base - a->base;
  }
  *pitch = median(v, nv);
  for (k = 0; k < n; k++) v[k] = p->lines[body[k]].size;
  *size = median(v, n);
  free(v);
}

static int lower_start(const pdf *p, const pline *l) {
  int32_t cp;
  ct_utf8_decode((const unsigned char *)p->layer.s + l->a, l->b - l->a, &cp);
  return ct_cp_islower(cp);
}

/* The last byte of a line, closing quotes and brackets aside. */
static char last_char(const pdf *p, const pline *l) {
  size_t b = l->b;
  while (b > l->a && strchr(" \")'", p->layer.s[b - 1])) b--;
  return b > l->a ? p->layer.s[b - 1] : ' ';
}

static int ends_sentence(const pdf *p, const pline *l) {
  return strchr(".!?:;", last_char(p, l)) != NULL;
}

/* A line in capitals ("DEPARTMENT OF TRANSPORTATION"): a heading, that
** no sentence runs on from. */
static int in_capitals(const pdf *p, const pline *a) {
  size_t i, letters = 0;
  for (i = a->a; i < a->b; i++) {
    unsigned char c = (unsigned char)p->layer.s[i];
    if (c >= 'a' && c <= 'z') return 0;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

/* Does b begin another column than a's: higher up the page, or on a's
** row to its right? */
static int new_column(const pline *a, const pline *b) {
  return b->base < a->base - 0.5 * a->size ||
         (fabs(b->base - a->base) <= 0.5 * a->size && b->x > a->x2);
}

/* The line pitch expected after a: the usual one, larger for larger
** type (a title's lines are as far apart as its size asks). */
static double pitch_after(const pline *a, const usual_t *u) {
  return u->size > 0 && a->size > u->size ? u->pitch * a->size / u->size
                                          : u->pitch;
}

/* Does a paragraph end between body lines a and b?  A sentence that runs
** on into the next page or column (no final stop before, a small letter
** after) goes on. */
static int paragraph_break(const pdf *p, const pline *a, const pline *b,
                           const pline *c, const usual_t *u) {
  double d = b->base - a->base, pitch = pitch_after(a, u);
  int resized = fabs(b->size - a->size) > SIZE_CHANGE * a->size;
  if (a->page != b->page || new_column(a, b))
    return ends_sentence(p, a) || !lower_start(p, b) || resized ||
           in_capitals(p, a);
  if (u->pitch <= 0 || d < 0 || d > GAP_FACTOR * pitch || resized) return 1;
  /* a first line indented: further right than the line before and the
  ** line after it in the same paragraph (a list item's runover is
  ** further right than the line before only) */
  return b->x > a->x + 2 && c != NULL && c->page == b->page &&
         !new_column(b, c) &&
         c->base - b->base <= GAP_FACTOR * pitch_after(b, u) &&
         b->x > c->x + 2;
}

/* How a word cut at a line end comes together again. */
enum { CUT_NONE, CUT_JOIN, CUT_KEEP };

#define CUT_MAX_PART 48                 /* bytes of either half looked at */
#define CUT_SEARCH_BUDGET (64u << 20)   /* bytes read over a document */

static int word_byte(unsigned char c) {
  return c >= 0x80 || ct_cp_isalpha(c);
}

/* Does the layer hold "left-right" anywhere (where no line ends: there
** the layer has a line break after the hyphen)?  A document of many cuts
** stops looking after CUT_SEARCH_BUDGET bytes. */
static int written_hyphenated(pdf *p, size_t la, size_t lb, size_t ra,
                              size_t rb) {
  const char *s = p->layer.s;
  char word[2 * CUT_MAX_PART + 1];
  size_t n = lb - la + 1 + rb - ra, i;
  if (p->searched + p->layer.len > CUT_SEARCH_BUDGET) return 0;
  p->searched += p->layer.len;
  memcpy(word, s + la, lb - la + 1);                     /* with the '-' */
  memcpy(word + (lb - la + 1), s + ra, rb - ra);
  for (i = 0; i + n <= p->layer.len; i++) {
    const char *hit = memchr(s + i, word[0], p->layer.len - n - i + 1);
    if (hit == NULL) return 0;
    i = (size_t)(hit - s);
    if (memcmp(hit, word, n) == 0 && (i == 0 || !word_byte((unsigned char)s[i - 1])))
      return 1;
  }
  return 0;
}

/* "coop-" / "eration": a word cut at the line end, joined without its
** hyphen (CUT_JOIN); but the hyphen is the word's own, and stays as the
** lines join on it (CUT_KEEP), when the document writes the word with it
** where no line ends ("people-to-" / "people" beside "people-to-people").
** A hyphen before it in the word says nothing: "next-gener-" / "ation". */
static int cut_word(pdf *p, const pline *a, const pline *b) {
  const char *s = p->layer.s;
  size_t la, ra = b->a, rb = b->a;
  if (!(a->b - a->a >= 2 && s[a->b - 1] == '-' &&
        ct_cp_isalpha((unsigned char)s[a->b - 2]) && lower_start(p, b)))
    return CUT_NONE;
  for (la = a->b - 1; la > a->a && a->b - la <= CUT_MAX_PART &&
                      (word_byte((unsigned char)s[la - 1]) || s[la - 1] == '-');
       la--)
    ;
  while (rb < b->b && rb - ra < CUT_MAX_PART && word_byte((unsigned char)s[rb]))
    rb++;
  if (a->b - la > CUT_MAX_PART || rb - ra >= CUT_MAX_PART) return CUT_JOIN;
  return written_hyphenated(p, la, a->b - 1, ra, rb) ? CUT_KEEP : CUT_JOIN;
}

/* ---- the text ------------------------------------------------------------ */

/* Adds layer bytes [a, b) but the note references in them; *note is the
** first note that may end past a (lines come in layer order). */
static void add_text(const pdf *p, ct_srcmap *m, size_t a, size_t b,
                     size_t *note) {
  while (*note < p->nnotes && p->notes[*note].b <= a) (*note)++;
  for (; *note < p->nnotes && p->notes[*note].a < b; (*note)++) {
    const span *s = &p->notes[*note];
    if (s->a > a) ct_srcmap_add(m, p->layer.s + a, s->a - a, a, s->a - a);
    if (s->b > a) a = s->b < b ? s->b : b;
  }
  if (b > a) ct_srcmap_add(m, p->layer.s + a, b - a, a, b - a);
}

static void emit(pdf *p, const size_t *body, size_t n, ct_srcmap *m) {
  usual_t u;
  size_t k, note = 0;
  double first_x = 0;
  int brk = 1, cut = CUT_NONE;   /* between the line before and this one */
  usual(p, body, n, &u.pitch, &u.size);
  for (k = 0; k < n; k++) {
    const pline *l = &p->lines[body[k]];
    const pline *prev = k ? &p->lines[body[k - 1]] : NULL;
    const pline *next = k + 1 < n ? &p->lines[body[k + 1]] : NULL;
    const pline *after = k + 2 < n ? &p->lines[body[k + 2]] : NULL;
    /* between this line and the next, judged once for both */
    int brk_next = next == NULL || paragraph_break(p, l, next, after, &u);
    int cut_next = next == NULL ? CUT_NONE : cut_word(p, l, next);
    size_t end = l->b;
    if (brk) {
      ct_srcmap_break(m, l->a, 2);
      first_x = l->x;
    } else if (cut == CUT_NONE) {
      /* the line break itself, where the layer has it; a title's lines in
      ** type larger than the body's are one line, as a reader reads them
      ** (the segmenter takes a heading from one line) */
      const char *nl = prev->size > TITLE_SIZE * u.size ? " " : "\n";
      if (prev->page == l->page && !l->split)
        ct_srcmap_add(m, nl, 1, prev->b, 1);
      else ct_srcmap_add(m, "\n", 1, l->a, 0);
      /* a paragraph that goes on in the next column or page goes on at
      ** that column's left */
      if (prev->page != l->page || new_column(prev, l)) first_x = l->x;
      else if (l->x > first_x + 2) ct_srcmap_add(m, "  ", 2, l->a, 0);
    }
    if (!brk_next && cut_next == CUT_JOIN)
      end--;   /* the hyphen goes; the next line joins on */
    add_text(p, m, l->a, end, &note);
    brk = brk_next, cut = cut_next;
  }
}

/* The lines that are not furniture, into body; their number.  Furniture
** is what comes back around a body: when every line does (pages that
** differ only in digits, one sentence dated 1 May on one page and 2 May
** on the next), every line is the body but page numbers. */
static size_t body_lines(const pdf *p, size_t *body) {
  size_t n = 0, k;
  char key[64];
  for (k = 0; k < p->nlines; k++)
    if (!p->lines[k].furniture) body[n++] = k;
  if (n > 0) return n;
  for (k = 0; k < p->nlines; k++) {
    line_key(p, &p->lines[k], key, sizeof key);
    if (!page_number(key)) body[n++] = k;
  }
  return n;
}

static ct_status build(pdf *p, ct_text **out, ct_error *err) {
  ct_srcmap m;
  ct_text *layer;
  size_t *body = malloc((p->nlines ? p->nlines : 1) * sizeof *body), n = 0, k;
  ct_status st;
  memset(&m, 0, sizeof m);
  if (body == NULL) return ct_fail(err, CT_ENOMEM, "%s: out of memory",
                                   p->name);
  n = body_lines(p, body);
  if (n == 0) {
    free(body);
    return ct_fail(err, CT_ESYNTAX, "%s: no text layer (a scanned PDF? "
                   "run OCR on it first)", p->name);
  }
  emit(p, body, n, &m);
  free(body);
  for (k = 0; k < p->npages; k++) ct_srcmap_page(&m, p->pages[k]);
  st = ct_text_from_buffer(p->name, p->layer.s, p->layer.len,
                           CT_INVALID_REPLACE, &layer, err);
  if (st != CT_OK) {
    ct_srcmap_free(&m);
    return st;
  }
  return ct_srcmap_finish(&m, layer, CT_INPUT_PDF, out, err);
}

ct_status ct_pdf_extract(const char *name, const void *data, size_t len,
                         size_t max_bytes, ct_text **out, ct_error *err) {
  pdf p;
  ct_status st;
  *out = NULL;
  memset(&p, 0, sizeof p);
  p.name = name;
  if ((st = ct_popplerlib_get(name, &p.pl, err)) != CT_OK) return st;
  pthread_mutex_lock(&poppler_lock);
  st = read_pages(&p, data, len, max_bytes, err);
  pthread_mutex_unlock(&poppler_lock);
  if (st == CT_OK && mark_furniture(&p) != CT_OK)
    st = ct_fail(err, CT_ENOMEM, "%s: out of memory", name);
  if (st == CT_OK) st = build(&p, out, err);
  ct_buf_free(&p.layer);
  free(p.pages);
  free(p.lines);
  free(p.notes);
  return st;
}
