/*
** locate.c -- finding keys, values and tokens in a rule file's source
** (see locate.h).
**
** The tokenizer follows Lua 5.4's lexer closely enough to never mistake
** the inside of a string or a comment for code: short strings with
** their escapes (a backslash before a line break continues the string,
** `\z` skips white space), long strings and long comments of any level,
** and Lua's line breaks (\n, \r, \r\n and \n\r count once).  It does not
** check anything: a file that reached here was compiled by Lua already,
** or failed to, and then only the line of the error is searched.
**
** Fields are found at their own table's level: nested braces, brackets
** and parentheses raise the depth, and so do the blocks of a function
** body (function, do, if, repeat ... end/until), so that `label = x`
** inside a `when` function is not taken for the rule's `label` key.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "rules/locate.h"
#include "text/text.h"

enum { T_EOF, T_NAME, T_STRING, T_NUMBER, T_SYMBOL };

typedef struct token {
  int type;
  size_t start, len;           /* raw text, quotes included */
  size_t cstart, clen;         /* a string's content */
  int line;
  size_t linestart;            /* offset where its line starts */
} token;

typedef struct lexer {
  const char *s;
  size_t n, i;
  int line;
  size_t linestart;
} lexer;

static void lex_init(lexer *lx, const char *s, size_t n) {
  lx->s = s, lx->n = n, lx->i = 0, lx->line = 1;
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) lx->i = 3;
  lx->linestart = lx->i;                  /* a BOM is no column */
  if (lx->i < n && s[lx->i] == '#')       /* as the loader skips it */
    while (lx->i < n && s[lx->i] != '\n' && s[lx->i] != '\r') lx->i++;
}

static int at(const lexer *lx, size_t k) {
  return lx->i + k < lx->n ? (unsigned char)lx->s[lx->i + k] : -1;
}

/* Skips one line break (\n, \r, \r\n or \n\r) at the cursor. */
static void newline(lexer *lx) {
  int c = at(lx, 0);
  lx->i++;
  if ((at(lx, 0) == '\n' || at(lx, 0) == '\r') && at(lx, 0) != c) lx->i++;
  lx->line++;
  lx->linestart = lx->i;
}

static int is_nl(int c) { return c == '\n' || c == '\r'; }
static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || is_nl(c);
}
static int is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* At '[': the level of a long bracket "[==[" (its '='s), or -1. */
static int long_level(const lexer *lx) {
  int k = 1;
  while (at(lx, (size_t)k) == '=') k++;
  return at(lx, (size_t)k) == '[' ? k - 1 : -1;
}

/* Skips a long bracket of `level` from its opening '['. */
static void skip_long(lexer *lx, int level) {
  lx->i += (size_t)level + 2;
  while (lx->i < lx->n) {
    int c = at(lx, 0), k;
    if (is_nl(c)) {
      newline(lx);
      continue;
    }
    if (c == ']') {
      for (k = 1; k <= level && at(lx, (size_t)k) == '='; k++) {}
      if (k == level + 1 && at(lx, (size_t)k) == ']') {
        lx->i += (size_t)level + 2;
        return;
      }
    }
    lx->i++;
  }
}

/* Skips a short string from its opening quote. */
static void skip_short(lexer *lx) {
  int q = at(lx, 0);
  lx->i++;
  while (lx->i < lx->n) {
    int c = at(lx, 0);
    if (c == q) {
      lx->i++;
      return;
    }
    if (is_nl(c)) return;                       /* unfinished string */
    if (c != '\\') {
      lx->i++;
      continue;
    }
    lx->i++;                                    /* the backslash */
    c = at(lx, 0);
    if (is_nl(c)) newline(lx);
    else if (c == 'z') {
      lx->i++;
      while (is_space(at(lx, 0))) {
        if (is_nl(at(lx, 0))) newline(lx);
        else lx->i++;
      }
    } else if (c >= 0) {
      lx->i++;
    }
  }
}

/* Skips white space and comments. */
static void skip_blank(lexer *lx) {
  while (lx->i < lx->n) {
    int c = at(lx, 0);
    if (is_nl(c)) newline(lx);
    else if (is_space(c)) lx->i++;
    else if (c == '-' && at(lx, 1) == '-') {
      lx->i += 2;
      if (at(lx, 0) == '[' && long_level(lx) >= 0) skip_long(lx, long_level(lx));
      else
        while (lx->i < lx->n && !is_nl(at(lx, 0))) lx->i++;
    } else {
      return;
    }
  }
}

static const char *const symbols3[] = {"...", NULL};
static const char *const symbols2[] = {"..", "==", "~=", "<=", ">=", "//",
                                       "::", "<<", ">>", NULL};

static int starts(const lexer *lx, const char *p) {
  size_t k = strlen(p);
  return lx->i + k <= lx->n && memcmp(lx->s + lx->i, p, k) == 0;
}

/* The next token. */
static void lex(lexer *lx, token *t) {
  int c, lvl;
  size_t k;
  skip_blank(lx);
  memset(t, 0, sizeof *t);
  t->start = lx->i, t->line = lx->line, t->linestart = lx->linestart;
  if (lx->i >= lx->n) {
    t->type = T_EOF;
    return;
  }
  c = at(lx, 0);
  if (is_alpha(c)) {
    while (is_alpha(at(lx, 0)) || is_digit(at(lx, 0))) lx->i++;
    t->type = T_NAME;
  } else if (is_digit(c) || (c == '.' && is_digit(at(lx, 1)))) {
    while (is_alpha(at(lx, 0)) || is_digit(at(lx, 0)) || at(lx, 0) == '.' ||
           ((at(lx, 0) == '+' || at(lx, 0) == '-') &&
            strchr("eEpP", lx->s[lx->i - 1]) != NULL))
      lx->i++;
    t->type = T_NUMBER;
  } else if (c == '"' || c == '\'') {
    skip_short(lx);
    t->type = T_STRING;
    t->cstart = t->start + 1;
    t->clen = lx->i - t->start >= 2 ? lx->i - t->start - 2 : 0;
  } else if (c == '[' && (lvl = long_level(lx)) >= 0) {
    skip_long(lx, lvl);
    t->type = T_STRING;
    t->cstart = t->start + (size_t)lvl + 2;
    k = lx->i - t->start;
    t->clen = k >= 2 * ((size_t)lvl + 2) ? k - 2 * ((size_t)lvl + 2) : 0;
  } else {
    const char *const *p;
    t->type = T_SYMBOL;
    for (p = symbols3; *p && !starts(lx, *p); p++) {}
    if (*p == NULL)
      for (p = symbols2; *p && !starts(lx, *p); p++) {}
    if (*p != NULL) {
      lx->i += strlen(*p);
    } else {                            /* one character, UTF-8 whole */
      lx->i++;
      while (lx->i < lx->n && (at(lx, 0) & 0xC0) == 0x80) lx->i++;
    }
  }
  t->len = lx->i - t->start;
}

static int is(const lexer *lx, const token *t, int type, const char *text) {
  size_t n = strlen(text);
  return t->type == type && t->len == n && memcmp(lx->s + t->start, text, n) == 0;
}

static int sym(const lexer *lx, const token *t, const char *text) {
  return is(lx, t, T_SYMBOL, text);
}

static int content_is(const lexer *lx, const token *t, const char *text) {
  size_t n = strlen(text);
  return t->type == T_STRING && t->clen == n &&
         memcmp(lx->s + t->cstart, text, n) == 0;
}

/* The token after the cursor, without moving it. */
static void peek(const lexer *lx, token *t) {
  lexer copy = *lx;
  lex(&copy, t);
}

static void place(const lexer *lx, const token *t, ct_srcpos *pos) {
  size_t k;
  int col = 1;
  for (k = t->linestart; k < t->start && k < lx->n; k++)
    col += ((unsigned char)lx->s[k] & 0xC0) != 0x80;
  pos->line = t->line;
  pos->col = col;
}

/* Line `line` of long string t (1: its first, after the line break
** that Lua drops after the opening bracket), at its first non-blank
** character.  Nothing for another token, or a string with fewer lines. */
static void place_line(const lexer *lx, const token *t, int line,
                       ct_srcpos *pos) {
  lexer sub = *lx;
  token here;
  if (t->type != T_STRING || lx->s[t->start] != '[') return;
  sub.i = t->cstart, sub.n = t->cstart + t->clen;
  sub.line = t->line, sub.linestart = t->linestart;
  if (sub.i < sub.n && is_nl(at(&sub, 0))) newline(&sub);
  while (line > 1 && sub.i < sub.n) {
    if (is_nl(at(&sub, 0))) newline(&sub), line--;
    else sub.i++;
  }
  if (line > 1) return;
  while (sub.i < sub.n && (at(&sub, 0) == ' ' || at(&sub, 0) == '\t')) sub.i++;
  memset(&here, 0, sizeof here);
  here.start = sub.i, here.line = sub.line, here.linestart = sub.linestart;
  place(&sub, &here, pos);
}

/* How a token changes the nesting: brackets, and a function body's
** blocks. */
static int nesting(const lexer *lx, const token *t) {
  if (t->type == T_SYMBOL)
    return sym(lx, t, "{") || sym(lx, t, "(") || sym(lx, t, "[") ? 1
           : sym(lx, t, "}") || sym(lx, t, ")") || sym(lx, t, "]") ? -1 : 0;
  if (t->type != T_NAME) return 0;
  if (is(lx, t, T_NAME, "function") || is(lx, t, T_NAME, "do") ||
      is(lx, t, T_NAME, "if") || is(lx, t, T_NAME, "repeat"))
    return 1;
  return is(lx, t, T_NAME, "end") || is(lx, t, T_NAME, "until") ? -1 : 0;
}

/* With the cursor just inside a table's '{': finds field `key`
** (`key = ` or `["key"] = `) among the table's own fields and leaves the
** cursor after its '='. */
static int find_key(lexer *lx, const char *key, token *found) {
  token t, u;
  int depth = 0, fresh = 1;         /* fresh: a field may start here */
  for (;;) {
    lex(lx, &t);
    if (t.type == T_EOF) return 0;
    if (depth == 0 && fresh) {
      if (is(lx, &t, T_NAME, key)) {
        peek(lx, &u);
        if (sym(lx, &u, "=")) {
          lex(lx, &u);
          *found = t;
          return 1;
        }
      } else if (sym(lx, &t, "[")) {
        lexer save = *lx;
        lex(lx, &u);
        if (content_is(lx, &u, key)) {
          lex(lx, &u);
          if (sym(lx, &u, "]")) {
            lex(lx, &u);
            if (sym(lx, &u, "=")) {
              *found = t;
              return 1;
            }
          }
        }
        *lx = save;
      }
    }
    depth += nesting(lx, &t);
    if (depth < 0) return 0;                    /* the table's '}' */
    fresh = depth == 0 && (sym(lx, &t, ",") || sym(lx, &t, ";") ||
                           sym(lx, &t, "{"));
  }
}

/* With the cursor just inside a list's '{': the first token of its
** elem-th positional element (fields with keys are not counted, as in
** Lua). */
static int find_elem(lexer *lx, size_t elem, token *found) {
  token t, u;
  int depth = 0, fresh = 1;
  size_t k = 0;
  for (;;) {
    lex(lx, &t);
    if (t.type == T_EOF) return 0;
    if (depth == 0 && fresh && !sym(lx, &t, "}") && !sym(lx, &t, "[")) {
      peek(lx, &u);
      if (!(t.type == T_NAME && sym(lx, &u, "=")) && ++k == elem) {
        *found = t;
        return 1;
      }
    }
    depth += nesting(lx, &t);
    if (depth < 0) return 0;
    fresh = depth == 0 && (sym(lx, &t, ",") || sym(lx, &t, ";"));
  }
}

/* The keyword of the declaration on q->line: the one followed by its
** name when there are several, else the first. */
static int find_decl(lexer *lx, const ct_locate_query *q, token *kw,
                     token *first) {
  lexer best;
  token t, u, bestkw;
  int have = 0;
  memset(first, 0, sizeof *first);
  memset(&bestkw, 0, sizeof bestkw);
  best = *lx;
  for (;;) {
    lex(lx, &t);
    if (t.type == T_EOF || t.line > q->line) break;
    if (t.line < q->line) continue;
    if (first->type == T_EOF) *first = t;
    if (q->decl == NULL || !is(lx, &t, T_NAME, q->decl)) continue;
    peek(lx, &u);
    if (q->name == NULL || content_is(lx, &u, q->name)) {
      *kw = t;
      return 1;
    }
    if (!have) best = *lx, bestkw = t, have = 1;
  }
  if (have) *lx = best, *kw = bestkw;
  return have;
}

/* From after the keyword, to just inside its table's '{'. */
static int enter_table(lexer *lx, const ct_locate_query *q) {
  token t;
  lex(lx, &t);
  if (q->name != NULL) {                 /* "name" or ("a" .. b) */
    if (sym(lx, &t, "(")) {
      int depth = 1;
      while (depth > 0) {
        lex(lx, &t);
        if (t.type == T_EOF) return 0;
        depth += sym(lx, &t, "(") - sym(lx, &t, ")");
      }
    } else if (t.type != T_STRING) {
      return 0;
    }
    lex(lx, &t);
  }
  return sym(lx, &t, "{");
}

int ct_locate(const char *src, size_t len, const ct_locate_query *q,
              ct_srcpos *pos) {
  lexer lx;
  token kw, first, t, v;
  size_t k;
  memset(&kw, 0, sizeof kw);
  pos->line = q->line > 0 ? q->line : 1;
  pos->col = 1;
  lex_init(&lx, src, len);
  if (!find_decl(&lx, q, &kw, &first)) {
    if (first.type != T_EOF) place(&lx, &first, pos);
    return 0;
  }
  place(&lx, &kw, pos);
  if (q->nkeys == 0 && q->elem == 0) {
    if (q->at_value) {                        /* the name after it */
      peek(&lx, &v);
      if (v.type != T_EOF && v.line == kw.line) place(&lx, &v, pos);
      return 2;
    }
    return 1;
  }
  if (!enter_table(&lx, q)) return 1;
  for (k = 0; k < q->nkeys; k++) {
    if (!find_key(&lx, q->keys[k], &t)) return k == 0 ? 1 : 2;
    place(&lx, &t, pos);
    if (k + 1 < q->nkeys) {
      lex(&lx, &v);
      if (!sym(&lx, &v, "{")) return 2;
    }
  }
  if (q->elem > 0) {
    if (q->nkeys > 0) {
      lex(&lx, &v);
      place(&lx, &v, pos);
      if (!sym(&lx, &v, "{")) return 3;    /* a single value: itself */
    }
    if (find_elem(&lx, q->elem, &t)) place(&lx, &t, pos);
    return 3;
  }
  if (q->at_value && q->nkeys > 0) {
    peek(&lx, &v);
    if (v.type != T_EOF) place(&lx, &v, pos);
    if (q->value_line > 0) place_line(&lx, &v, q->value_line, pos);
    return 3;
  }
  return q->nkeys > 0 ? 2 : 1;
}

/* The place right after token t (on its last line, for a long string
** over several). */
static void place_end(const lexer *lx, const token *t, ct_srcpos *pos) {
  lexer sub = *lx;
  token end;
  sub.i = t->start, sub.n = t->start + t->len;
  sub.line = t->line, sub.linestart = t->linestart;
  while (sub.i < sub.n) {
    if (is_nl(at(&sub, 0))) newline(&sub);
    else sub.i++;
  }
  memset(&end, 0, sizeof end);
  end.start = sub.i, end.line = sub.line, end.linestart = sub.linestart;
  place(&sub, &end, pos);
}

int ct_locate_token(const char *src, size_t len, int line, const char *tok,
                    ct_srcpos *pos, ct_srcpos *after_prev) {
  lexer lx;
  token t, first, prev;
  int eof = strcmp(tok, "<eof>") == 0;
  size_t n = strlen(tok);
  pos->line = line > 0 ? line : 1;
  pos->col = 1;
  if (after_prev) after_prev->line = after_prev->col = 0;
  memset(&first, 0, sizeof first);
  memset(&prev, 0, sizeof prev);
  lex_init(&lx, src, len);
  for (;; prev = t) {
    lex(&lx, &t);
    if (t.type == T_EOF) {
      if (!eof) break;
      place(&lx, &t, pos);
      break;
    }
    if (t.line > line && !eof) break;
    if (t.line != line) continue;
    if (first.type == T_EOF) first = t;
    if (!eof && t.len == n && memcmp(src + t.start, tok, n) == 0) {
      place(&lx, &t, pos);
      break;
    }
  }
  if (!eof && (t.type == T_EOF || t.line != line)) {      /* not there */
    if (first.type != T_EOF) place(&lx, &first, pos);
    return 0;
  }
  if (after_prev && prev.type != T_EOF) place_end(&lx, &prev, after_prev);
  return 1;
}

int ct_locate_name_once(const char *src, size_t len, int line,
                        const char *tok, ct_srcpos *pos) {
  lexer lx;
  token t, hit;
  size_t n = strlen(tok);
  int seen = 0;
  memset(&hit, 0, sizeof hit);
  lex_init(&lx, src, len);
  for (lex(&lx, &t); t.type != T_EOF && t.line <= line; lex(&lx, &t))
    if (t.line == line && t.type == T_NAME && t.len == n &&
        memcmp(src + t.start, tok, n) == 0 && seen++ == 0)
      hit = t;
  if (seen != 1) return 0;
  place(&lx, &hit, pos);
  return 1;
}

const char *ct_srcfile_get(ct_srcfile *f, const char *path, size_t *len) {
  ct_error err;
  FILE *in;
  if (f->path == NULL || strcmp(f->path, path) != 0) {
    free(f->path);
    ct_buf_clear(&f->text);
    f->ok = 0;
    if ((f->path = strdup(path)) == NULL) return NULL;
    if ((in = fopen(path, "rb")) != NULL) {     /* "-" is a file's name here,
                                                ** as the loader read it */
      f->ok = ct_read_stream_bytes(in, path, CT_SRCFILE_MAX, &f->text,
                                   &err) == CT_OK;
      fclose(in);
    }
  }
  *len = f->text.len;
  return f->ok ? (f->text.s ? f->text.s : "") : NULL;
}

void ct_srcfile_free(ct_srcfile *f) {
  free(f->path);
  ct_buf_free(&f->text);
  f->path = NULL;
  f->ok = 0;
}
