/*
** engine.c -- classifying the clauses of a document with a rule set.
**
** Matching happens in C: the document's normalized view is scanned once
** by the rule set's phrase automaton (every `words` and `unless` phrase of
** every rule), and the hits are bucketed to clauses by offset.  `regex`
** rules run per clause on its text.  Lua is entered only for `when`
** functions, which get a clause object whose fields are computed on
** demand, so a rule set without `when` never touches Lua at all.
**
** Clauses are classified in document order: `c.heading` and `c.prev` of
** a clause are clause objects whose labels are already final.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lua.h>
#include "core/buf.h"
#include "core/deadline.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/suggest.h"
#include "rules/ctlib.h"
#include "rules/diag.h"
#include "rules/rules.h"
#include "rules/subject.h"
#include "text/norm.h"
#include "text/text.h"

#define CACHE_MAX 4096              /* c:has phrases cached per engine */
#define RECENT_FLOOR 0.01           /* a recent share below it is none */
#define HAS_MAX_PHRASE 1024         /* bytes of a c:has phrase, folded */
#define CLAUSE_MT "clausetag.clause"

/* The document being classified. */
typedef struct docstate {
  const ct_text *t;
  const unsigned char *s;      /* the bytes rules match: t's, or masked */
  unsigned char *masked;       /* t's bytes, Markdown structure blanked */
  const ct_clause *c;
  size_t n;
  size_t first;                /* the document's clauses before c[0] */
  const ct_part *part;         /* what they left, or NULL */
  const char *id;
  ct_norm norm;
  const ct_phrase_hit *ph;     /* phrase hits, input offsets */
  size_t nph;
  double *scores;              /* n * nlabels */
  unsigned char *has;          /* n * nlabels */
  unsigned char *has1;         /* the same before any `next` rule (NULL:
                               ** none ran) */
  ct_hit *hits;                /* all hits, clause after clause */
  size_t nhits, hcap;
  size_t *first_hit;           /* n + 1: where each clause's hits start */
  size_t *hit_n;               /* after `next` rules ran (look_ahead): how
                               ** many each has, which may then lie
                               ** elsewhere; NULL: up to the next one's */
} docstate;

struct ct_engine {
  const ct_ruleset *rs;
  ct_sandbox *sb;
  int *refs;                   /* `when` function per rule, or LUA_NOREF */
  int any_when;
  int any_recent;              /* a rule has context = "recent" */
  size_t nnext;                /* rules with context = "next" */
  int next_words;              /* ... one of them with words, needs or
                               ** `unless` of its own */
  unsigned char *primed;       /* per label: a prior above 0 is known
                               ** (what a next rule reads at the end) */
  int dirty;                   /* a `when` ran since the state was made */
  ct_rematch *rm;
  ct_phrases_scratch *ps;      /* the document scan: holds its phrase hits */
  ct_phrases_scratch *has_ps;  /* c:has scans, which must not touch them */
  ct_rule_error_fn *onerr;
  void *onerr_ud;
  ct_log_fn *onlog;            /* ct.log's lines, NULL: ct.log is free */
  void *onlog_ud;
  size_t log_rule;             /* the rule whose `when` runs ... */
  const ct_clause *log_clause; /* ... on this clause; NULL: none */
  ct_rule_cost *costs;         /* per rule, when a profile is taken */
  int no_hits;                 /* results without hits (ct_engine_keep_hits) */
  docstate *doc;               /* NULL between documents */
  unsigned serial;             /* which document clause objects belong to */
  size_t clause_made;          /* clause whose object the registry holds */
  unsigned clause_serial;      /* ... and of which document */
  size_t *order;               /* rules by phase: own, focus, context,
                               ** vocabulary, next */
  size_t phase[4];             /* where the focus, context, vocabulary
                               ** and next rules start */
  double *own;                 /* per label: positive own evidence */
  unsigned char *owns;         /* per label: own > 0 */
  double *recent;              /* what the clauses before the current one
                               ** left for `context = "recent"`:
                               ** ct_recent_add's nlabels + 1 numbers,
                               ** kept only when a rule reads it */
  double *shares;              /* per label: its recent share for the
                               ** current clause (ct_recent_share) */
  unsigned char *recents;      /* per label: shares > 0 */
  size_t *word_at;             /* per rule: 1 + phrase hit index, or 0 */
  unsigned char *vetoed;       /* per rule: an `unless` phrase hit */
  unsigned char *needed;       /* per rule: a needle of its regex seen */
  unsigned char *gated;        /* per rule: fires only on a clause where the
                               ** scan saw one of its words or needs */
  size_t *pos;                 /* per rule: its place in `order` */
  uint64_t *always;            /* bits by place: the rules not gated */
  uint64_t *live;              /* bits by place: the rules to run on the
                               ** clause (not gated, or a word or need of
                               ** theirs is in it), so that a clause costs
                               ** what its hits ask, not the rule count */
  uint64_t *cond;              /* bits by place, per condition (COND_*)
                               ** and label: the ungated rules that can
                               ** fire on a clause only when it holds for
                               ** their label, added to `live` when it
                               ** does instead of being in `always` */
  size_t nwords;               /* of always, live and each cond set */
  size_t *same_re;             /* per rule: the first rule with the same
                               ** regex pattern (itself, or none) */
  struct re_memo *re_memo;     /* per such first rule: its last result */
  ct_subject subj;             /* what regexes search in clause subj_clause
                               ** of document subj_serial */
  size_t subj_clause;
  unsigned subj_serial;
  ct_subject norm_line;        /* c.norm as one line, the last one asked */
  ct_strmap phrases;           /* c:has phrases */
  ct_vocab_tally *vt;          /* what the learned terms of clause vclause
                               ** of document vserial add up to, for
                               ** every vocabulary rule */
  size_t vclause;
  unsigned vserial;
  ct_deadline re_clock;        /* --rule-time for the regex rules of
                               ** clause re_clause of document re_serial */
  size_t re_clause;
  unsigned re_serial;
  ct_srcfile src;              /* a rule file read again for a message
                               ** (rule_failed): cold, so last */
};

/* The last result of a regex on a clause.  Rule files made by a loop
** (one rule per label) give several rules one pattern: it runs once per
** clause, and the others read the result. */
typedef struct re_memo {
  unsigned serial;             /* the document ... */
  size_t clause;               /* ... and clause (0: none yet) */
  int m;                       /* ct_regex_find's answer, 0 or 1 */
  size_t a, b;                 /* the match in the clause's bytes, when m */
} re_memo;

/* A clause object as rules see it: which clause of which document. */
typedef struct clause_ud {
  size_t index;                /* 1-based */
  unsigned serial;
} clause_ud;

/* {=====================================================================
** Clause objects
** ====================================================================== */

static ct_engine *engine_of(lua_State *L) {
  return lua_touserdata(L, lua_upvalueindex(1));
}

/* The key of the clause metatable in the registry, besides its name: a
** lookup by address is a pointer hash, by name a string interning, and
** every field read and method call checks its clause. */
static const char clause_mt_key = 'c';

static const ct_clause *check_clause(lua_State *L, ct_engine *e, int idx) {
  clause_ud *u = lua_touserdata(L, idx);
  int ok = 0;
  if (u != NULL && lua_getmetatable(L, idx)) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &clause_mt_key);
    ok = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
  }
  if (!ok) u = luaL_checkudata(L, idx, CLAUSE_MT);   /* raises its message */
  if (e->doc == NULL || u->serial != e->serial || u->index == 0 ||
      u->index > e->doc->n)
    luaL_error(L, "clause object used outside its document");
  return &e->doc->c[u->index - 1];
}

static void push_clause(lua_State *L, ct_engine *e, size_t index) {
  clause_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->index = index;
  u->serial = e->serial;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &clause_mt_key);
  lua_setmetatable(L, -2);
}

/* The subject regexes see: the clause text, at most max_clause_bytes,
** cut at a character boundary, as one line (subject.h); made once per
** clause, as several rules and c:find calls search one clause.  NULL
** when out of memory. */
static const ct_subject *clause_subject(ct_engine *e, const ct_clause *c) {
  const char *s = (const char *)e->doc->s + c->start;
  size_t n = c->end - c->start, cap = e->rs->lim.max_clause_bytes;
  if (e->subj_clause == c->index && e->subj_serial == e->serial)
    return &e->subj;
  if (cap != 0 && n > cap) {
    while (cap > 0 && ((unsigned char)s[cap] & 0xC0) == 0x80) cap--;
    n = cap;
  }
  e->subj_clause = 0;
  if (ct_subject_set(&e->subj, s, n) != CT_OK) return NULL;
  e->subj_clause = c->index, e->subj_serial = e->serial;
  return &e->subj;
}

static void push_text(lua_State *L, ct_engine *e, const ct_clause *c) {
  const ct_text *t = e->doc->t;
  if (!t->invalid) {
    lua_pushlstring(L, (const char *)t->data + c->start, c->end - c->start);
  } else {
    char *s = ct_text_span(t, c->start, c->end, 0);
    if (s == NULL) luaL_error(L, "not enough memory");
    lua_pushstring(L, s);
    free(s);
  }
}

/* c.norm: the clause's normalized text read as phrases and regexes read
** a clause, as one line (subject.h), so that a plain string.find of
** "clean energy" finds it across a line end as a phrase does.  The copy
** is the engine's, so a memory error raised by the push leaks nothing. */
static void push_norm(lua_State *L, ct_engine *e, const ct_clause *c) {
  const ct_norm *nm = &e->doc->norm;
  size_t a = ct_norm_from_input(nm, c->start), b = ct_norm_from_input(nm, c->end);
  if (ct_subject_set(&e->norm_line, nm->s + a, b - a) != CT_OK)
    luaL_error(L, "not enough memory");
  lua_pushlstring(L, e->norm_line.s, e->norm_line.len);
}

/* The key of the metatable of `labels` tables, in the registry. */
static const char labels_mt_key = 'l';

/* c.labels: the clause's labels as keys set to true; a declared label
** it does not have reads nil, an undeclared one is an error (its
** metatable's __index), so `labels.trdae` cannot silently be nil. */
static void push_labels(lua_State *L, ct_engine *e, size_t index) {
  size_t k, nl = e->rs->nlabels;
  const unsigned char *has = e->doc->has + (index - 1) * nl;
  lua_createtable(L, 0, 4);
  for (k = 0; k < nl; k++)
    if (has[k]) {
      lua_pushboolean(L, 1);
      lua_setfield(L, -2, e->rs->labels[k].name);
    }
  lua_rawgetp(L, LUA_REGISTRYINDEX, &labels_mt_key);
  lua_setmetatable(L, -2);
}

/* __index of `labels`: reached only for a label the clause lacks. */
static int labels_index(lua_State *L) {
  ct_engine *e = engine_of(L);
  const char *k = lua_tostring(L, 2);
  ct_suggester sg;
  size_t i;
  if (lua_type(L, 2) != LUA_TSTRING)
    return luaL_error(L, "labels are named by strings, not by %s",
                      luaL_typename(L, 2));
  for (i = 0; i < e->rs->nlabels; i++)     /* the common case: declared */
    if (strcmp(e->rs->labels[i].name, k) == 0) return 0;      /* nil */
  ct_suggest_init(&sg, k);       /* an error: only now the edit distances */
  for (i = 0; i < e->rs->nlabels; i++)
    ct_suggest_offer(&sg, e->rs->labels[i].name);
  if (ct_suggest_best(&sg) != NULL)
    return luaL_error(L, "no label '%s' is declared (did you mean '%s'?)",
                      k, ct_suggest_best(&sg));
  return luaL_error(L, "no label '%s' is declared", k);
}

static void push_doc(lua_State *L, ct_engine *e) {
  lua_createtable(L, 0, 2);
  lua_pushstring(L, e->doc->t->name);
  lua_setfield(L, -2, "path");
  if (e->doc->id) {
    lua_pushstring(L, e->doc->id);
    lua_setfield(L, -2, "id");
  }
}

/* The fields and methods of a clause object (docs/rules.md), named in
** clause_fields in this order. */
typedef enum field {
  F_TEXT, F_NORM, F_KIND, F_INDEX, F_LINE, F_COL, F_START, F_STOP, F_DEPTH,
  F_TITLE, F_HEADING, F_PREV, F_LABELS, F_DOC, F_HAS, F_FIND, F_COUNT,
  F_NONE
} field;

static const char *const clause_fields[] = {
  "text", "norm", "kind", "index", "line", "col", "start", "stop", "depth",
  "title", "heading", "prev", "labels", "doc", "has", "find", "count", NULL
};

/* Which field key k (n bytes) names.  Every `when` reads fields on every
** clause, so this is a perfect hash: no two fields share their length
** and first letter, and one comparison confirms the guess. */
static field field_of(const char *k, size_t n) {
  field f = F_NONE;
  switch (n) {
  case 3:
    f = k[0] == 'c' ? F_COL : k[0] == 'd' ? F_DOC : k[0] == 'h' ? F_HAS
                                                                : F_NONE;
    break;
  case 4:
    switch (k[0]) {
    case 't': f = F_TEXT; break;
    case 'n': f = F_NORM; break;
    case 'k': f = F_KIND; break;
    case 'l': f = F_LINE; break;
    case 's': f = F_STOP; break;
    case 'p': f = F_PREV; break;
    case 'f': f = F_FIND; break;
    default: break;
    }
    break;
  case 5:
    switch (k[0]) {
    case 'i': f = F_INDEX; break;
    case 's': f = F_START; break;
    case 'd': f = F_DEPTH; break;
    case 't': f = F_TITLE; break;
    case 'c': f = F_COUNT; break;
    default: break;
    }
    break;
  case 6: f = k[0] == 'l' ? F_LABELS : F_NONE; break;
  case 7: f = k[0] == 'h' ? F_HEADING : F_NONE; break;
  default: break;
  }
  return f != F_NONE && memcmp(k, clause_fields[f], n) == 0 ? f : F_NONE;
}

/* Pushes field f of clause c.  A method is an upvalue of __index (made
** once with the metatable, not a closure per read). */
static void push_field(lua_State *L, ct_engine *e, const ct_clause *c,
                       field f) {
  switch (f) {
  case F_HEADING:
    if (c->heading) push_clause(L, e, c->heading);
    else lua_pushnil(L);
    break;
  case F_PREV:
    if (c->index > 1) push_clause(L, e, c->index - 1);
    else lua_pushnil(L);
    break;
  case F_LABELS: push_labels(L, e, c->index); break;
  case F_KIND: lua_pushstring(L, ct_kind_name(c->kind)); break;
  case F_TEXT: push_text(L, e, c); break;
  case F_NORM: push_norm(L, e, c); break;
  case F_INDEX: lua_pushinteger(L, (lua_Integer)c->index); break;
  case F_LINE: lua_pushinteger(L, (lua_Integer)c->line); break;
  case F_COL: lua_pushinteger(L, (lua_Integer)c->col); break;
  case F_START: lua_pushinteger(L, (lua_Integer)c->start); break;
  case F_STOP: lua_pushinteger(L, (lua_Integer)c->end); break;
  case F_DEPTH: lua_pushinteger(L, c->depth); break;
  case F_TITLE: lua_pushboolean(L, c->title); break;
  case F_DOC: push_doc(L, e); break;
  case F_HAS: case F_FIND: case F_COUNT:
    lua_pushvalue(L, lua_upvalueindex(2 + (int)(f - F_HAS)));
    break;
  case F_NONE: break;
  }
}

/* A field the object does not have is an error, not nil: `c.heding` in a
** `when` would otherwise make a rule that silently never fires. */
static int no_field(lua_State *L) {
  const char *k = lua_tostring(L, 2), *near;
  if (lua_type(L, 2) != LUA_TSTRING)
    return luaL_error(L, "clause fields are named by strings, not by %s",
                      luaL_typename(L, 2));
  if ((near = ct_suggest(k, clause_fields, (size_t)-1)) != NULL)
    return luaL_error(L, "clause has no field '%s' (did you mean '%s'?)", k,
                      near);
  return luaL_error(L, "clause has no field '%s'", k);
}

/* __index: fields are built on demand.  The text fields are copies a
** rule could keep (in a table, across clauses): they are charged and
** count against the rule's memory.  The rest is small and the host's.
** Upvalues: the engine, then the methods has, find, count. */
static int clause_index(lua_State *L) {
  ct_engine *e = engine_of(L);
  const ct_clause *c = check_clause(L, e, 1);
  size_t n = 0;
  const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tolstring(L, 2, &n)
                                                 : NULL;
  field f = k ? field_of(k, n) : F_NONE;
  if (f == F_NONE) return no_field(L);
  if (f == F_TEXT || f == F_NORM) {
    ct_sandbox_charge(L, (c->end - c->start) / 64 + 1);
    push_field(L, e, c, f);
    return 1;
  }
  ct_sandbox_host_begin(e->sb);
  push_field(L, e, c, f);
  ct_sandbox_host_end(e->sb);
  return 1;
}

static int clause_newindex(lua_State *L) {
  return luaL_error(L, "clause objects are read-only");
}

static int clause_tostring(lua_State *L) {
  ct_engine *e = engine_of(L);
  const ct_clause *c = check_clause(L, e, 1);
  lua_pushfstring(L, "clause %d (%s:%d:%d)", (int)c->index, e->doc->t->name,
                  (int)c->line, (int)c->col);
  return 1;
}

/* }===================================================================== */

/* {=====================================================================
** Clause methods: c:has(phrase, ...), c:find(regex), c:count(regex)
** ====================================================================== */

/* Runs a regex (a ct.re object or a pattern, compiled through the ct
** library's cache) over the clause text: the first match, or with
** `counting` the number of matches. */
static int clause_match(lua_State *L, int counting) {
  ct_engine *e = engine_of(L);
  const ct_clause *c = check_clause(L, e, 1);
  const ct_regex *re = ct_lua_checkregex(L, 2);
  const ct_subject *sj = clause_subject(e, c);
  size_t n = 0, ms = 0, me = 0, from = 0;
  if (sj == NULL) return luaL_error(L, "not enough memory");
  ct_sandbox_charge(L, sj->len / 64 + 1);
  while (from <= sj->len &&
         ct_lua_find(L, re, sj->s, sj->len, from, &ms, &me)) {
    n++;
    if (!counting) break;
    from = me > ms ? me : ct_regex_advance(sj->s, sj->len, me);
  }
  if (counting) {
    lua_pushinteger(L, (lua_Integer)n);
    return 1;
  }
  if (n == 0) {
    lua_pushnil(L);   /* one value, as ct.re(...):find and string.find */
    return 1;
  }
  /* 1-based in c.text, like string.find */
  lua_pushinteger(L, (lua_Integer)ct_subject_to_input(sj, ms) + 1);
  lua_pushinteger(L, (lua_Integer)ct_subject_to_input(sj, me));
  return 2;
}

static int clause_find(lua_State *L) { return clause_match(L, 0); }
static int clause_count(lua_State *L) { return clause_match(L, 1); }

/* A cached c:has matcher, and its last answer: rule files often ask the
** same phrase of one clause from several rules (one rule per label), and
** the answer depends only on the clause and the phrase. */
typedef struct has_entry {
  ct_phrases *p;
  unsigned serial;             /* the answer is for this document ... */
  size_t clause;               /* ... and this clause; 0: none yet */
  int found;
} has_entry;

static void drop_phrases(void *v) {
  has_entry *h = v;
  ct_phrases_free(h->p);
  free(h);
}

/* A one-phrase matcher for `phrase`, cached with its last answer: the
** cache's memory is held against the rule's (ct_sandbox_hold), and a
** matcher that does not fit is used once (*owned, *out->p to free).
** Built without anything that can raise; NULL with *why set when the
** phrase is bad. */
static has_entry *phrase_for(lua_State *L, ct_engine *e, const char *phrase,
                             size_t plen, has_entry *once, ct_error *why) {
  char *folded = NULL;
  has_entry *h = NULL;
  ct_phrases *p = NULL;
  ct_status st = CT_OK;
  size_t cost;
  if (plen > HAS_MAX_PHRASE) st = CT_ERULE;
  else if ((folded = ct_fold(phrase, plen)) == NULL) st = CT_ENOMEM;
  else if (strlen(folded) > HAS_MAX_PHRASE) st = CT_ERULE;
  if (st == CT_ERULE)
    ct_fail(why, st, "c:has: phrase too long (%zu bytes; at most %d)", plen,
            HAS_MAX_PHRASE);
  if (st == CT_OK && (h = ct_strmap_get(&e->phrases, folded, strlen(folded))))
    goto done;
  if (st == CT_OK && (p = ct_phrases_new()) == NULL) st = CT_ENOMEM;
  if (st == CT_OK) st = ct_phrases_add(p, folded, 0, why);
  if (st == CT_OK) st = ct_phrases_compile(p, why);
  if (st != CT_OK) {
    ct_phrases_free(p);
    if (st == CT_ENOMEM) ct_fail(why, st, "not enough memory");
    goto done;
  }
  memset(once, 0, sizeof *once);
  once->p = p;
  h = once;                          /* unless it goes into the cache: */
  cost = ct_phrases_memory(p) + sizeof *h;
  if (!ct_sandbox_hold(L, cost)) goto done;          /* no memory left */
  if ((h = malloc(sizeof *h)) != NULL) {
    *h = *once;
    if (ct_strmap_put(&e->phrases, folded, strlen(folded), h) == CT_OK) {
      once->p = NULL;
      goto done;
    }
    free(h);
  }
  ct_sandbox_release(L, cost);       /* cache full */
  h = once;
done:
  free(folded);
  return h;
}

static int phrase_in(lua_State *L, ct_engine *e, const ct_clause *c,
                     const char *phrase, size_t plen) {
  const ct_norm *nm = &e->doc->norm;
  size_t a = ct_norm_from_input(nm, c->start), b = ct_norm_from_input(nm, c->end);
  const ct_phrase_hit *hits;
  has_entry once, *h;
  size_t nh = 0;
  ct_error why;
  ct_sandbox_charge(L, (b - a) / 64 + 1);        /* may raise: nothing held */
  if ((h = phrase_for(L, e, phrase, plen, &once, &why)) == NULL)
    return luaL_error(L, "%s", why.msg);
  if (h->clause == c->index && h->serial == e->serial) return h->found;
  if (ct_phrases_scan_with(h->p, e->has_ps, nm->s + a, b - a, &hits, &nh) !=
      CT_OK)
    nh = 0;
  if (h == &once) {
    ct_phrases_free(once.p);
    return nh > 0;
  }
  h->serial = e->serial;
  h->clause = c->index;
  h->found = nh > 0;
  return h->found;
}

static int clause_has(lua_State *L) {
  ct_engine *e = engine_of(L);
  const ct_clause *c = check_clause(L, e, 1);
  int i, top = lua_gettop(L);
  if (top < 2) luaL_checkstring(L, 2);      /* c:has(): a mistake, not "no" */
  for (i = 2; i <= top; i++) {
    size_t plen;
    const char *ph = luaL_checklstring(L, i, &plen);
    if (phrase_in(L, e, c, ph, plen)) {
      lua_pushboolean(L, 1);
      return 1;
    }
  }
  lua_pushboolean(L, 0);
  return 1;
}

/* }===================================================================== */

/* {=====================================================================
** Engines
** ====================================================================== */

/* Host code, protected: the clause metatable, shared by every clause. */
static int setup_state(lua_State *L) {
  ct_engine *e = lua_touserdata(L, 1);
  static const lua_CFunction methods[] = {clause_has, clause_find,
                                          clause_count};
  size_t i;
  luaL_newmetatable(L, CLAUSE_MT);
  lua_pushlightuserdata(L, e);
  for (i = 0; i < sizeof methods / sizeof *methods; i++) {
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, methods[i], 1);
  }
  lua_pushcclosure(L, clause_index, 4);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, clause_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushlightuserdata(L, e);
  lua_pushcclosure(L, clause_tostring, 1);
  lua_setfield(L, -2, "__tostring");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_rawsetp(L, LUA_REGISTRYINDEX, &clause_mt_key);
  lua_newtable(L);                          /* the labels' metatable */
  lua_pushlightuserdata(L, e);
  lua_pushcclosure(L, labels_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_rawsetp(L, LUA_REGISTRYINDEX, &labels_mt_key);
  return 0;
}

/* The phase of a rule: own evidence, focus, context, and last the
** learned vocabulary, which was fitted to what the others leave.  A
** recent share is weighed with the own evidence, as a prior the clause's
** words confirm or outweigh: so it counts in a focus rule's total and a
** label it gives keeps section context of another one out (on the
** development documents, cross-validated, 0.846 against 0.839 as a
** context rule of the later phase). */
static int phase_of(const ct_rule_info *ri) {
  return ri->context == CT_CONTEXT_NEXT ? 4 : ri->vocabulary ? 3
         : ri->context == CT_CONTEXT_RECENT ? 0
         : ri->context != CT_CONTEXT_NONE ? 2 : ri->focus ? 1 : 0;
}

/* Rules in phase order, each phase in rule order. */
static void order_rules(ct_engine *e) {
  size_t r, n = 0;
  int ph;
  for (ph = 0; ph < 5; ph++) {
    for (r = 0; r < e->rs->nrules; r++)
      if (phase_of(&e->rs->rules[r].info) == ph) {
        e->pos[r] = n;
        e->order[n++] = r;
      }
    if (ph < 4) e->phase[ph] = n;
  }
}

static void set_bit(uint64_t *v, size_t k) {
  v[k / 64] |= (uint64_t)1 << (k % 64);
}

/* The index of the lowest set bit of w (not 0): de Bruijn. */
static unsigned lowest_bit(uint64_t w) {
  static const unsigned char index[64] = {
    0, 1, 56, 2, 57, 49, 28, 3, 61, 58, 42, 50, 38, 29, 17, 4,
    62, 47, 59, 36, 45, 43, 51, 22, 53, 39, 33, 30, 24, 18, 12, 5,
    63, 55, 48, 27, 60, 41, 37, 16, 46, 35, 44, 21, 52, 32, 23, 11,
    54, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6
  };
  return index[((w & (~w + 1)) * UINT64_C(0x03f79d71b4ca8b09)) >> 58];
}

/* The first place >= j, < to, whose bit is set in v; else to. */
static size_t next_bit(const uint64_t *v, size_t j, size_t to) {
  while (j < to) {
    uint64_t w = v[j / 64] >> (j % 64);
    if (w != 0) {
      j += lowest_bit(w);
      return j < to ? j : to;
    }
    j = (j / 64 + 1) * 64;
  }
  return to;
}

/* ct.log from a `when`: the line, with the rule and the clause, to the
** host.  The files' top level runs again in every fresh state; its lines
** were shown when the rule set loaded and are not repeated. */
static void engine_log(lua_State *L, void *ud, const char *line) {
  ct_engine *e = ud;
  const ct_rule_info *ri;
  char buf[sizeof ((ct_error *)0)->msg + 512];
  (void)L;
  if (e->log_clause == NULL || e->doc == NULL) return;
  ri = &e->rs->rules[e->log_rule].info;
  snprintf(buf, sizeof buf, "%s (rule '%s' at %s:%d, clause %s:%zu:%zu)",
           line, ri->id, ri->file, ri->line, e->doc->t->name,
           e->log_clause->line, e->log_clause->col);
  e->onlog(e->onlog_ud, buf);
}

/* A sandboxed state with the clause metatable and, when a rule has a
** `when`, the rule files run in it to hold the functions. */
static ct_status make_state(ct_engine *e, ct_error *err) {
  lua_State *L;
  ct_status st;
  e->dirty = 0;
  e->clause_made = 0;
  if ((st = ct_ruleset_sandbox(e->rs, &e->sb, err)) != CT_OK) return st;
  L = ct_sandbox_lua(e->sb);
  if (e->onlog != NULL && ct_lua_on_log(L, engine_log, e) != CT_OK)
    return ct_fail(err, CT_ENOMEM, "rules: out of memory");
  lua_pushcfunction(L, setup_state);
  lua_pushlightuserdata(L, e);
  if ((st = ct_sandbox_host_call(e->sb, 1, 0, err)) != CT_OK) return st;
  return e->any_when ? ct_ruleset_instantiate(e->rs, e->sb, e->refs, err)
                     : CT_OK;
}

/* What an ungated rule needs of a clause's label before it can fire:
** the label in the section heading's or the previous clause's labels, or
** a recent share of it (a context rule: applies() asks it before
** anything else), or own
** evidence for it (a focus rule without a regex, which eval_rule asks
** before a `when`; with a regex, the regex runs first and may fail). */
enum { COND_SECTION, COND_PREVIOUS, COND_RECENT, COND_FOCUS, COND_NEXT,
       NCONDS, COND_NONE = NCONDS };

static int cond_of(const ct_rule_info *ri) {
  if (ri->context == CT_CONTEXT_SECTION) return COND_SECTION;
  if (ri->context == CT_CONTEXT_PREVIOUS) return COND_PREVIOUS;
  if (ri->context == CT_CONTEXT_NEXT) return COND_NEXT;
  if (ri->context == CT_CONTEXT_RECENT) return COND_RECENT;
  if (ri->focus && !ri->regex) return COND_FOCUS;
  return COND_NONE;
}

/* The rules of condition k and label l (bits by place). */
static uint64_t *cond_set(const ct_engine *e, int k, size_t l) {
  return e->cond + ((size_t)k * e->rs->nlabels + l) * e->nwords;
}

/* Adds the rules of condition k to `live` for every label set in has
** (NULL: none). */
static void add_cond(ct_engine *e, int k, const unsigned char *has) {
  size_t l, w;
  if (has == NULL) return;
  for (l = 0; l < e->rs->nlabels; l++)
    if (has[l]) {
      const uint64_t *set = cond_set(e, k, l);
      for (w = 0; w < e->nwords; w++) e->live[w] |= set[w];
    }
}

/* Can rule r fire only where the document scan saw one of its words or
** needs?  Most rules are words alone: a clause without a hit of theirs
** skips them without a call. */
static int gated(const ct_rule *r) {
  if (r->info.words) return !r->info.regex || r->nneeds > 0;
  return r->nneeds > 0;          /* a regex, or a `when`, behind needs */
}

/* For each regex rule, the first rule with the same pattern. */
static void same_patterns(ct_engine *e) {
  const ct_rule *rules = e->rs->rules;
  size_t r, q;
  for (r = 0; r < e->rs->nrules; r++) {
    e->same_re[r] = r;
    if (rules[r].regex == NULL) continue;
    for (q = 0; q < r; q++)
      if (rules[q].regex != NULL &&
          strcmp(ct_regex_pattern(rules[q].regex),
                 ct_regex_pattern(rules[r].regex)) == 0) {
        e->same_re[r] = q;
        break;
      }
  }
}

static int regex_overtime(void *ud, ct_error *err);

static ct_status engine_init(ct_engine *e, ct_error *err) {
  const ct_ruleset *rs = e->rs;
  ct_regex_limits rl;
  size_t i;
  ct_ruleset_regex_limits(rs, &rl);
  e->rm = ct_rematch_new(&rl);
  if (e->rm) ct_rematch_on_stop(e->rm, regex_overtime, e);
  e->ps = ct_phrases_scratch_new();
  e->has_ps = ct_phrases_scratch_new();
  e->refs = calloc(rs->nrules + 1, sizeof *e->refs);
  e->word_at = calloc(rs->nrules + 1, sizeof *e->word_at);
  e->vetoed = calloc(rs->nrules + 1, 1);
  e->needed = calloc(rs->nrules + 1, 1);
  e->gated = calloc(rs->nrules + 1, 1);
  e->same_re = calloc(rs->nrules + 1, sizeof *e->same_re);
  e->re_memo = calloc(rs->nrules + 1, sizeof *e->re_memo);
  e->order = calloc(rs->nrules + 1, sizeof *e->order);
  e->pos = calloc(rs->nrules + 1, sizeof *e->pos);
  e->nwords = rs->nrules / 64 + 1;
  e->always = calloc(e->nwords, sizeof *e->always);
  e->live = calloc(e->nwords, sizeof *e->live);
  e->cond = calloc((size_t)NCONDS * (rs->nlabels + 1) * e->nwords,
                   sizeof *e->cond);
  e->own = calloc(rs->nlabels + 1, sizeof *e->own);
  e->owns = calloc(rs->nlabels + 1, 1);
  e->recent = calloc(rs->nlabels + 1, sizeof *e->recent);
  e->shares = calloc(rs->nlabels + 1, sizeof *e->shares);
  e->recents = calloc(rs->nlabels + 1, 1);
  e->primed = calloc(rs->nlabels + 1, 1);
  e->vt = ct_vocab_tally_new();
  e->phrases.max = CACHE_MAX;
  if (!e->rm || !e->ps || !e->has_ps || !e->refs || !e->word_at ||
      !e->vetoed || !e->needed || !e->gated || !e->same_re ||
      !e->re_memo || !e->order || !e->own || !e->pos || !e->always ||
      !e->live || !e->cond || !e->owns || !e->recent || !e->shares ||
      !e->recents || !e->primed || !e->vt)
    return ct_fail(err, CT_ENOMEM, "rules: out of memory");
  for (i = 0; i < rs->nlabels; i++) e->primed[i] = rs->labels[i].prior > 0;
  order_rules(e);
  for (i = 0; i < rs->nrules; i++) {
    const ct_rule_info *ri = &rs->rules[i].info;
    int k = cond_of(ri);
    if ((e->gated[i] = gated(&rs->rules[i]))) continue;
    if (k == COND_NONE) set_bit(e->always, e->pos[i]);
    else set_bit(cond_set(e, k, ri->label), e->pos[i]);
  }
  same_patterns(e);
  for (i = 0; i < rs->nrules; i++) {
    e->any_when |= rs->rules[i].info.when;
    e->any_recent |= rs->rules[i].info.context == CT_CONTEXT_RECENT;
    e->nnext += rs->rules[i].info.context == CT_CONTEXT_NEXT;
    e->next_words |= rs->rules[i].info.context == CT_CONTEXT_NEXT &&
                     (e->gated[i] || rs->rules[i].info.unless);
  }
  return make_state(e, err);
}

/* Rule code ran during the last document: whatever it kept (globals,
** upvalues, math.random's sequence) must not reach the next one, or the
** output would depend on which documents an engine saw before (-j) or
** in what order.  The state is made anew, the rule files run again. */
static ct_status fresh_state(ct_engine *e, ct_error *err) {
  if (!e->dirty) return CT_OK;
  ct_sandbox_free(e->sb);
  e->sb = NULL;
  ct_strmap_free(&e->phrases, drop_phrases);    /* held by the old state */
  e->phrases.max = CACHE_MAX;
  return make_state(e, err);
}

ct_status ct_engine_new(const ct_ruleset *rs, ct_engine **out,
                        ct_error *err) {
  ct_engine *e = calloc(1, sizeof *e);
  ct_status st;
  if (e == NULL) return ct_fail(err, CT_ENOMEM, "rules: out of memory");
  e->rs = rs;
  if ((st = engine_init(e, err)) != CT_OK) {
    ct_engine_free(e);
    return st;
  }
  *out = e;
  return CT_OK;
}

void ct_engine_free(ct_engine *e) {
  if (e == NULL) return;
  ct_sandbox_free(e->sb);
  ct_srcfile_free(&e->src);
  ct_rematch_free(e->rm);
  ct_phrases_scratch_free(e->ps);
  ct_phrases_scratch_free(e->has_ps);
  ct_strmap_free(&e->phrases, drop_phrases);
  free(e->refs);
  free(e->word_at);
  free(e->vetoed);
  free(e->needed);
  free(e->gated);
  free(e->same_re);
  free(e->re_memo);
  ct_subject_free(&e->subj);
  ct_subject_free(&e->norm_line);
  free(e->order);
  free(e->pos);
  free(e->always);
  free(e->live);
  free(e->cond);
  free(e->owns);
  free(e->own);
  free(e->recent);
  free(e->shares);
  free(e->recents);
  free(e->primed);
  ct_vocab_tally_free(e->vt);
  free(e);
}

void ct_engine_on_error(ct_engine *e, ct_rule_error_fn *fn, void *ud) {
  e->onerr = fn;
  e->onerr_ud = ud;
}

void ct_engine_set_costs(ct_engine *e, ct_rule_cost *costs) {
  e->costs = costs;
}

void ct_engine_keep_hits(ct_engine *e, int keep) { e->no_hits = !keep; }

void ct_engine_on_log(ct_engine *e, ct_log_fn *fn, void *ud) {
  e->onlog = fn;
  e->onlog_ud = ud;
  if (e->sb != NULL)
    ct_lua_on_log(ct_sandbox_lua(e->sb), fn ? engine_log : NULL, e);
}

/* }===================================================================== */

/* {=====================================================================
** Classifying
** ====================================================================== */

/* Room for k more hits. */
static ct_status reserve_hits(docstate *d, size_t k) {
  if (d->nhits + k > d->hcap) {
    /* the shipped rules leave about 15 hits a clause: one allocation */
    size_t cap = d->hcap ? d->hcap * 2 : 16 * d->n + 64;
    ct_hit *v;
    if (cap < d->nhits + k) cap = d->nhits + k;
    if ((v = realloc(d->hits, cap * sizeof *v)) == NULL) return CT_ENOMEM;
    d->hits = v;
    d->hcap = cap;
  }
  return CT_OK;
}

static ct_status add_hit(docstate *d, size_t rule, size_t label, double w,
                         double strength, size_t start, size_t end) {
  ct_hit *h;
  if (reserve_hits(d, 1) != CT_OK) return CT_ENOMEM;
  h = &d->hits[d->nhits++];
  h->rule = rule;
  h->label = label;
  h->weight = w;
  h->strength = strength;
  h->start = start;
  h->end = end;
  return CT_OK;
}

/* A rule failed on clause c: the message names the rule and the clause.
** With a handler (--keep-going) the rule just does not fire. */
static ct_status rule_failed(ct_engine *e, size_t r, const ct_clause *c,
                             ct_error *err) {
  const ct_rule_info *ri = &e->rs->rules[r].info;
  char where[sizeof err->msg], what[sizeof err->msg];
  size_t room;
  /* where it happened always survives: a long message is cut first */
  snprintf(where, sizeof where, " (rule '%s' at %s:%d, clause %s:%zu:%zu)",
           ri->id, ri->file, ri->line, e->doc->t->name, c->line, c->col);
  memcpy(what, err->msg, sizeof what);
  ct_diags_hint_global(what, sizeof what);
  ct_diags_runtime_column(what, sizeof what, e->rs->files, e->rs->nfiles,
                          &e->src);
  room = sizeof err->msg - 1 - strlen(where);
  if (room < 4) what[0] = '\0';
  else if (strlen(what) > room) {
    while (room > 3 && ((unsigned char)what[room - 3] & 0xC0) == 0x80) room--;
    memcpy(what + room - 3, "...", 4);
  }
  ct_fail(err, err->status, "%s%s", what, where);
  if (e->onerr == NULL) return err->status;
  e->onerr(e->onerr_ud, err);
  return CT_OK;
}

/* Host code, protected: makes the clause object for clause `index` and
** keeps it in the registry, so every `when` of the clause gets the same
** object without another allocation. */
static int make_clause(lua_State *L) {
  ct_engine *e = lua_touserdata(L, 1);
  push_clause(L, e, (size_t)lua_tointeger(L, 2));
  lua_rawsetp(L, LUA_REGISTRYINDEX, &e->clause_made);
  return 0;
}

/* Pushes the clause object of c, made once per clause. */
static ct_status push_current(ct_engine *e, const ct_clause *c,
                              ct_error *err) {
  lua_State *L = ct_sandbox_lua(e->sb);
  ct_status st;
  if (e->clause_made != c->index || e->clause_serial != e->serial) {
    lua_pushcfunction(L, make_clause);
    lua_pushlightuserdata(L, e);
    lua_pushinteger(L, (lua_Integer)c->index);
    if ((st = ct_sandbox_host_call(e->sb, 2, 0, err)) != CT_OK) return st;
    e->clause_made = c->index;
    e->clause_serial = e->serial;
  }
  lua_rawgetp(L, LUA_REGISTRYINDEX, &e->clause_made);
  return CT_OK;
}

/* Calls rule r's `when` on clause c: *strength gets how strongly it
** fires (its number over the declared weight, 1 for true), 0 when the
** rule does not fire. */
static ct_status call_when(ct_engine *e, size_t r, const ct_clause *c,
                           double *strength, ct_error *err) {
  lua_State *L = ct_sandbox_lua(e->sb);
  const ct_rule_info *ri = &e->rs->rules[r].info;
  ct_status st;
  *strength = 0;
  e->dirty = 1;
  lua_rawgeti(L, LUA_REGISTRYINDEX, e->refs[r]);         /* when */
  if ((st = push_current(e, c, err)) != CT_OK) {
    lua_pop(L, 1);                                         /* when */
    return st;
  }
  e->log_rule = r, e->log_clause = c;                     /* for ct.log */
  if (e->costs) e->costs[r].when_calls++;
  st = ct_sandbox_call(e->sb, 1, 1, err);
  e->log_clause = NULL;
  if (st != CT_OK) return st;
  switch (lua_type(L, -1)) {                               /* result */
  case LUA_TNIL:
    break;
  case LUA_TBOOLEAN:
    *strength = lua_toboolean(L, -1);
    break;
  case LUA_TNUMBER:
    *strength = lua_tonumber(L, -1);
    if (!isfinite(*strength)) goto bad;
    if (ri->declared != 0) *strength /= ri->declared;
    if (fabs(*strength * ri->weight) <= CT_WEIGHT_MAX) break;
    st = ct_fail(err, CT_ERULE, "%s:%d: 'when' returned %g: the rule would "
                 "add more than 1000000 to a score", ri->file, ri->line,
                 lua_tonumber(L, -1));
    *strength = 0;
    break;
  bad:
  default:
    *strength = 0;
    st = ct_fail(err, CT_ERULE,
                 "%s:%d: 'when' returned %s; expected a number, true, false "
                 "or nil", ri->file, ri->line,
                 lua_type(L, -1) == LUA_TNUMBER ? "a number that is not "
                 "finite" : lua_typename(L, lua_type(L, -1)));
  }
  lua_pop(L, 1);
  return st;
}

/* Marks the phrase hits inside clause c: the first `words` hit of each
** rule, the rules an `unless` phrase vetoes, and the regexes a needle of
** which is there.  *h walks the document's hits, which are sorted by
** start. */
static void bucket_hits(ct_engine *e, const ct_clause *c, size_t *h) {
  const docstate *d = e->doc;
  size_t k;
  memset(e->word_at, 0, e->rs->nrules * sizeof *e->word_at);
  memset(e->vetoed, 0, e->rs->nrules);
  memset(e->needed, 0, e->rs->nrules);
  memcpy(e->live, e->always, e->nwords * sizeof *e->live);
  while (*h < d->nph && d->ph[*h].start < c->start) (*h)++;
  for (k = *h; k < d->nph && d->ph[k].start < c->end; k++) {
    size_t r = CT_PHRASE_RULE(d->ph[k].id);
    if (d->ph[k].end > c->end) continue;
    switch (CT_PHRASE_LIST(d->ph[k].id)) {
    case CT_LIST_UNLESS: e->vetoed[r] = 1; break;
    case CT_LIST_NEEDS: e->needed[r] = 1; set_bit(e->live, e->pos[r]); break;
    default:
      if (e->word_at[r] == 0) e->word_at[r] = k + 1;
      set_bit(e->live, e->pos[r]);
    }
  }
  *h = k;
}

/* What a clause's own rules (not focus, not context) have decided so far,
** for the rules that look at it. */
typedef struct verdict {
  const double *score;        /* per label */
  const double *own;          /* per label: what own rules added, if > 0 */
  double total;               /* ... summed over the labels */
  const unsigned char *has;   /* per label: own score reaches threshold */
} verdict;

/* The labels of clause `index` (the document's number), or NULL when it
** is none of those known here: the clauses being classified, and the
** section heading and the previous clause a part was given. */
static const unsigned char *labels_of(const docstate *d, size_t index,
                                      size_t nl) {
  if (index > d->first && index - d->first <= d->n)
    return d->has + (index - d->first - 1) * nl;
  if (d->part == NULL || index == 0) return NULL;
  if (index == d->part->heading) return d->part->heading_has;
  if (index == d->first) return d->part->prev_has;
  return NULL;
}

/* What a next rule of label l reads on clause c: 1 when the next clause
** has the label, else 0; after the last clause, the label's prior (as if
** an average clause followed, as `recent` starts a document as if one
** came before: so the last clause, and a clause classified alone, lean
** as much as an average one does), 0 when no prior is known. */
static double next_strength(const ct_engine *e, const ct_clause *c,
                            size_t l) {
  const ct_ruleset *rs = e->rs;
  const unsigned char *nx = labels_of(e->doc, c->index + 1, rs->nlabels);
  if (nx != NULL) return nx[l] != 0;
  return rs->labels[l].prior > 0 ? rs->labels[l].prior : 0;
}

/* Does the clause meet rule r's scope and context?  A context rule takes
** the label of the section heading, the previous clause or the next one,
** and never into a clause whose own evidence gives it another label; a
** recent share is weighed before there is a verdict (phase_of).  Only
** the next clause speaks for a heading: what follows a heading is its
** topic (on the development documents, cross-validated, 0.851 with
** headings, 0.848 without). */
static int applies(const ct_engine *e, const ct_rule_info *ri,
                   const ct_clause *c, const verdict *v) {
  const docstate *d = e->doc;
  const unsigned char *from_has;
  size_t nl = e->rs->nlabels, k, from;
  if ((ri->scope == CT_SCOPE_TITLE && !c->title) ||
      (ri->scope == CT_SCOPE_BODY && c->title))
    return 0;
  if (ri->context == CT_CONTEXT_NONE) return 1;
  if (c->title && ri->context != CT_CONTEXT_NEXT) return 0;
  if (ri->context == CT_CONTEXT_RECENT) return e->recents[ri->label];
  if (ri->context == CT_CONTEXT_NEXT) {
    if (!(next_strength(e, c, ri->label) > 0)) return 0;
  } else {
    from = ri->context == CT_CONTEXT_SECTION ? c->heading : c->index - 1;
    from_has = labels_of(d, from, nl);
    if (from_has == NULL || !from_has[ri->label]) return 0;
  }
  for (k = 0; k < nl; k++)
    if (k != ri->label && v->has[k]) return 0;
  return 1;
}

/* A vocabulary rule's strength: its learned weights summed over the
** clause's terms, on the span of the term that counts most toward the
** sum.  The terms are tallied once per clause for all such rules. */
static ct_status vocab_strength(ct_engine *e, const ct_rule *rule,
                                const ct_clause *c, double *strength,
                                size_t *ms, size_t *me, ct_error *err) {
  if (e->vclause != c->index || e->vserial != e->serial) {
    if (ct_vocab_scan(e->rs->vocab, e->vt, (const char *)e->doc->s + c->start,
                      c->end - c->start, ct_text_readable(e->doc->t, c->end),
                      c->start) != CT_OK)
      return ct_fail(err, CT_ENOMEM, "%s: out of memory", e->doc->t->name);
    e->vclause = c->index, e->vserial = e->serial;
  }
  *strength = ct_vocab_sum(e->vt, rule->vcol, e->no_hits ? NULL : ms, me);
  return CT_OK;
}

/* The regex rules of one clause share --rule-time, as a `when` call has
** it: a clock started by the first of them to search the clause, read
** before each later search and between the windows of a long one
** (regex.h), so that a rule file's patterns cannot take seconds a
** clause. */
static int regex_overtime(void *ud, ct_error *err) {
  ct_engine *e = ud;
  if (!ct_deadline_passed(&e->re_clock)) return 0;
  ct_fail(err, CT_ELIMIT, "time limit exceeded (%lu ms)", e->re_clock.ms);
  return 1;
}

/* Searches clause c with rule's regex: 1 with the match at [*a, *b) of
** the clause's bytes, 0, or -1 with err set. */
static int regex_search(ct_engine *e, const ct_rule *rule,
                        const ct_clause *c, size_t *a, size_t *b,
                        ct_error *err) {
  const ct_subject *sj = clause_subject(e, c);
  int m;
  if (sj == NULL) return ct_fail(err, CT_ENOMEM, "out of memory"), -1;
  if (e->re_clause != c->index || e->re_serial != e->serial) {
    ct_deadline_start(&e->re_clock, e->rs->lim.rule_time_ms);
    e->re_clause = c->index, e->re_serial = e->serial;
  } else if (regex_overtime(e, err)) {
    return -1;
  }
  m = ct_regex_find(rule->regex, e->rm, sj->s, sj->len, 0, a, b, err);
  if (m > 0) *a = ct_subject_to_input(sj, *a), *b = ct_subject_to_input(sj, *b);
  return m;
}

/* Does rule r fire on clause c, and how strongly, on which span?  Called
** only where adds_nothing said the rule may add something: not vetoed,
** its scope and context hold. */
static ct_status eval_rule(ct_engine *e, size_t r, const ct_clause *c,
                           const verdict *v, double *strength, size_t *ms,
                           size_t *me, ct_error *err) {
  const ct_rule *rule = &e->rs->rules[r];
  const docstate *d = e->doc;
  int fired = 0;
  *strength = 0;
  if (rule->info.vocabulary)
    return vocab_strength(e, rule, c, strength, ms, me, err);
  if (!rule->info.regex && rule->nneeds > 0 && !e->needed[r])
    return CT_OK;             /* a `when` whose needs the clause lacks */
  if (e->word_at[r]) {
    *ms = d->ph[e->word_at[r] - 1].start;
    *me = d->ph[e->word_at[r] - 1].end;
    fired = 1;
  } else if (rule->regex && (rule->nneeds == 0 || e->needed[r])) {
    /* without one of its needles in the clause the regex cannot match */
    size_t a = 0, b = 0;
    re_memo *mm = &e->re_memo[e->same_re[r]];
    int m;
    if (mm->clause == c->index && mm->serial == e->serial) {
      m = mm->m, a = mm->a, b = mm->b;
    } else if ((m = regex_search(e, rule, c, &a, &b, err)) >= 0) {
      mm->serial = e->serial, mm->clause = c->index;
      mm->m = m, mm->a = a, mm->b = b;
    }
    if (m < 0) {   /* located like Lua's errors: at the rule */
      char what[sizeof err->msg];
      memcpy(what, err->msg, sizeof what);
      return ct_fail(err, err->status, "%s:%d: %.900s", rule->info.file,
                     rule->info.line, what);
    }
    if (m > 0) *ms = c->start + a, *me = c->start + b, fired = 1;
  }
  if ((rule->info.words || rule->info.regex) && !fired) return CT_OK;
  if (!rule->info.words && !rule->info.regex) *ms = c->start, *me = c->end;
  if (rule->info.focus) {
    if (!(v->own[rule->info.label] > 0)) return CT_OK;
    *strength = v->own[rule->info.label] / v->total;
  } else if (rule->info.context == CT_CONTEXT_RECENT) {
    *strength = e->shares[rule->info.label];
  } else if (rule->info.context == CT_CONTEXT_NEXT) {
    *strength = next_strength(e, c, rule->info.label);
  } else {
    *strength = 1;
  }
  if (rule->info.when) {
    double s = *strength;
    ct_status st = call_when(e, r, c, strength, err);
    *strength *= s;
    return st;
  }
  return CT_OK;
}

/* Is it known without a call that rule r adds nothing to clause c?  An
** `unless` phrase vetoed it, its scope or context does not hold, or it
** is a focus rule whose label has no own evidence (not asked of a regex
** rule: its regex runs first, and a failing one must still fail).  A
** rule that the `cond` sets let through, or one whose words are in the
** clause, often stops here, without the call. */
static int adds_nothing(const ct_engine *e, size_t r, const ct_rule_info *ri,
                        const ct_clause *c, const verdict *v) {
  if (e->vetoed[r] || !applies(e, ri, c, v)) return 1;
  return !ri->regex && ri->focus && !(v->own[ri->label] > 0);
}

/* eval_rule with the time it took added to the rule's cost: a profile
** (ct_engine_set_costs) of the rules that run code per clause. */
static ct_status eval_rule_timed(ct_engine *e, size_t r, const ct_clause *c,
                                 const verdict *v, double *strength,
                                 size_t *ms, size_t *me, ct_error *err) {
  struct timespec a, b;
  ct_status st;
  clock_gettime(CLOCK_MONOTONIC, &a);
  st = eval_rule(e, r, c, v, strength, ms, me, err);
  clock_gettime(CLOCK_MONOTONIC, &b);
  e->costs[r].seconds += (double)(b.tv_sec - a.tv_sec) +
                         (double)(b.tv_nsec - a.tv_nsec) / 1e9;
  return st;
}

/* Runs rules order[from..to) on clause i, adding to its scores. */
static ct_status run_rules(ct_engine *e, size_t i, size_t from, size_t to,
                           const verdict *v, double *own,
                           ct_error *err) {
  docstate *d = e->doc;
  const ct_clause *c = &d->c[i];
  double *scores = d->scores + i * e->rs->nlabels;
  size_t j, ms = 0, me = 0;
  for (j = next_bit(e->live, from, to); j < to;
       j = next_bit(e->live, j + 1, to)) {
    size_t r = e->order[j];
    const ct_rule_info *ri = &e->rs->rules[r].info;
    double strength, w;
    ct_status st;
    if (e->gated[r] && !e->word_at[r] && !e->needed[r]) continue;
    if (adds_nothing(e, r, ri, c, v)) continue;
    st = e->costs && (ri->regex || ri->when || ri->vocabulary)
                       ? eval_rule_timed(e, r, c, v, &strength, &ms, &me, err)
                       : eval_rule(e, r, c, v, &strength, &ms, &me, err);
    if (st == CT_ENOMEM) return st;
    if (st != CT_OK) {
      if ((st = rule_failed(e, r, c, err)) != CT_OK) return st;
      continue;
    }
    if (strength == 0) continue;     /* a 0 weight still shows: train sees it */
    w = strength * ri->weight;
    scores[ri->label] += w;
    if (own && w > 0) own[ri->label] += w;
    if (!e->no_hits && add_hit(d, r, ri->label, w, strength, ms, me) != CT_OK)
      return ct_fail(err, CT_ENOMEM, "%s: out of memory", d->t->name);
  }
  return CT_OK;
}

/* The clause's labels: the labels whose score reaches the threshold. */
static void decide(const ct_ruleset *rs, const double *scores,
                   unsigned char *has) {
  size_t k;
  for (k = 0; k < rs->nlabels; k++)
    has[k] = scores[k] >= rs->labels[k].threshold - 1e-9;
}

/* Hits in rule order, as the phases may have added them out of it. */
static void sort_hits(ct_hit *h, size_t n) {
  size_t i, j;
  for (i = 1; i < n; i++) {
    ct_hit x = h[i];
    for (j = i; j > 0 && h[j - 1].rule > x.rule; j--) h[j] = h[j - 1];
    h[j] = x;
  }
}

/* Own rules first, then focus rules (which weigh the own evidence), then
** context rules (which must know the clause's own labels), then the
** learned vocabulary. */
static ct_status classify_clause(ct_engine *e, size_t i, ct_error *err) {
  docstate *d = e->doc;
  const ct_clause *c = &d->c[i];
  size_t nl = e->rs->nlabels, k;
  unsigned char *has = d->has + i * nl;
  verdict v = {d->scores + i * nl, e->own, 0, has};
  ct_status st;
  d->first_hit[i] = d->nhits;
  memset(e->own, 0, nl * sizeof *e->own);
  if (!c->title && e->any_recent) {
    for (k = 0; k < nl; k++)
      e->recents[k] = (e->shares[k] = ct_recent_share(e->recent, nl, k)) > 0;
    add_cond(e, COND_RECENT, e->recents);
  }
  st = run_rules(e, i, 0, e->phase[0], &v, e->own, err);
  for (k = 0; k < nl; k++) {
    v.total += e->own[k];
    e->owns[k] = e->own[k] > 0;
  }
  add_cond(e, COND_FOCUS, e->owns);
  if (st == CT_OK) st = run_rules(e, i, e->phase[0], e->phase[1], &v, NULL, err);
  decide(e->rs, v.score, has);
  if (!c->title) {
    add_cond(e, COND_SECTION, labels_of(d, c->heading, nl));
    add_cond(e, COND_PREVIOUS, labels_of(d, c->index - 1, nl));
  }
  if (st == CT_OK) st = run_rules(e, i, e->phase[1], e->phase[2], &v, NULL, err);
  decide(e->rs, v.score, has);
  if (st == CT_OK && e->phase[2] < e->phase[3]) {
    st = run_rules(e, i, e->phase[2], e->phase[3], &v, NULL, err);
    decide(e->rs, v.score, has);
  }
  if (d->nhits > d->first_hit[i])     /* d->hits is NULL before the first */
    sort_hits(d->hits + d->first_hit[i], d->nhits - d->first_hit[i]);
  if (e->any_recent) ct_recent_add(e->recent, nl, c, has);
  return st;
}

/* The rules that look at the next clause, on clause i: they read its
** labels as the other rules left them, so they run once every clause
** has those (look_ahead), and what they add is seen by no other rule.
** The clause's phrase hits are gone through again only when such a rule
** has words, needs or `unless` of its own. */
static ct_status next_rules(ct_engine *e, size_t i, size_t *h,
                            ct_error *err) {
  docstate *d = e->doc;
  size_t nl = e->rs->nlabels;
  unsigned char *has = d->has + i * nl;
  verdict v = {d->scores + i * nl, e->own, 0, has};
  const unsigned char *nx;
  ct_status st;
  if (e->next_words) bucket_hits(e, &d->c[i], h);
  else memcpy(e->live, e->always, e->nwords * sizeof *e->live);
  nx = labels_of(d, d->c[i].index + 1, nl);
  add_cond(e, COND_NEXT, nx ? nx : e->primed);
  st = run_rules(e, i, e->phase[3], e->rs->nrules, &v, NULL, err);
  decide(e->rs, v.score, has);
  return st;
}

/* The second pass of a rule set with `context = "next"` rules, over the
** first `keep` clauses.  Each clause's hits are followed by room for one
** hit of each next rule, left in the first pass (classify), so its next
** rules add theirs in place; d->hit_n says how many each has then. */
static ct_status look_ahead(ct_engine *e, size_t keep, ct_error *err) {
  docstate *d = e->doc;
  size_t i, h = 0, total = d->nhits, cells = d->n * e->rs->nlabels + 1;
  ct_status st = CT_OK;
  d->first_hit[d->n] = total;
  if ((d->has1 = malloc(cells)) == NULL ||
      (d->hit_n = malloc((d->n + 1) * sizeof *d->hit_n)) == NULL)
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", d->t->name);
  memcpy(d->has1, d->has, cells);
  for (i = 0; st == CT_OK && i < keep; i++) {
    size_t at = d->first_hit[i];
    d->nhits = d->first_hit[i + 1] - e->nnext;
    d->hit_n[i] = d->nhits - at;
    st = next_rules(e, i, &h, err);
    if (d->nhits - at > d->hit_n[i]) {
      d->hit_n[i] = d->nhits - at;
      sort_hits(d->hits + at, d->hit_n[i]);
    }
  }
  d->nhits = total;
  return st;
}

/* Keeps the first `keep` clauses: the others were only looked ahead to
** (after look_ahead, hit_n says what each kept clause has). */
static void drop_ahead(docstate *d, size_t keep) {
  if (keep < d->n && d->hit_n == NULL) d->nhits = d->first_hit[keep];
  d->n = keep;
}

/* The bytes the rules match: the text's own, or, when clauses hold
** Markdown structure, a copy with it blanked (same offsets, padded as
** the text is for PCRE2's vector reads), so that no phrase or regex
** fires inside a link's URL. */
static ct_status mask_document(docstate *d) {
  const ct_text *t = d->t;
  size_t k, any = 0;
  d->s = t->data;
  for (k = 0; k < d->n && !any; k++) any = ct_clause_mask(t, &d->c[k], NULL);
  if (!any) return CT_OK;
  if ((d->masked = malloc(t->len + 1 + CT_TEXT_PAD)) == NULL)
    return CT_ENOMEM;
  memcpy(d->masked, t->data, t->len + 1 + CT_TEXT_PAD);
  for (k = 0; k < d->n; k++) ct_clause_mask(t, &d->c[k], d->masked);
  d->s = d->masked;
  return CT_OK;
}

/* Normalizes the document and finds every phrase hit in input offsets. */
static ct_status scan_document(ct_engine *e, ct_error *err) {
  docstate *d = e->doc;
  const ct_text *t = d->t;
  const ct_phrase_hit *hits;
  ct_phrase_hit *v;
  size_t k;
  ct_status st = ct_norm_build(&d->norm, (const char *)d->s + t->body,
                               t->len - t->body, t->body);
  if (st == CT_ETOOBIG)
    return ct_fail(err, st, "%s: too large to classify in one piece (2 GiB "
                   "or more once normalized)", t->name);
  if (st != CT_OK ||
      ct_phrases_scan_with(e->rs->phrases, e->ps, d->norm.s, d->norm.len,
                           &hits, &d->nph) != CT_OK)
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", t->name);
  v = (ct_phrase_hit *)hits;          /* the scratch is ours until next scan */
  for (k = 0; k < d->nph; k++) {
    v[k].start = ct_norm_to_input(&d->norm, v[k].start);
    v[k].end = ct_norm_to_input(&d->norm, v[k].end);
  }
  d->ph = v;
  return CT_OK;
}

struct ct_results {
  ct_result *items;         /* n entries (one more, so never empty) */
  size_t n;
  double *scores;           /* the blocks the items point into */
  unsigned char *has, *has1;
  ct_hit *hits;
};

static ct_status alloc_results(docstate *d, size_t nl, ct_results **out) {
  size_t cells = d->n * nl + 1;
  ct_results *r = calloc(1, sizeof *r);
  *out = r;
  d->scores = calloc(cells, sizeof *d->scores);
  d->has = calloc(cells, 1);
  d->first_hit = calloc(d->n + 1, sizeof *d->first_hit);
  if (r != NULL) r->items = calloc(d->n + 1, sizeof *r->items);
  return d->scores && d->has && d->first_hit && r && r->items ? CT_OK
                                                              : CT_ENOMEM;
}

/* Hands the document's arrays to the results, which own them from now. */
static void fill_results(docstate *d, size_t nl, ct_results *r) {
  ct_result *res = r->items;
  size_t i;
  d->first_hit[d->n] = d->nhits;
  if (d->hits == NULL) d->hits = malloc(sizeof *d->hits);   /* never NULL */
  for (i = 0; i < d->n; i++) {
    res[i].scores = d->scores + i * nl;
    res[i].has = d->has + i * nl;
    res[i].context_has = (d->has1 ? d->has1 : d->has) + i * nl;
    res[i].hits = d->hits ? d->hits + d->first_hit[i] : NULL;
    res[i].nhits = d->hit_n ? d->hit_n[i] : d->first_hit[i + 1] - d->first_hit[i];
  }
  r->n = d->n;
  r->scores = d->scores, r->has = d->has, r->hits = d->hits;
  r->has1 = d->has1;
}

/* Classifies c[0..n), the clauses after the document's first `first`;
** part (NULL for a whole document) says what those left. */
static ct_status classify(ct_engine *e, const ct_text *t, const ct_clause *c,
                          size_t n, size_t first, const ct_part *part,
                          const char *doc_id, ct_results **out,
                          ct_error *err) {
  docstate d;
  ct_results *res = NULL;
  size_t i, h = 0, ahead = part != NULL ? part->ahead : 0;
  ct_status st;
  memset(&d, 0, sizeof d);
  d.t = t;
  d.c = c;
  d.n = n;
  d.first = first;
  d.part = part;
  d.id = doc_id;
  st = fresh_state(e, err);
  e->doc = &d;
  if (part != NULL && part->recent != NULL)
    memcpy(e->recent, part->recent, (e->rs->nlabels + 1) * sizeof *e->recent);
  else
    ct_recent_start(e->rs, e->recent);
  e->serial++;
  if (st == CT_OK) st = alloc_results(&d, e->rs->nlabels, &res);
  if (st == CT_OK) st = mask_document(&d);
  if (st == CT_ENOMEM) st = ct_fail(err, st, "%s: out of memory", t->name);
  if (st == CT_OK) st = scan_document(e, err);
  for (i = 0; st == CT_OK && i < n; i++) {
    bucket_hits(e, &c[i], &h);
    st = classify_clause(e, i, err);
    if (st == CT_OK && e->nnext > 0) {      /* room for its next rules */
      if (reserve_hits(&d, e->nnext) != CT_OK)
        st = ct_fail(err, CT_ENOMEM, "%s: out of memory", t->name);
      else
        d.nhits += e->nnext;
    }
  }
  if (st == CT_OK && e->nnext > 0) st = look_ahead(e, n - ahead, err);
  if (st == CT_OK) drop_ahead(&d, n - ahead);
  e->doc = NULL;
  ct_norm_free(&d.norm);
  free(d.masked);
  if (st == CT_OK) fill_results(&d, e->rs->nlabels, res);
  free(d.hit_n);
  if (st == CT_OK) {
    d.first_hit = (free(d.first_hit), NULL);
    *out = res;
    return CT_OK;
  }
  free(d.scores); free(d.has); free(d.has1); free(d.hits); free(d.first_hit);
  if (res != NULL) free(res->items);
  free(res);
  return st;
}

ct_status ct_engine_classify(ct_engine *e, const ct_text *t,
                             const ct_clause *c, size_t n,
                             const char *doc_id, ct_results **out,
                             ct_error *err) {
  return classify(e, t, c, n, 0, NULL, doc_id, out, err);
}

ct_status ct_engine_classify_part(ct_engine *e, const ct_text *t,
                                  const ct_clause *c, size_t n,
                                  const char *doc_id, const ct_part *part,
                                  ct_results **out, ct_error *err) {
  *out = NULL;
  if (e->any_when)
    return ct_fail(err, CT_EUSAGE, "%s: a rule set with 'when' rules "
                   "classifies whole documents only", ct_text_name(t));
  if (part->ahead > n)
    return ct_fail(err, CT_EUSAGE, "%s: the part looks ahead to %zu "
                   "clauses of its %zu", ct_text_name(t), part->ahead, n);
  if (n > 0 && c[0].index != part->before + 1)
    return ct_fail(err, CT_EUSAGE, "%s: the part's first clause is number "
                   "%zu, not %zu", ct_text_name(t), c[0].index,
                   part->before + 1);
  return classify(e, t, c, n, part->before, part, doc_id, out, err);
}

/* A label whose prior is not known starts at 0. */
void ct_recent_start(const ct_ruleset *rs, double *recent) {
  size_t k, any = 0;
  for (k = 0; k < rs->nlabels; k++) {
    recent[k] = rs->labels[k].prior >= 0 ? rs->labels[k].prior : 0;
    any += rs->labels[k].prior >= 0;
  }
  recent[rs->nlabels] = any > 0;
}

/* Each earlier clause counts half as much as the one after it: the
** weights sum to less than 2, so a share is at most 1 and the state
** never grows. */
void ct_recent_add(double *recent, size_t nlabels, const ct_clause *c,
                   const unsigned char *has) {
  size_t k;
  if (c->title) return;
  for (k = 0; k < nlabels; k++) recent[k] = recent[k] / 2 + (has[k] != 0);
  recent[nlabels] = recent[nlabels] / 2 + 1;
}

double ct_recent_share(const double *recent, size_t nlabels, size_t l) {
  double share;
  if (!(recent[nlabels] > 0)) return 0;
  share = recent[l] / recent[nlabels];
  return share >= RECENT_FLOOR ? share : 0;
}

size_t ct_results_count(const ct_results *r) {
  return r != NULL ? r->n : 0;
}

const ct_result *ct_results_get(const ct_results *r, size_t i) {
  return r != NULL && i < r->n ? &r->items[i] : NULL;
}

const ct_result *ct_results_array(const ct_results *r) {
  return r != NULL && r->n > 0 ? r->items : NULL;
}

void ct_results_free(ct_results *r) {
  if (r == NULL) return;
  free(r->scores);
  free(r->has);
  free(r->has1);
  free(r->hits);
  free(r->items);
  free(r);
}
