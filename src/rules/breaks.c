/*
** breaks.c -- the part of a regex that can never match in a clause
** (breaks.h).
**
** One pass over the pattern: escapes and literal characters are decoded
** to a code point, bracket classes are read member by member, and the x
** option is kept per group depth.  Anything else (groups' syntax, names,
** quantifiers) is stepped over a byte at a time, which is safe because
** none of it is white space.
*/
#include <stdio.h>
#include <string.h>
#include "rules/breaks.h"
#include "rules/regex.h"
#include "text/utf8.h"

#define NONE (-1L)      /* names no one character: \d, \p{L}, \b, ... */
#define BREAKS (-2L)    /* \v, \R: line ends only, none of them a space */
#define DEPTH (CT_REGEX_NEST_LIMIT + 2)

typedef struct walk {
  const unsigned char *p;
  unsigned char x[DEPTH];       /* the x option at each group depth */
  int depth;
} walk;

/* White space a clause never holds for a regex: all but the ASCII space. */
static int never(long cp) {
  return cp == BREAKS ||
         (cp > 0 && cp != ' ' && cp <= 0x10FFFF && ct_cp_isspace((int32_t)cp));
}

static int digit(unsigned c, int base) {
  int v = c >= '0' && c <= '9' ? (int)c - '0'
        : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (int)(c | 0x20) - 'a' + 10
        : 99;
  return v < base ? v : -1;
}

/* Up to max digits of base at *pp; the value, capped above U+10FFFF. */
static long number(const unsigned char **pp, int base, int max) {
  long v = 0;
  int d;
  for (; max > 0 && (d = digit(**pp, base)) >= 0; max--, (*pp)++)
    if (v <= 0x10FFFF) v = v * base + d;
  return v;
}

/* {digits} at *pp, as \x{..}, \o{..} and \N{U+..} write them. */
static long braced(const unsigned char **pp, int base) {
  long v;
  (*pp)++;
  v = number(pp, base, 64);
  if (**pp == '}') (*pp)++;
  return v;
}

/* The character at p (not its end): a sequence is at most 4 bytes, and
** the pattern's NUL ends one, so no strlen of the rest is needed. */
static size_t decode(const unsigned char *p, int32_t *u) {
  if (*p < 0x80) return *u = *p, 1;
  return ct_utf8_decode(p, strnlen((const char *)p, 4), u);
}

/* The character an escape names (p is past the backslash), NONE or
** BREAKS; *end is set past it. */
static long escape(const unsigned char *p, const unsigned char **end) {
  unsigned c = *p++;
  long cp = NONE;
  int32_t u;
  switch (c) {
  case 'n': cp = 0x0A; break;
  case 'r': cp = 0x0D; break;
  case 't': cp = 0x09; break;
  case 'f': cp = 0x0C; break;
  case 'v': case 'R': cp = BREAKS; break;
  case 'x': cp = *p == '{' ? braced(&p, 16) : number(&p, 16, 2); break;
  case 'o': if (*p == '{') cp = braced(&p, 8); break;
  case '0': cp = number(&p, 8, 2); break;
  case 'c':                                    /* \cJ: control-J */
    if (*p == '\0') break;
    cp = (long)((*p >= 'a' && *p <= 'z' ? *p - 32 : *p) ^ 0x40);
    p++;
    break;
  case 'N':
    if (p[0] == '{' && p[1] == 'U' && p[2] == '+') p += 2, cp = braced(&p, 16);
    break;
  case 'p': case 'P':
    if (*p == '{') while (*p != '\0' && *p++ != '}') {}
    else if (*p != '\0') p++;
    break;
  default:
    if (c >= 0x80) {                           /* an escaped character */
      p += decode(p - 1, &u) - 1;
      cp = u;
    } else if (digit(c, 36) < 0) {
      cp = (long)c;                            /* \. \- \  ... */
    }
  }
  *end = p;
  return cp;
}

/* The literal character at *pp, stepped over. */
static long literal(const unsigned char **pp) {
  int32_t u;
  *pp += decode(*pp, &u);
  return u;
}

/* 'a..b' as written, in quotes, cut with "..." to fit n bytes. */
static const char *spelled(const unsigned char *a, const unsigned char *b,
                           char *out, size_t n) {
  size_t len = (size_t)(b - a);
  if (n < 8) return NULL;
  if (len + 3 > n) {      /* cut at a character's start, not after a \ */
    len = n - 6;
    while (len > 0 && (a[len] & 0xC0) == 0x80) len--;
    while (len > 0 && a[len - 1] == '\\') len--;
  }
  out[0] = '\'';
  memcpy(out + 1, a, len);
  strcpy(out + 1 + len, len == (size_t)(b - a) ? "'" : "...'");
  return out;
}

static const char *named(long cp, char *out, size_t n) {
  if (n < 24) return NULL;
  snprintf(out, n, "the character U+%04lX", (unsigned long)cp);
  return out;
}

/* Does every character from lo to hi (a class's range) never match?  No
** run of such white space is longer than U+2000..U+200A's eleven. */
static int range_never(long lo, long hi) {
  if (lo < 0 || hi < lo || hi - lo > 16) return 0;
  for (; lo <= hi; lo++)
    if (!never(lo)) return 0;
  return 1;
}

/* A bracket class at w->p (its '['): stepped over; does it match only
** white space a clause never holds? */
static int class_never(walk *w) {
  const unsigned char *p = w->p + 1;
  int neg = *p == '^', all = 1, members = 0;
  p += neg;
  for (; *p != '\0' && (*p != ']' || members == 0); members++) {
    long cp;
    if (p[0] == '[' && p[1] == ':') {          /* [:alpha:] */
      const char *e = strstr((const char *)p + 2, ":]");
      p = e != NULL ? (const unsigned char *)e + 2 : p + 2;
      all = 0;
      continue;
    }
    if (p[0] == '\\' && (p[1] == 'Q' || p[1] == 'E')) {
      all = 0, p += 2;                         /* rare: not followed */
      continue;
    }
    if (*p == '\\' && p[1] != '\0') cp = escape(p + 1, &p);
    else if (w->x[w->depth] && (*p == ' ' || *p == '\t'))
      cp = NONE, p++;         /* layout under xx, which is not told from x */
    else cp = literal(&p);
    if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
      long hi;                                 /* a range: [\t-\r] */
      p++;
      hi = *p == '\\' && p[1] != '\0' ? escape(p + 1, &p) : literal(&p);
      all &= range_never(cp, hi);
      continue;
    }
    all &= never(cp);
  }
  w->p = *p == ']' ? p + 1 : p;
  return all && !neg && members > 0;
}

/* A group opens at w->p (its '('): its options, if any, read. */
static void group(walk *w) {
  const unsigned char *p = w->p + 1;
  int x = w->x[w->depth], off = 0;
  if ((p[0] == '?' && p[1] == '#') ||          /* (?#comment) */
      (p[0] == '*' && !(p[1] >= 'a' && p[1] <= 'z'))) {  /* (*VERB:name) */
    while (*p != '\0' && *p != ')') p++;
    w->p = *p != '\0' ? p + 1 : p;
    return;
  }
  if (*p == '?') {
    const unsigned char *q = p + 1;
    for (; *q != '\0' && strchr("imnsxJUarDPSTW^-", *q) != NULL; q++) {
      if (*q == '^') x = 0;
      else if (*q == '-') off = 1;
      else if (*q == 'x') x = !off;
    }
    if (*q == ')') {                           /* (?x): the rest of the group */
      w->x[w->depth] = (unsigned char)x;
      w->p = q + 1;
      return;
    }
    if (*q == ':') p = q + 1;
    else x = w->x[w->depth];                   /* (?=, (?<name>, ... */
  }
  if (w->depth < DEPTH - 1) w->depth++;
  w->x[w->depth] = (unsigned char)x;
  w->p = p;
}

/* White space that x makes layout outside a class: Pattern_White_Space. */
static size_t layout(const unsigned char *p) {
  int32_t u;
  size_t k;
  if (*p == ' ' || (*p >= 0x09 && *p <= 0x0D)) return 1;
  if (*p < 0x80) return 0;
  k = decode(p, &u);
  return u == 0x85 || u == 0x200E || u == 0x200F || u == 0x2028 ||
         u == 0x2029 ? k : 0;
}

const char *ct_regex_break(const char *pattern, char *out, size_t n) {
  walk w;
  int quoted = 0;
  memset(&w, 0, sizeof w);
  w.p = (const unsigned char *)pattern;
  while (*w.p != '\0') {
    const unsigned char *at = w.p;
    long cp = NONE;
    size_t k;
    if (quoted) {                              /* \Q...\E: all literal */
      if (at[0] == '\\' && at[1] == 'E') quoted = 0, w.p += 2;
      else cp = literal(&w.p);
    } else if (at[0] == '\\' && (at[1] == 'Q' || at[1] == 'E')) {
      quoted = at[1] == 'Q', w.p += 2;
    } else if (at[0] == '\\' && at[1] != '\0') {
      if (never(escape(at + 1, &w.p))) return spelled(at, w.p, out, n);
    } else if (at[0] == '[') {
      if (class_never(&w)) return spelled(at, w.p, out, n);
    } else if (at[0] == '(') {
      group(&w);
    } else if (at[0] == ')') {
      w.depth -= w.depth > 0;
      w.p++;
    } else if (w.x[w.depth] && at[0] == '#') {  /* a comment to the line end */
      while (*w.p != '\0' && *w.p != '\n') w.p++;
    } else if (w.x[w.depth] && (k = layout(at)) > 0) {
      w.p += k;
    } else {
      cp = literal(&w.p);
    }
    if (never(cp)) return named(cp, out, n);
  }
  return NULL;
}
