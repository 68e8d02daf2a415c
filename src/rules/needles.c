/*
** needles.c -- required substrings of a regex (see needles.h).
**
** A recursive descent over the pattern that PCRE2 has already accepted,
** so only what the grammar means matters, not its errors: anything not
** understood sets `bail` and the pattern gets no needles.  Each
** alternative is a sequence of atoms; runs of literal characters that
** must all match in a row are needle candidates, and so is the needle set
** of a group that must match.  A sequence keeps its best candidate; an
** alternation unites its alternatives' sets, and an alternative with no
** candidate makes the whole alternation unfiltered.
*/
#include <stdlib.h>
#include <string.h>
#include "rules/needles.h"
#include "text/utf8.h"

/* A set of needles, any of which every match holds; `any` when no set is
** known (every clause must be tried). */
typedef struct nset {
  char *v[CT_NEEDLES_MAX];
  size_t n;
  int any;
} nset;

typedef struct parser {
  const unsigned char *p, *end;
  int bail;                    /* not understood: no needles */
  int nomem;
} parser;

/* What one atom is. */
enum { A_LIT, A_OTHER, A_ZERO, A_GROUP };

typedef struct atom {
  int kind;
  unsigned char lit[4];        /* A_LIT: the character, lowercased */
  size_t litlen;
  int composable;              /* A_LIT: may compose with a mark after it */
  int starter;                 /* matches only characters that start a
                               ** cluster of the normalized view */
  nset group;                  /* A_GROUP */
} atom;

/* The run of literal characters being read. */
typedef struct run {
  char b[CT_NEEDLE_MAX + 4];
  size_t len;
  size_t lastlen;              /* bytes of the last character */
  int composable;              /* the last character may compose */
  int full;                    /* cut at CT_NEEDLE_MAX */
} run;

static void set_init(nset *s) {
  s->n = 0;
  s->any = 1;
}

static void set_clear(nset *s) {
  size_t i;
  for (i = 0; i < s->n; i++) free(s->v[i]);
  set_init(s);
}

/* The shortest needle's length; a set with fewer needles is better, then
** one whose shortest needle is longer. */
static size_t set_min(const nset *s) {
  size_t i, m = (size_t)-1;
  for (i = 0; i < s->n; i++)
    if (strlen(s->v[i]) < m) m = strlen(s->v[i]);
  return m;
}

static int better(const nset *a, const nset *b) {
  if (a->any) return 0;
  if (b->any) return 1;
  if (a->n != b->n) return a->n < b->n;
  return set_min(a) > set_min(b);
}

/* Keeps the better of *best and *cand in *best; *cand ends empty. */
static void keep_better(nset *best, nset *cand) {
  if (better(cand, best)) {
    set_clear(best);
    *best = *cand;
    set_init(cand);
  } else {
    set_clear(cand);
  }
}

/* Adds needle s (owned) to the union in *u: a needle holding another one
** of the set adds nothing (where it is, the other is too), and one held
** by needles of the set replaces them. */
static void unite_one(nset *u, char *s) {
  size_t i, k = 0;
  for (i = 0; i < u->n; i++)
    if (strstr(s, u->v[i]) != NULL) {
      free(s);
      return;
    }
  for (i = 0; i < u->n; i++) {
    if (strstr(u->v[i], s) != NULL) free(u->v[i]);
    else u->v[k++] = u->v[i];
  }
  u->n = k;
  if (u->n == CT_NEEDLES_MAX) {    /* too many to be worth it */
    free(s);
    set_clear(u);
    return;
  }
  u->v[u->n++] = s;
}

/* *u = *u ∪ *alt (the first alternative starts it); *alt ends empty. */
static void unite(nset *u, nset *alt, int first) {
  size_t i;
  if (first) {
    *u = *alt;
    set_init(alt);
    return;
  }
  if (u->any || alt->any) {
    set_clear(u);
    set_clear(alt);
    return;
  }
  for (i = 0; i < alt->n; i++) {
    if (u->any) free(alt->v[i]);
    else unite_one(u, alt->v[i]);
  }
  alt->n = 0;
  set_init(alt);
}

/* ---- runs ------------------------------------------------------------ */

static void run_add(run *r, const atom *a) {
  if (r->full) return;
  if (r->len + a->litlen > CT_NEEDLE_MAX) {
    r->full = 1;                 /* the prefix so far is still required */
    r->composable = 0;
    return;
  }
  memcpy(r->b + r->len, a->lit, a->litlen);
  r->len += a->litlen;
  r->lastlen = a->litlen;
  r->composable = a->composable;
}

/* The run ends; `next_starter` when what follows it in every match starts
** a cluster of the view (so its last letter cannot compose).  Offers the
** run, compacted as phrases are (white space and hyphens as one space,
** ends trimmed), as a candidate to *best. */
static void run_end(parser *ps, run *r, int next_starter, nset *best) {
  size_t len = r->len, i, o = 0;
  int space = 0;
  char *s;
  nset cand;
  if (len > 0 && r->composable && !next_starter && !r->full)
    len -= r->lastlen;
  r->len = 0;
  r->full = 0;
  if (len == 0) return;
  if ((s = malloc(len + 1)) == NULL) {
    ps->nomem = 1;
    return;
  }
  for (i = 0; i < len; i++) {
    if (r->b[i] == ' ' || r->b[i] == '-') {
      space = o > 0;
      continue;
    }
    if (space) s[o++] = ' ';
    space = 0;
    s[o++] = r->b[i];
  }
  s[o] = '\0';
  if (o == 0) {
    free(s);
    return;
  }
  cand.n = 1;
  cand.any = 0;
  cand.v[0] = s;
  keep_better(best, &cand);
}

/* ---- atoms ----------------------------------------------------------- */

static void parse_alt(parser *ps, nset *out);

/* Skips a bracket class; p is past the '['. */
static void skip_class(parser *ps) {
  const unsigned char *p = ps->p;
  if (*p == '^') p++;
  if (*p == ']') p++;                          /* a leading ']' is literal */
  for (;;) {
    if (*p == '\0') {
      ps->bail = 1;
      return;
    }
    if (*p == ']') break;
    if (*p == '\\') {
      if (p[1] == '\0' || p[1] == 'Q' || p[1] == 'E') {
        ps->bail = 1;
        return;
      }
      p += 2;
      if (*p == '{') {                         /* \p{..}, \x{..} */
        while (*p && *p != '}') p++;
        if (*p == '\0') {
          ps->bail = 1;
          return;
        }
        p++;
      }
      continue;
    }
    if (*p == '[' && p[1] == ':') {            /* [:alpha:] */
      const char *end = strstr((const char *)p + 2, ":]");
      if (end == NULL) {
        ps->bail = 1;
        return;
      }
      p = (const unsigned char *)end + 2;
      continue;
    }
    p++;
  }
  ps->p = p + 1;
}

/* A literal character: lowercased ASCII, or a Hangul syllable. */
static void set_lit(atom *a, const unsigned char *s, size_t n) {
  a->kind = A_LIT;
  memcpy(a->lit, s, n);
  a->litlen = n;
  if (n == 1 && a->lit[0] >= 'A' && a->lit[0] <= 'Z') a->lit[0] += 32;
  /* The ASCII characters that start a canonical composition: letters,
  ** and < = > (with U+0338).  Hangul syllables take a trailing jamo. */
  a->composable = n > 1 || (a->lit[0] >= 'a' && a->lit[0] <= 'z') ||
                  a->lit[0] == '<' || a->lit[0] == '=' || a->lit[0] == '>';
  a->starter = 1;
}

/* After a '\\' outside a class. */
static void parse_escape(parser *ps, atom *a) {
  unsigned char c = *ps->p;
  if (c == '\0' || c >= 0x80) {
    ps->bail = 1;
    return;
  }
  ps->p++;
  if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
    if (c < 0x20 || c == 0x7F) a->kind = A_OTHER;
    else set_lit(a, &c, 1);                    /* \. \: \\ \- ... */
    return;
  }
  if (strchr("bBAZzG", c) != NULL) {
    a->kind = A_ZERO;
  } else if (c == 'N' && *ps->p == '{') {
    ps->bail = 1;
  } else if (strchr("dDsSwWhHvVRNX", c) != NULL) {
    a->kind = A_OTHER;
    a->starter = c == 's';                     /* white space: all starters */
  } else if (c == 'p' || c == 'P') {
    a->kind = A_OTHER;
    if (*ps->p == '{') {
      while (*ps->p && *ps->p != '}') ps->p++;
      if (*ps->p == '\0') ps->bail = 1;
      else ps->p++;
    } else if (*ps->p != '\0') {
      ps->p++;
    } else {
      ps->bail = 1;
    }
  } else {
    ps->bail = 1;     /* \Q, \x, \1, \k, \g, \K, \c, \e, \n, ...: not read */
  }
}

/* After a '(' */
static void parse_group(parser *ps, atom *a) {
  const unsigned char *p = ps->p;
  int look = 0;
  if (*p == '*') {                             /* (*VERB) */
    ps->bail = 1;
    return;
  }
  if (*p == '?') {
    p++;
    if (*p == ':' || *p == '>' || *p == '|') {
      p++;
    } else if (*p == '=' || *p == '!') {
      p++, look = 1;
    } else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
      p += 2, look = 1;
    } else if (*p == '<' || (*p == 'P' && p[1] == '<') || *p == '\'') {
      unsigned char close = *p == '\'' ? '\'' : '>';
      p += *p == 'P' ? 2 : 1;
      while (*p && *p != close) p++;
      if (*p == '\0') {
        ps->bail = 1;
        return;
      }
      p++;
    } else {                                   /* options, (?#, (?(, (?R */
      ps->bail = 1;
      return;
    }
  }
  ps->p = p;
  parse_alt(ps, &a->group);
  if (ps->bail || ps->nomem) return;
  if (*ps->p != ')') {
    ps->bail = 1;
    return;
  }
  ps->p++;
  if (look) {            /* looks, holds nothing of the match: no needle */
    set_clear(&a->group);
    a->kind = A_ZERO;
  } else {
    a->kind = A_GROUP;
  }
}

static void parse_atom(parser *ps, atom *a) {
  unsigned char c = *ps->p;
  a->kind = A_OTHER;
  a->starter = 0;
  set_init(&a->group);
  if (c >= 0x80) {
    int32_t cp;
    size_t k = ct_utf8_decode(ps->p, (size_t)(ps->end - ps->p), &cp);
    if (cp < 0) {
      ps->bail = 1;
      return;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) set_lit(a, ps->p, k);
    ps->p += k;
    return;
  }
  ps->p++;
  switch (c) {
  case '\\': parse_escape(ps, a); break;
  case '(': parse_group(ps, a); break;
  case '[': skip_class(ps); break;
  case '.': break;
  case '^': case '$': a->kind = A_ZERO; break;
  case '*': case '+': case '?': case '{': ps->bail = 1; break;
  default:
    if (c < 0x20 || c == 0x7F) break;          /* a tab, a line break */
    set_lit(a, &c, 1);
  }
}

/* The least number of times the atom must match: reads a quantifier. */
static unsigned long parse_quant(parser *ps) {
  unsigned long min = 1;
  unsigned char c = *ps->p;
  if (c == '?' || c == '*') {
    min = 0;
    ps->p++;
  } else if (c == '+') {
    ps->p++;
  } else if (c == '{') {
    const unsigned char *p = ps->p + 1;
    if (*p < '0' || *p > '9') {                /* PCRE2 reads a literal '{' */
      ps->bail = 1;
      return 1;
    }
    min = 0;
    while (*p >= '0' && *p <= '9') {
      if (min < 100000) min = min * 10 + (unsigned long)(*p - '0');
      p++;
    }
    if (*p == ',') {
      p++;
      while (*p >= '0' && *p <= '9') p++;
    }
    if (*p != '}') {
      ps->bail = 1;
      return 1;
    }
    ps->p = p + 1;
  } else {
    return 1;                                  /* no quantifier */
  }
  if (*ps->p == '?' || *ps->p == '+') ps->p++; /* lazy, possessive */
  return min + 2;                              /* 2: once, quantified */
}

/* One alternative: up to '|', ')' or the end. */
static void parse_seq(parser *ps, nset *best) {
  run r;
  r.len = 0;
  r.full = 0;
  r.composable = 0;
  r.lastlen = 0;
  set_init(best);
  while (!ps->bail && !ps->nomem) {
    unsigned char c = *ps->p;
    unsigned long q;
    int required;
    atom a;
    if (c == '\0' || c == '|' || c == ')') break;
    parse_atom(ps, &a);
    if (ps->bail || ps->nomem) {
      set_clear(&a.group);
      break;
    }
    q = parse_quant(ps);           /* 0, 1 (none), 2 + min (quantified) */
    required = q == 1 || q > 2;
    if (a.kind == A_LIT && q == 1) {
      run_add(&r, &a);
      continue;
    }
    if (a.kind == A_LIT && required) {
      /* x+ or x{2,}: x is required, and what follows it is x again or
      ** the next atom, not known here */
      run_add(&r, &a);
      run_end(ps, &r, 0, best);
      continue;
    }
    run_end(ps, &r, required && a.starter, best);
    if (a.kind == A_GROUP && required) keep_better(best, &a.group);
    else set_clear(&a.group);
  }
  run_end(ps, &r, 0, best);
}

/* Alternatives up to ')' or the end: the union of their sets. */
static void parse_alt(parser *ps, nset *out) {
  int first = 1;
  set_init(out);
  for (;;) {
    nset alt;
    parse_seq(ps, &alt);
    if (ps->bail || ps->nomem) {
      set_clear(&alt);
      set_clear(out);
      return;
    }
    unite(out, &alt, first);
    first = 0;
    if (*ps->p != '|') return;
    ps->p++;
  }
}

ct_status ct_regex_needles(const char *pattern, ct_needles *out) {
  parser ps;
  nset s;
  size_t i;
  memset(out, 0, sizeof *out);
  ps.p = (const unsigned char *)pattern;
  ps.end = ps.p + strlen(pattern);
  ps.bail = ps.nomem = 0;
  parse_alt(&ps, &s);
  if (!ps.bail && !ps.nomem && *ps.p != '\0') ps.bail = 1;   /* a stray ')' */
  if (ps.bail || ps.nomem || s.any) {
    set_clear(&s);
    return ps.nomem ? CT_ENOMEM : CT_OK;
  }
  for (i = 0; i < s.n; i++) out->v[i] = s.v[i];
  out->n = s.n;
  return CT_OK;
}

void ct_needles_free(ct_needles *nd) {
  size_t i;
  if (nd == NULL) return;
  for (i = 0; i < nd->n; i++) free(nd->v[i]);
  nd->n = 0;
}
