/*
** html.c -- an HTML page as the text a browser shows (input.h).
**
** libxml2's HTML parser reads the page (it knows HTML's implied and
** auto-closed elements, entities and broken markup; nothing here looks
** for tags).  It is driven as SAX rather than asked for a tree because at
** every event it can say how far it has read (xmlByteConsumed): each
** piece of text it delivers is then placed in the file by lining its
** decoded bytes up with the end of the bytes read since the event
** before.  Text bytes equal to the file's map one to one; an entity or
** character reference maps whole to its `&...;`; bytes the parser
** dropped are skipped.
**
** What the page says becomes blocks for the segmenter: h1-h6 headings,
** li items (depth: the lists around them), and paragraphs (p, div, td,
** blockquote and the other block elements), in which <br> ends a line,
** as a line end does inside <pre> (an empty line there ends the
** paragraph).  A <sup> that holds only a note's number or sign after a
** word goes at its end: a note reference is not part of the word or the
** sentence (end_sup).
**
** A paragraph whose text is all bold (b, strong, or a style's
** font-weight), short and without final punctuation is a heading too
** (<p><strong>Title</strong></p>, as government sites write them),
** unless the paragraph before it was one: the further lines of a bold
** title block (a place, a date) are not headings.  Two <br> in a row end
** a paragraph, as the empty line a browser shows there; so does a <br>
** after a title line all in bold when the next line starts as a new line
** does, with a capital, a digit or an opening quote (a title block, or a
** run-in heading, written as one paragraph; a bold sentence that a <br>
** breaks runs on).
**
** Page furniture is dropped with everything inside it, so that it never
** becomes a heading or gives a section to what follows:
**   - script, style, noscript, nav, header, footer, aside, form, button,
**     the head, and the ARIA roles that say the same (navigation, banner,
**     contentinfo, search, complementary, menu, toolbar, button, dialog);
**   - hidden elements: the hidden attribute, aria-hidden="true", an
**     inline display:none or visibility:hidden, and the class names
**     that hide text from the eye in Bootstrap, Drupal, WordPress and the
**     U.S. Web Design System (sr-only, element-invisible, ...);
**   - elements whose class or id names furniture by a word of it (menu,
**     nav, breadcrumb, sidebar, skip, share, social, search, modal,
**     footer, teaser, tout, promo, related, ...), as content extractors
**     recognise it, unless the word before says it is a feature of a
**     layout ("has-sidebar", "with-nav"), and except html, body, main and
**     article themselves.  A theme may name the wrapper of the whole page
**     after its layout (class="st_menu_under"), so such an element is
**     read like any other and taken back at its end (a mark in the source
**     map) unless it held half of the page's letters and digits outside
**     links, which a first, counting pass of the parser gives;
**   - a paragraph that is nothing but two or more links (MP4 MP3,
**     Twitter Facebook Email): known only at its end, it is taken back.
** White space collapses as a browser collapses it, and a bogus markup
** declaration (<!x>, <![CDATA[...]]>) or end tag (</ x>, </3>, </>),
** which libxml2 passes on as text, shows nothing, as a browser reads it:
** a comment up to the first '>'.
**
** The page must be UTF-8: it is checked as a text file is before it is
** parsed, and the parser is told to ignore a declared charset, so the
** bytes it reads are the file's.  Elements may nest CT_HTML_MAX_DEPTH
** deep: driven as SAX, libxml2 has no depth limit of its own, and it
** searches its open elements at every end tag.  No event here walks the
** open elements either: what text inside an element goes into (block
** kind, item depth, link) is worked out once, when it is pushed.
*/
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include "core/error.h"
#include "input/input.h"
#include "text/srcmap.h"
#include "text/utf8.h"
#include "core/grow.h"

#define BOLD_HEADING_MAX 120      /* bytes of an all-bold heading paragraph */

/* One open element, as far as the text is concerned. */
typedef struct elem {
  unsigned char drop;     /* it and everything inside is not shown */
  unsigned char kind;     /* 0 inline, else 1 + ct_block_kind */
  unsigned char list;     /* ul, ol, menu: items inside are one deeper */
  unsigned char bold;     /* strong, b */
  unsigned char pre;      /* pre: its line ends are kept */
  unsigned char sup;      /* sup: it goes if it is a note's number */
  unsigned char link;     /* a with an href */
  unsigned char counted;  /* a link counted in its block's links */
  unsigned char named;    /* its class or id names furniture: it goes at
                          ** its end unless it holds half the page */
  char name[12];          /* lowercased, cut: enough to match the end tag */
  /* Kept at push so no event walks the stack (a page may nest elements
  ** 100,000 deep): */
  unsigned char text_kind;  /* the block kind of text inside it */
  int text_depth;           /* and the depth of that item */
  size_t lists;             /* lists around and at it */
  size_t outer_link;        /* 1 + index of the link around it, or 0 */
  ct_srcmark mark;          /* of a named element: the map at its start */
  size_t letters_at;        /* and the page's letters then */
} elem;

typedef struct reader {
  xmlParserCtxtPtr ctxt;
  const unsigned char *s;   /* the bytes the parser reads */
  const unsigned char *orig;   /* the file's, where s has '?' for an
                               ** invalid byte (--invalid replace) */
  size_t len;
  size_t pos;               /* bytes read at the last event */
  ct_srcmap map;
  elem *stack;
  size_t depth, cap;
  size_t dropped;           /* open elements that drop their content */
  size_t bold;              /* open bold elements */
  size_t pre;               /* open pre elements */
  size_t link_top;          /* 1 + index of the innermost open link, or 0 */
  int all_bold;             /* the open block's text is all bold so far */
  int after_bold_title;     /* the last block was an all-bold title */
  int bold_break;           /* a <br> just ended an all-bold title line */
  size_t block_links;       /* links with text in the open block */
  size_t block_plain;       /* letters and digits of it outside links */
  int oom;
  size_t too_deep;          /* where the nesting passed the cap, + 1 */
  int counting;             /* the first pass: only count letters */
  size_t letters;           /* letters and digits outside links so far */
  size_t page_letters;      /* all of the page's (the first pass's count) */
  size_t bogus_from;        /* the bytes of a bogus markup declaration
                            ** (<!x>) whose text the parser is still to
                            ** pass, which shows nowhere */
  size_t bogus_end;
} reader;

/* ---- elements ----------------------------------------------------------- */

static int name_in(const char *name, const char *const *list) {
  for (; *list; list++)
    if (strcmp(name, *list) == 0) return 1;
  return 0;
}

static const char *const dropped_names[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
  "button", "head", "title", "template", "svg", "math", "select", "textarea",
  "iframe", "object", "canvas", "dialog", NULL
};

/* Elements that begin and end a block of text. */
static const char *const block_names[] = {
  "p", "div", "td", "th", "blockquote", "address", "article", "aside",
  "body", "caption", "center", "dd", "details", "dl", "dt", "fieldset",
  "figcaption", "figure", "hr", "html", "legend", "main", "ol", "pre",
  "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
  "menu", NULL
};

#define STYLE_MAX 256    /* bytes of a style attribute looked at */

/* A style attribute's value v with white space out and in lower case,
** into buf (STYLE_MAX bytes, cut there). */
static void squeeze_style(const char *v, char *buf) {
  size_t n = 0;
  for (; *v && n + 1 < STYLE_MAX; v++)
    if (!isspace((unsigned char)*v)) buf[n++] = (char)tolower((unsigned char)*v);
  buf[n] = '\0';
}

/* style="...; display: none" or visibility:hidden, white space and case
** aside. */
static int style_hides(const char *v) {
  char buf[STYLE_MAX];
  squeeze_style(v, buf);
  return strstr(buf, "display:none") != NULL ||
         strstr(buf, "visibility:hidden") != NULL;
}

/* What an element's style says of its weight: 1 bold (font-weight bold,
** bolder or 600 to 900, or the font shorthand's bold: what pages saved
** from word processors write for <b>), -1 normal (Google Docs wraps a
** whole document in <b style="font-weight:normal">), 0 nothing. */
static int style_weight(const xmlChar **atts) {
  char buf[STYLE_MAX];
  const char *w;
  for (; atts != NULL && atts[0] != NULL; atts += 2) {
    if (strcmp((const char *)atts[0], "style") != 0 || atts[1] == NULL)
      continue;
    squeeze_style((const char *)atts[1], buf);
    if ((w = strstr(buf, "font-weight:")) != NULL) {
      w += strlen("font-weight:");
      if (strncmp(w, "bold", 4) == 0 ||
          (w[0] >= '6' && w[0] <= '9' && w[1] == '0' && w[2] == '0'))
        return 1;
      return -1;
    }
    return strncmp(buf, "font:bold", 9) == 0 || strstr(buf, ";font:bold")
           ? 1 : 0;
  }
  return 0;
}

static int hidden(const xmlChar **atts) {
  for (; atts != NULL && atts[0] != NULL; atts += 2) {
    const char *k = (const char *)atts[0], *v = (const char *)atts[1];
    if (strcmp(k, "hidden") == 0) return 1;
    if (v == NULL) continue;
    if (strcmp(k, "aria-hidden") == 0 && strcmp(v, "true") == 0) return 1;
    if (strcmp(k, "style") == 0 && style_hides(v)) return 1;
  }
  return 0;
}

/* ---- page furniture by name ---------------------------------------------- */

/* ARIA roles of what the dropped elements are. */
static const char *const furniture_roles[] = {
  "navigation", "banner", "contentinfo", "search", "complementary", "menu",
  "menubar", "toolbar", "button", "dialog", "alertdialog", NULL
};

/* Whole class names of text hidden from the eye (Bootstrap, Drupal,
** WordPress, the U.S. Web Design System). */
static const char *const hiding_classes[] = {
  "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
  "element-invisible", "element-hidden", "usa-sr-only", "hidden",
  "invisible", "hide", "d-none", NULL
};

/* Whole class names of site headers and banners ("header" is not a
** furniture word: an article's header holds its title and date). */
static const char *const furniture_classes[] = {
  "header", "site-header", "global-header", "usa-header", "usa-banner",
  "usa-footer", "usa-identifier", NULL
};

/* Words of class and id names (cut at anything but a letter or digit)
** that name furniture. */
static const char *const furniture_words[] = {
  "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
  "breadcrumbs", "sidebar", "sidenav", "skip", "skipnav", "skiplink",
  "share", "sharing", "sharethis", "social", "toolbar", "pager",
  "pagination", "search", "modal", "popup", "cookie", "cookies", "footer",
  "masthead", "teaser", "tout", "promo", "related", "comments",
  "newsletter", "subscribe", NULL
};

/* Elements never dropped for their class, id or role: the page and its
** main content, whatever a theme calls them (<body class="one-sidebar">). */
static const char *const kept_names[] = {
  "html", "body", "main", "article", NULL
};

/* Is s[0..n) one of list, ASCII case aside? */
static int token_in(const char *s, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && strncasecmp(s, *list, n) == 0) return 1;
  return 0;
}

/* Words that make the next word of a class name a layout's feature, not
** the furniture itself: "has-sidebar", "with-nav", "one-sidebar". */
static const char *const layout_words[] = {
  "has", "with", "without", "no", "one", "two", "three", NULL
};

/* Is one of the class names of v in list? */
static int has_class(const char *v, const char *const *list) {
  const char *p = v;
  while (*p) {
    size_t n = 0;
    while (*p && isspace((unsigned char)*p)) p++;
    while (p[n] && !isspace((unsigned char)p[n])) n++;
    if (n > 0 && token_in(p, n, list)) return 1;
    p += n;
  }
  return 0;
}

/* Does a class or id value name furniture, by a whole name or a word? */
static int names_furniture(const char *v) {
  const char *p, *prev = NULL;
  size_t prev_n = 0;
  if (has_class(v, furniture_classes)) return 1;
  for (p = v; *p;) {
    size_t n = 0;
    int joined = 1;   /* to the word before within one class name */
    for (; *p && !isalnum((unsigned char)*p); p++)
      if (isspace((unsigned char)*p)) joined = 0;
    while (isalnum((unsigned char)p[n])) n++;
    if (n > 0 && token_in(p, n, furniture_words) &&
        !(joined && prev != NULL && token_in(prev, prev_n, layout_words)))
      return 1;
    prev = p, prev_n = n;
    p += n;
  }
  return 0;
}

/* Furniture for sure: a role that says so, a class that hides. */
static int furniture(const char *name, const xmlChar **atts) {
  if (name_in(name, kept_names)) return 0;
  for (; atts != NULL && atts[0] != NULL; atts += 2) {
    const char *k = (const char *)atts[0], *v = (const char *)atts[1];
    if (v == NULL) continue;
    if (strcmp(k, "role") == 0 && token_in(v, strlen(v), furniture_roles))
      return 1;
    if (strcmp(k, "class") == 0 && has_class(v, hiding_classes)) return 1;
  }
  return 0;
}

/* Furniture by its name: a class or id that names it.  Names are a
** theme's, and a theme may name the wrapper of the whole page after its
** layout (class="st_menu_under st_sidebar_on_right"): whether it was
** furniture is known at its end (pop). */
static int named_furniture(const char *name, const xmlChar **atts) {
  if (name_in(name, kept_names)) return 0;
  for (; atts != NULL && atts[0] != NULL; atts += 2) {
    const char *k = (const char *)atts[0], *v = (const char *)atts[1];
    if (v != NULL && (strcmp(k, "class") == 0 || strcmp(k, "id") == 0) &&
        names_furniture(v))
      return 1;
  }
  return 0;
}

static int has_attr(const xmlChar **atts, const char *name) {
  for (; atts != NULL && atts[0] != NULL; atts += 2)
    if (strcmp((const char *)atts[0], name) == 0) return 1;
  return 0;
}

static void classify(elem *e, const char *name, const xmlChar **atts) {
  int weight;
  memset(e, 0, sizeof *e);
  snprintf(e->name, sizeof e->name, "%s", name);
  e->drop = name_in(name, dropped_names) || hidden(atts) ||
            furniture(name, atts);
  e->named = !e->drop && named_furniture(name, atts);
  e->link = strcmp(name, "a") == 0 && has_attr(atts, "href");
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
    e->kind = 1 + CT_BLOCK_HEADING;
  else if (strcmp(name, "li") == 0)
    e->kind = 1 + CT_BLOCK_ITEM;
  else if (name_in(name, block_names))
    e->kind = 1 + CT_BLOCK_PARAGRAPH;
  e->list = strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
            strcmp(name, "menu") == 0;
  weight = style_weight(atts);
  e->bold = weight > 0 || (weight == 0 && (strcmp(name, "strong") == 0 ||
                                           strcmp(name, "b") == 0));
  e->pre = strcmp(name, "pre") == 0;
  e->sup = strcmp(name, "sup") == 0;
}

/* The block kind and item depth of text inside e, pushed on top of
** `parent` (NULL at the top): the innermost heading or item, else a
** paragraph; an item's depth counts the lists around it. */
static void text_context(elem *e, const elem *parent) {
  size_t around = parent ? parent->lists : 0;
  e->lists = around + e->list;
  if (e->kind == 1 + CT_BLOCK_HEADING || e->kind == 1 + CT_BLOCK_ITEM) {
    e->text_kind = (unsigned char)(e->kind - 1);
    e->text_depth = e->kind == 1 + CT_BLOCK_ITEM
                        ? (around > 0 ? (around > INT_MAX ? INT_MAX
                                                          : (int)around)
                                      : 1)
                        : 0;
  } else if (parent != NULL) {
    e->text_kind = parent->text_kind;
    e->text_depth = parent->text_depth;
  } else {
    e->text_kind = CT_BLOCK_PARAGRAPH;
    e->text_depth = 0;
  }
}

/* The kind of block text goes into now. */
static ct_block_kind current_kind(const reader *r, int *depth) {
  const elem *top = r->depth ? &r->stack[r->depth - 1] : NULL;
  *depth = top ? top->text_depth : 0;
  return top ? (ct_block_kind)top->text_kind : CT_BLOCK_PARAGRAPH;
}

/* ---- blocks ------------------------------------------------------------- */

static int final_punct(char c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',';
}

/* Does the open block b, of n bytes without trailing spaces, read as a
** title when its text is all bold? */
static int bold_title(const ct_srcmap *m, const ct_block *b, size_t n) {
  return b->kind == CT_BLOCK_PARAGRAPH && n > 0 && n <= BOLD_HEADING_MAX &&
         !final_punct(m->text.s[b->start + n - 1]) &&
         memchr(m->text.s + b->start, '\n', n) == NULL;
}

/* Ends the open block at the current position: a row of links goes; an
** all-bold paragraph that reads as a title becomes a heading, unless the
** block before was such a title (the rest of a title block). */
static void end_block(reader *r) {
  ct_srcmap *m = &r->map;
  r->bold_break = 0;
  if (m->open) {
    ct_block *b = &m->blocks[m->nblocks - 1];
    size_t n = m->text.len - b->start;
    int title;
    /* (a block that a bold title line's <br> ended ends in its '\n') */
    while (n > 0 && (m->text.s[b->start + n - 1] == ' ' ||
                     m->text.s[b->start + n - 1] == '\n'))
      n--;
    if (b->kind == CT_BLOCK_PARAGRAPH && r->block_links >= 2 &&
        r->block_plain == 0) {
      ct_srcmap_drop_block(m);
    } else if (n > 0) {
      title = r->all_bold && bold_title(m, b, n);
      if (title && !r->after_bold_title) b->kind = CT_BLOCK_HEADING;
      r->after_bold_title = title;
    }
  }
  ct_srcmap_end_block(m);
  ct_srcmap_break(m, r->pos, 2);
}

/* Text is about to go in: open a block of the right kind if none is. */
static void need_block(reader *r) {
  int depth;
  ct_block_kind kind;
  if (r->map.open) return;
  kind = current_kind(r, &depth);
  ct_srcmap_block(&r->map, kind, depth);
  r->all_bold = 1;
  r->block_links = r->block_plain = 0;
}

/* Does the open block's last line read as a title (see bold_title)? */
static int title_line(const reader *r) {
  const ct_srcmap *m = &r->map;
  size_t start = m->blocks[m->nblocks - 1].start, a = m->text.len, n;
  while (a > start && m->text.s[a - 1] != '\n') a--;
  n = m->text.len - a;
  while (n > 0 && m->text.s[a + n - 1] == ' ') n--;
  return n > 0 && n <= BOLD_HEADING_MAX && !final_punct(m->text.s[a + n - 1]);
}

/* Does text t[0..n) start a new line as a title block's next line or a
** run-in heading's text does: a capital, a digit or an opening quote or
** bracket (not a lowercase word that runs a sentence on)? */
static int starts_line(const unsigned char *t, size_t n) {
  int32_t cp;
  ct_utf8_decode(t, n, &cp);
  return ct_cp_isupper(cp) || ct_cp_isdigit(cp) || cp == '"' ||
         cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018;
}

/* Counts text t[0..n) for the row-of-links test: its letters and digits
** outside links, and the innermost link it is in, once. */
static void count_text(reader *r, const unsigned char *t, size_t n) {
  size_t i = 0, words = 0;
  elem *e;
  while (i < n) {
    int32_t cp;
    i += ct_utf8_decode(t + i, n - i, &cp);
    if (cp >= 0 && ct_cp_isalnum(cp)) words++;
  }
  if (words == 0) return;
  if (r->link_top == 0) {
    r->block_plain += words;
    r->letters += words;
    return;
  }
  e = &r->stack[r->link_top - 1];
  if (!e->counted) e->counted = 1, r->block_links++;
}

/* ---- text --------------------------------------------------------------- */

static int html_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends t[0..n), copied from source offset src, where a '?' the file
** does not have is an invalid byte: U+FFFD, as plain text shows it. */
static void add_checked(reader *r, const unsigned char *t, size_t n,
                        size_t src) {
  size_t i = 0, j;
  while (i < n) {
    for (j = i; j < n && r->orig[src + j] == t[j]; j++) {}
    ct_srcmap_add(&r->map, (const char *)t + i, j - i, src + i, j - i);
    if (j < n) ct_srcmap_add(&r->map, "\xEF\xBF\xBD", 3, src + j, 1);
    i = j + 1;
  }
}

/* White space t[0..n) from source offset src inside a pre element,
** which a browser shows line for line: a line end ends the line (the
** segmenter then reads the lines as a plain text paragraph's), an empty
** line the paragraph, and any other white space is one space. */
static void pre_space(reader *r, const unsigned char *t, size_t n,
                      size_t src) {
  size_t i, ends = 0, first = 0;
  for (i = 0; i < n; i++)
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == n || t[i + 1] != '\n')))
      if (ends++ == 0) first = i;
  if (ends == 0) {
    ct_srcmap_space(&r->map, src, n);
  } else if (ends == 1) {
    ct_srcmap_break(&r->map, src + first, 1);
  } else {
    size_t pos = r->pos;
    r->pos = src + first;
    end_block(r);
    r->pos = pos;
    need_block(r);
  }
}

/* Appends decoded bytes t[0..n) that came byte for byte from source
** offset src: runs of white space collapse to one space (in a pre
** element, line ends stay: pre_space). */
static void add_copied(reader *r, const unsigned char *t, size_t n,
                       size_t src) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    if (html_space(t[i])) {
      while (j < n && html_space(t[j])) j++;
      if (r->pre > 0) pre_space(r, t + i, j - i, src + i);
      else ct_srcmap_space(&r->map, src + i, j - i);
    } else {
      while (j < n && !html_space(t[j]) && t[j] != 0) j++;
      if (j == i) j++;                      /* a NUL: dropped */
      else add_checked(r, t + i, j - i, src + i);
    }
    i = j;
  }
}

/* Appends one decoded character that stands for source [src, src+slen)
** as a whole (an entity or a character reference). */
static void add_whole(reader *r, const unsigned char *t, size_t n, size_t src,
                      size_t slen) {
  if (n == 1 && html_space(t[0])) ct_srcmap_space(&r->map, src, slen);
  else if (!(n == 1 && t[0] == 0))
    ct_srcmap_add(&r->map, (const char *)t, n, src, slen);
}

/* Where the character ending at t[i] starts (t is valid UTF-8). */
static size_t char_start(const unsigned char *t, size_t i) {
  size_t k = i - 1;
  while (k > 0 && (t[k] & 0xC0) == 0x80 && i - k < 4) k--;
  return k;
}

/* The `&` of an entity or character reference ending at source byte
** end - 1 (a ';', or the last byte of a name), within [lo, end); or end. */
static size_t entity_start(const reader *r, size_t lo, size_t end) {
  size_t k = end;
  while (k > lo && end - k < 40) {
    k--;
    if (r->s[k] == '&') return k;
    if (!(isalnum(r->s[k]) || r->s[k] == '#' || r->s[k] == ';')) break;
  }
  return end;
}

/* A piece of the alignment: decoded [t, t + n) from source [s, s + sl). */
typedef struct piece {
  size_t t, n, s, sl;
} piece;

/* Lines decoded bytes t[0..n) up with the end of source [lo, hi),
** backwards, into pieces (in reverse order); returns their number. */
static size_t align(const reader *r, const unsigned char *t, size_t n,
                    size_t lo, size_t hi, piece *out, size_t max) {
  size_t i = n, j = hi, np = 0;
  while (i > 0 && np < max) {
    if (j > lo && (r->s[j - 1] == t[i - 1] ||
                   (t[i - 1] == '\n' && r->s[j - 1] == '\r'))) {
      size_t k = 0;   /* the longest equal stretch */
      while (k < i && j - k > lo && (r->s[j - 1 - k] == t[i - 1 - k] ||
             (t[i - 1 - k] == '\n' && r->s[j - 1 - k] == '\r')))
        k++;
      out[np++] = (piece){i - k, k, j - k, k};
      i -= k, j -= k;
    } else if (j > lo && entity_start(r, lo, j) < j) {
      size_t a = entity_start(r, lo, j), c = char_start(t, i);
      out[np++] = (piece){c, i - c, a, j - a};
      i = c, j = a;
    } else if (j > lo) {
      j--;                                  /* a byte the parser dropped */
    } else {
      out[np++] = (piece){0, i, lo, 0};     /* nothing left to line up */
      i = 0;
    }
  }
  if (i > 0) out[np++] = (piece){0, i, j, 0};
  return np;
}

#define MAX_PIECES 64

static void text_event(reader *r, const unsigned char *t, size_t n,
                       size_t lo, size_t hi) {
  piece p[MAX_PIECES + 1];
  size_t np, k;
  if (n <= hi - lo && memcmp(r->s + hi - n, t, n) == 0) {
    add_copied(r, t, n, hi - n);            /* the usual case */
    return;
  }
  np = align(r, t, n, lo, hi, p, MAX_PIECES);
  for (k = np; k-- > 0;) {
    if (p[k].n == p[k].sl) add_copied(r, t + p[k].t, p[k].n, p[k].s);
    else add_whole(r, t + p[k].t, p[k].n, p[k].s, p[k].sl);
  }
}

/* ---- SAX events --------------------------------------------------------- */

static reader *reader_of(void *ctx) {
  return ((xmlParserCtxtPtr)ctx)->_private;
}

/* Bytes read so far, within the buffer. */
static size_t consumed(reader *r) {
  long c = xmlByteConsumed(r->ctxt);
  if (c < 0) return r->pos;
  return (size_t)c > r->len ? r->len : (size_t)c;
}

/* libxml2 passes a '<' that starts no markup it knows to the characters
** handler on its own, before it has read past it, so the position is
** that '<' itself: is this event such a '<', at `at`?  Not when an
** entity read since `lo` ends there (&lt;<!-- -->): that '<' is the
** entity's. */
static int raw_lt(const reader *r, const xmlChar *ch, int len, size_t lo,
                  size_t at) {
  return len == 1 && ch[0] == '<' && at < r->len && r->s[at] == '<' &&
         entity_start(r, lo, at) == at;
}

/* A browser reads "<!" that starts neither a comment nor a doctype
** (<!x>, <![CDATA[...]]> outside SVG, <!>) as a bogus comment, shown
** nowhere, that ends at the first '>' (or the page's end); libxml2 passes
** what follows its '<' as text.  Marks the bytes after the '<' at `at`
** as such, when they are. */
static int bogus_start(reader *r, size_t at) {
  const unsigned char *gt;
  if (at + 1 >= r->len || r->s[at + 1] != '!') return 0;
  gt = at + 2 < r->len ? memchr(r->s + at + 2, '>', r->len - at - 2) : NULL;
  r->bogus_from = at + 1;
  r->bogus_end = gt != NULL ? (size_t)(gt - r->s) + 1 : r->len;
  return 1;
}

/* A browser reads "</" before anything but an ASCII letter (</ x>, <//x>,
** </3 a>, </>) as a bogus comment up to the first '>' too; libxml2 drops
** the "</" and passes what follows as text.  Marks the bytes after the
** "</" at `at`, where the text event that follows it begins, as such,
** when they are. */
static void bogus_end_tag(reader *r, size_t at) {
  const unsigned char *gt;
  if (at + 2 >= r->len || r->s[at] != '<' || r->s[at + 1] != '/' ||
      ((r->s[at + 2] | 0x20) >= 'a' && (r->s[at + 2] | 0x20) <= 'z'))
    return;
  gt = memchr(r->s + at + 2, '>', r->len - at - 2);
  r->bogus_from = at + 2;
  r->bogus_end = gt != NULL ? (size_t)(gt - r->s) + 1 : r->len;
}

/* How many leading bytes of text t[0..n) are the bogus declaration's
** bytes not yet seen (bogus_from..bogus_end), which the parser passes in
** order, in the next events, whatever it reports as its position: byte
** for byte, an entity as its character, \r\n or \r as \n; a byte it
** dropped is passed over. */
static size_t bogus_cut(reader *r, const unsigned char *t, size_t n) {
  size_t i = 0, b = r->bogus_from, e = r->bogus_end;
  while (i < n && b < e) {
    const unsigned char c = r->s[b];
    if (c == t[i]) {
      b++, i++;
    } else if (c == '\r' && t[i] == '\n') {
      b += b + 1 < e && r->s[b + 1] == '\n' ? 2 : 1;
      i++;
    } else if (c == '&') {                 /* a reference: its character */
      int32_t cp;
      for (b++; b < e && (isalnum(r->s[b]) || r->s[b] == '#'); b++) {}
      if (b < e && r->s[b] == ';') b++;
      i += ct_utf8_decode(t + i, n - i, &cp);
    } else {
      b++;                                 /* a byte the parser dropped */
    }
  }
  r->bogus_from = b;
  return i > n ? n : i;
}

static void on_characters(void *ctx, const xmlChar *ch, int len) {
  reader *r = reader_of(ctx);
  size_t lo = r->pos, hi = consumed(r), cut;
  int k;
  if (hi < lo) hi = lo;
  r->pos = hi;
  if (len <= 0) return;
  if (raw_lt(r, ch, len, lo, hi)) {
    if (bogus_start(r, hi)) {
      r->pos = hi + 1;
      return;
    }
    lo = hi, hi = r->pos = hi + 1;         /* the '<' is at its place */
  } else {
    if (lo >= r->bogus_end) {  /* past the last bogus markup: what of it
                               ** the parser did not pass, it dropped */
      r->bogus_from = r->bogus_end;
      bogus_end_tag(r, lo);
    }
    if (r->bogus_from < r->bogus_end &&
        (cut = bogus_cut(r, ch, (size_t)len)) > 0) {
      ch += cut, len -= (int)cut;
      if (len == 0) return;
      if (lo < r->bogus_end) lo = r->bogus_end < hi ? r->bogus_end : hi;
    }
  }
  if (r->dropped > 0) return;
  if (r->counting) {
    count_text(r, ch, (size_t)len);
    return;
  }
  for (k = 0; k < len && html_space(ch[k]); k++) {}
  if (!r->map.open && k == len) return;   /* white space opens no block */
  if (r->bold_break && k < len) {
    /* the line after a bold title line and its <br>: a new block when
    ** it starts as a new line would, else the sentence runs on */
    r->bold_break = 0;
    if (starts_line(ch + k, (size_t)(len - k))) {
      r->pos = lo;          /* the break goes before the text, not past it */
      end_block(r);
      r->pos = hi;
    }
  }
  need_block(r);
  if (r->bold == 0 && k < len) r->all_bold = 0;
  count_text(r, ch, (size_t)len);
  text_event(r, ch, (size_t)len, lo, hi);
}

static void on_other(void *ctx, const xmlChar *value) {
  reader *r = reader_of(ctx);
  (void)value;
  r->pos = consumed(r);
}

static void on_cdata(void *ctx, const xmlChar *value, int len) {
  (void)len;
  on_other(ctx, value);
}

static void push(reader *r, const elem *e) {
  if (r->depth == r->cap) {
    elem *v = ct_grow(r->stack, r->depth, &r->cap, sizeof *v, 64);
    if (v == NULL) {
      r->oom = 1;
      xmlStopParser(r->ctxt);
      return;
    }
    r->stack = v;
  }
  r->stack[r->depth] = *e;
  text_context(&r->stack[r->depth], r->depth ? &r->stack[r->depth - 1] : NULL);
  r->stack[r->depth].outer_link = r->link_top;
  if ((e->named || e->sup) && r->dropped == 0) {
    ct_srcmap_mark(&r->map, &r->stack[r->depth].mark);
    r->stack[r->depth].letters_at = r->letters;
  }
  if (e->link) r->link_top = r->depth + 1;
  r->depth++;
  r->dropped += e->drop;
  r->bold += e->bold;
  r->pre += e->pre;
}

/* Is the '>' at source byte gt the end of a start tag of `name`, read
** since the last event?  Its '<' and whole name are before it. */
static int start_tag_ends(const reader *r, const char *name, size_t gt) {
  size_t k = gt, n = strlen(name);
  while (k > r->pos && r->s[k - 1] != '<') k--;
  return k > r->pos && k + n <= gt &&
         strncasecmp((const char *)r->s + k, name, n) == 0 &&
         (k + n == gt || html_space(r->s[k + n]) || r->s[k + n] == '/');
}

/* Where a start tag's event leaves the source position: at the end of
** its tag (the parser reports it at the '>', or the "/>", or past it).
** An element the parser implies (html, body, p before text that opens a
** page) has no tag there, and the parser has by then read on past the
** text it wraps: the position stays, or that text could not be found.
** A '>' there that ends text (]]>) or a bogus declaration (<!x>) is no
** tag of the element's. */
static size_t start_pos(reader *r, const char *name) {
  size_t c = consumed(r), gt;
  const unsigned char *s = r->s;
  if (c <= r->pos) return r->pos;
  if (c < r->len && s[c] == '>') gt = c;
  else if (c + 1 < r->len && s[c] == '/' && s[c + 1] == '>') gt = c + 1;
  else if (s[c - 1] == '>') gt = c - 1;
  else return r->pos;
  return start_tag_ends(r, name, gt) ? c : r->pos;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  reader *r = reader_of(ctx);
  elem e;
  r->pos = start_pos(r, (const char *)name);
  classify(&e, (const char *)name, atts);
  if (strcmp(e.name, "br") == 0) {
    /* a line break; a second one in a row (white space aside) ends the
    ** paragraph, as the empty line a browser shows; one after a title
    ** line all in bold may (on_characters decides at the next line) */
    if (r->dropped == 0 && r->map.open && r->map.text.len > 0) {
      if (r->map.text.s[r->map.text.len - 1] == '\n') {
        end_block(r);
      } else {
        r->bold_break = r->all_bold && title_line(r);
        ct_srcmap_break(&r->map, r->pos, 1);
      }
    }
    return;   /* void: the parser sends its end at once */
  }
  if (e.kind && r->dropped == 0) end_block(r);
  if (r->depth >= CT_HTML_MAX_DEPTH) {
    /* libxml2 searches its open elements at every end tag: deeper
    ** nesting would make the page quadratic to parse */
    r->too_deep = r->pos + 1;
    xmlStopParser(r->ctxt);
    return;
  }
  push(r, &e);
}

/* A named element that did not hold half of the page's letters was
** furniture (a menu, a share bar, an author box): taken back.  One that
** did was the page's wrapper, named after its layout. */
static void end_named(reader *r, const elem *e) {
  size_t held = r->letters - e->letters_at;
  if (r->counting || 2 * held >= r->page_letters) return;
  ct_srcmap_truncate(&r->map, &e->mark);
  r->letters = e->letters_at;
  r->bold_break = 0;
}

/* Is t[0..n) a note's number or sign (1, 12, 3-5, 1,2, *, a dagger),
** spaces aside? */
static int note_mark(const unsigned char *t, size_t n) {
  size_t i = 0, signs = 0;
  while (n > 0 && t[n - 1] == ' ') n--;
  while (i < n && t[i] == ' ') i++;
  if (i == n || n - i > 12) return 0;
  while (i < n) {
    int32_t cp;
    i += ct_utf8_decode(t + i, n - i, &cp);
    if (!ct_note_char(cp)) return 0;
    signs += cp == '*' || cp > 0x7F;
  }
  return signs <= 3;
}

/* A superscript that is only a note's number or sign after a word or a
** sentence is a reference to a note, not part of the text: it goes, so
** that "trade.<sup>1</sup> They" is two sentences, not "trade.1 They",
** and "agreement<sup>2</sup>" still reads as the word.  After a digit
** (spaces aside) it is an exponent (10<sup>6</sup>) and stays, as does
** any other text. */
static void end_sup(reader *r, const elem *e) {
  const ct_srcmap *m = &r->map;
  size_t at = e->mark.text, before = at;
  if (r->counting || m->nblocks != e->mark.nblocks || at >= m->text.len)
    return;                            /* (nothing since: maybe no text) */
  while (before > 0 && m->text.s[before - 1] == ' ') before--;
  if ((before > 0 && ct_cp_isdigit((unsigned char)m->text.s[before - 1])) ||
      !note_mark((const unsigned char *)m->text.s + at, m->text.len - at))
    return;
  ct_srcmap_truncate(&r->map, &e->mark);
  r->letters = e->letters_at;
}

static void pop(reader *r) {
  elem *e = &r->stack[--r->depth];
  r->dropped -= e->drop;
  r->bold -= e->bold;
  r->pre -= e->pre;
  if (e->link) r->link_top = e->outer_link;
  if (e->sup && r->dropped == 0) end_sup(r, e);
  if (e->named && r->dropped == 0) end_named(r, e);
  if (e->kind && r->dropped == 0) end_block(r);
}

/* The parser closes what it opened; an end it never opened is ignored.
** br was never pushed: its end would search the whole stack. */
static void on_end(void *ctx, const xmlChar *name) {
  reader *r = reader_of(ctx);
  size_t k;
  r->pos = consumed(r);
  if (strcmp((const char *)name, "br") == 0) return;
  for (k = r->depth; k-- > 0;)
    if (strncmp(r->stack[k].name, (const char *)name,
                sizeof r->stack[k].name - 1) == 0)
      break;
  if (k == (size_t)-1) return;
  while (r->depth > k) pop(r);
}

/* ---- the parse ---------------------------------------------------------- */

static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx, (void)msg;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_parser(void) { xmlInitParser(); }

static void set_handler(xmlSAXHandler *sax) {
  memset(sax, 0, sizeof *sax);
  sax->startElement = on_start;
  sax->endElement = on_end;
  sax->characters = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->cdataBlock = on_cdata;
  sax->comment = on_other;
  sax->initialized = 1;
}

/* A parse the parser itself gave up on (out of memory, too deep): the
** text after that point would be lost, so the page fails. */
static ct_status parse_failed(reader *r, const ct_text *src, ct_error *err) {
  const xmlError *e = xmlCtxtGetLastError(r->ctxt);
  size_t line, col;
  if (r->oom || r->map.oom || (e && e->code == XML_ERR_NO_MEMORY))
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", src->name);
  if (r->too_deep) {
    ct_text_linecol(src, r->too_deep - 1, &line, &col);
    return ct_fail(err, CT_ETOOBIG, "%s:%zu:%zu: HTML elements nested "
                   "deeper than %d", src->name, line, col, CT_HTML_MAX_DEPTH);
  }
  if (e == NULL || e->level < XML_ERR_FATAL) return CT_OK;
  ct_text_linecol(src, consumed(r), &line, &col);
  return ct_fail(err, CT_ESYNTAX, "%s:%zu:%zu: HTML parser stopped: %.200s",
                 src->name, line, col, e->message ? e->message : "error");
}

static ct_status parse(reader *r, const ct_text *src, ct_error *err) {
  htmlParserCtxtPtr ctxt;
  ct_status st;
  if (src->len > INT_MAX)
    return ct_fail(err, CT_ETOOBIG, "%s: larger than %d bytes, the HTML "
                   "parser's limit", src->name, INT_MAX);
  if (r->len == 0) return CT_OK;   /* libxml2 makes no context for nothing:
                                   ** an empty page is an empty text */
  ctxt = htmlCreateMemoryParserCtxt((const char *)r->s, (int)r->len);
  if (ctxt == NULL) return ct_fail(err, CT_ENOMEM, "%s: out of memory",
                                   src->name);
  r->ctxt = ctxt;
  set_handler(ctxt->sax);
  ctxt->_private = r;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                     HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  st = parse_failed(r, src, err);
  htmlFreeParserCtxt(ctxt);
  r->ctxt = NULL;
  return st;
}

/* The bytes the parser reads: the file's after its BOM, with each
** invalid byte (kept under --invalid replace) read as '?' so the parser
** never switches encodings under us; its text shows U+FFFD. */
static unsigned char *parser_bytes(const ct_text *src) {
  unsigned char *b = malloc(src->len + 1);
  size_t i = 0;
  if (b == NULL) return NULL;
  memcpy(b, src->data, src->len + 1);
  while (src->invalid && i < src->len) {
    int32_t cp;
    size_t k = ct_utf8_decode(b + i, src->len - i, &cp);
    if (cp < 0) memset(b + i, '?', k);
    i += k;
  }
  return b;
}

ct_status ct_html_extract(ct_text *src, ct_text **out, ct_error *err) {
  reader r;
  unsigned char *bytes;
  ct_status st;
  *out = NULL;
  pthread_once(&init_once, init_parser);
  xmlSetGenericErrorFunc(NULL, quiet);   /* this thread's: no stderr */
  memset(&r, 0, sizeof r);
  if ((bytes = parser_bytes(src)) == NULL) {
    st = ct_fail(err, CT_ENOMEM, "%s: out of memory", src->name);
    ct_text_free(src);
    return st;
  }
  /* Two passes: the first counts the page's letters, which the second
  ** needs to tell a named menu from a wrapper named after its layout. */
  r.s = bytes, r.orig = src->data, r.len = src->len, r.pos = src->body;
  r.counting = 1;
  st = parse(&r, src, err);
  if (st == CT_OK) {
    elem *stack = r.stack;
    size_t cap = r.cap, letters = r.letters;
    memset(&r, 0, sizeof r);
    r.stack = stack, r.cap = cap, r.page_letters = letters;
    r.s = bytes, r.orig = src->data, r.len = src->len, r.pos = src->body;
    st = parse(&r, src, err);
  }
  free(r.stack);
  free(bytes);
  if (st != CT_OK) {
    ct_srcmap_free(&r.map);
    ct_text_free(src);
    return st;
  }
  return ct_srcmap_finish(&r.map, src, CT_INPUT_HTML, out, err);
}
