/*
** ruleset.c -- loading rule files into a ct_ruleset.
**
** A rule file is Lua that declares: label "x" {...}, rule "id" {...},
** example {...}, abbreviations {...}, weights {...}.  The declarations
** are C functions put in each file's environment; they check every key
** strictly (an unknown key is an error, not silently ignored) and report
** each mistake to the diagnostics (diag.c) at the key or value it is
** about, then go on: a declaration with three mistakes gives three
** errors, and the file runs on to its end, so one load finds every
** mistake of every file (up to the cap).  A declaration keeps what it
** could read (a rule with a misspelt key is still declared), so that the
** checks across files do not report its mistakes a second time as
** undeclared names.  Only running out of memory raises, and everything
** a declaration allocates is attached to the rule set before anything
** can raise, so ct_ruleset_free releases a half-built set.
*/
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <lauxlib.h>
#include <lua.h>
#include "core/buf.h"
#include "core/error.h"
#include "core/suggest.h"
#include "rules/ctlib.h"
#include "rules/diag.h"
#include "rules/fields.h"
#include "rules/needles.h"
#include "rules/rules.h"
#include "text/utf8.h"

/* What the declaration functions work on while files run. */
typedef struct loader {
  ct_ruleset *rs;
  int *refs;            /* instantiating an engine: `when` refs, else NULL */
  size_t next_rule;     /* instantiating: index of the next rule */
  ct_diags *diags;      /* loading: where mistakes go */
  int file_failed;      /* loading: a file stopped before its end */
} loader;

/* The declarations, for a suggestion after a misspelt one. */
static const char *const decl_names[] = {"label", "rule", "example",
                                         "abbreviations", "weights", NULL};

void ct_limits_default(ct_limits *lim) {
  lim->rule_budget = CT_DEFAULT_RULE_BUDGET;
  lim->rule_memory = CT_DEFAULT_RULE_MEMORY;
  lim->max_clause_bytes = CT_DEFAULT_MAX_CLAUSE_BYTES;
  lim->match_limit = CT_DEFAULT_MATCH_LIMIT;
  lim->rule_time_ms = CT_DEFAULT_RULE_TIME_MS;
}

/* A regex limit in ct.re or c:find stops the rule like any other limit,
** beyond the reach of pcall. */
static void regex_limit(lua_State *L, void *ud, const char *msg) {
  (void)ud;
  ct_sandbox_kill(L, msg);
}

/* Work the ct library does in C is charged to the rule's budget. */
static void ct_charge(lua_State *L, void *ud, unsigned long units) {
  (void)ud;
  ct_sandbox_charge(L, units);
}

/* ... and the regexes it compiles count against the rule's memory. */
static int ct_hold(lua_State *L, void *ud, size_t bytes, int release) {
  (void)ud;
  if (!release) return ct_sandbox_hold(L, bytes);
  ct_sandbox_release(L, bytes);
  return 1;
}

void ct_ruleset_regex_limits(const ct_ruleset *rs, ct_regex_limits *rl) {
  ct_regex_default_limits(rl);
  rl->match_limit = (uint32_t)rs->lim.match_limit;
  rl->clocked = rs->lim.rule_time_ms > 0;
}

ct_status ct_ruleset_sandbox(const ct_ruleset *rs, ct_sandbox **out,
                             ct_error *err) {
  ct_sandbox_limits sl = {rs->lim.rule_budget, rs->lim.rule_memory,
                          rs->lim.rule_time_ms};
  ct_regex_limits rl;
  ct_sandbox *sb;
  lua_State *L;
  ct_status st;
  if ((st = ct_sandbox_new(&sl, &sb, err)) != CT_OK) return st;
  L = ct_sandbox_lua(sb);
  ct_ruleset_regex_limits(rs, &rl);
  st = ct_sandbox_addglobal(sb, "ct", ct_lua_open_ct, err);
  if (st == CT_OK && (ct_lua_set_limits(L, &rl) != CT_OK ||
                      ct_lua_on_limit(L, regex_limit, NULL) != CT_OK ||
                      ct_lua_on_charge(L, ct_charge, NULL) != CT_OK ||
                      ct_lua_on_hold(L, ct_hold, NULL) != CT_OK))
    st = ct_fail(err, CT_ENOMEM, "rules: cannot set regex limits");
  if (st != CT_OK) {
    ct_sandbox_free(sb);
    return st;
  }
  *out = sb;
  return CT_OK;
}

/* {=====================================================================
** The loader as declarations see it
** ====================================================================== */

static char *xstrdup(lua_State *L, const char *s) {
  char *d;
  if (s == NULL) return NULL;
  d = strdup(s);
  if (d == NULL) luaL_error(L, "not enough memory");
  return d;
}

/* The key of the registry slot that holds the loader of the files running
** now, NULL otherwise. */
static const char loader_key = 'L';

/* "FILE:LINE" of the Lua code that called the running C function. */
static void caller_where(lua_State *L, char *file, size_t fsize, int *line) {
  lua_Debug ar;
  snprintf(file, fsize, "?");
  *line = 0;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
    const char *src = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
    snprintf(file, fsize, "%s", src);
    *line = ar.currentline;
  }
}

/* The loader in upvalue 1, if it is the one running files now.  A
** declaration function kept past loading (called from a `when`, or saved
** in a local and called later) belongs to a loader that is gone: it fails
** instead of writing through it. */
static loader *live_loader(lua_State *L) {
  loader *ld = lua_touserdata(L, lua_upvalueindex(1)), *now;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &loader_key);
  now = lua_touserdata(L, -1);
  lua_pop(L, 1);
  if (now == NULL || now != ld)     /* luaL_error adds the FILE:LINE */
    luaL_error(L, "declarations (label, rule, example, abbreviations, "
               "weights) are made while a rule file loads; they cannot be "
               "called afterwards, as from a 'when' function");
  return ld;
}

/* }===================================================================== */

/* {=====================================================================
** label "x" { title, description, threshold, color }
** ====================================================================== */

static const char *const label_keys[] = {"title", "description", "threshold",
                                         "color", NULL};

/* The colours of the text format (docs/rules.md). */
static const char *const color_names[] = {"red", "green", "yellow", "blue",
                                          "magenta", "cyan", NULL};

static ct_label_info *find_label(ct_ruleset *rs, const char *name) {
  size_t i;
  for (i = 0; i < rs->nlabels; i++)
    if (strcmp(rs->labels[i].name, name) == 0) return &rs->labels[i];
  return NULL;
}

static void *grow(lua_State *L, void *v, size_t n, size_t size) {
  void *p;
  if (n != 0 && (n < 8 || (n & (n - 1)) != 0)) return v;   /* room left */
  p = realloc(v, (n ? n * 2 : 8) * size);
  if (p == NULL) luaL_error(L, "not enough memory");
  return p;
}

static const char *opt_color(lua_State *L, ct_site *s, int idx) {
  const char *v = ct_opt_string(L, s, idx, "color");
  const char *const *p;
  char hint[160] = "";
  if (v == NULL) return NULL;
  for (p = color_names; *p && strcmp(*p, v) != 0; p++) {}
  if (*p != NULL) return v;
  ct_diags_suggest(hint, sizeof hint, v, color_names, (size_t)-1);
  ct_value_err(s, "color", "'color' must be red, green, yellow, blue, magenta "
            "or cyan, not '%s'%s", v, hint);
  return NULL;
}

static int label_body(lua_State *L) {
  loader *ld = live_loader(L);
  ct_ruleset *rs = ld->rs;
  const char *name = lua_tostring(L, lua_upvalueindex(2));
  ct_site s;
  ct_label_info *prev, *lb;
  const char *bad;
  ct_site_init(&s, ld->diags, "label", name);
  snprintf(s.file, sizeof s.file, "%s", lua_tostring(L, lua_upvalueindex(3)));
  s.line = (int)lua_tointeger(L, lua_upvalueindex(4));
  if (!lua_istable(L, 1)) {
    ct_site_err(&s, "expected a table {...}, not %s", ct_given(L, 1));
    return 0;
  }
  if (ld->refs) return 0;                       /* engine: nothing to do */
  ct_check_keys(L, &s, 1, label_keys, 0);
  if ((prev = find_label(rs, name)) != NULL) {
    ct_at_name_err(&s, "already declared at %s:%d", prev->file, prev->line);
    return 0;
  }
  rs->labels = grow(L, rs->labels, rs->nlabels, sizeof *rs->labels);
  lb = &rs->labels[rs->nlabels++];
  memset(lb, 0, sizeof *lb);
  lb->name = xstrdup(L, name);
  lb->file = xstrdup(L, s.file);
  lb->line = s.line;
  lb->title = xstrdup(L, ct_opt_string(L, &s, 1, "title"));
  lb->description = xstrdup(L, ct_opt_string(L, &s, 1, "description"));
  lb->color = xstrdup(L, opt_color(L, &s, 1));
  lb->threshold = ct_opt_number(L, &s, 1, "threshold", 1.0);
  if ((bad = ct_weight_problem(lb->threshold, 1)) != NULL) {
    ct_value_err(&s, "threshold", "'threshold' %s", bad);
    lb->threshold = 1.0;
  }
  lb->declared_threshold = lb->threshold;
  lb->prior = -1;
  return 0;
}

/* Names are printed in every output format and message, so they hold
** nothing that could forge a line, a field or a terminal escape: letters,
** combining marks, digits and _ . - : / +.  Returns NULL when `name` is
** one, else what is wrong with it. */
static const char *name_problem(const char *name, size_t n, char *why,
                                size_t size) {
  const unsigned char *str = (const unsigned char *)name;
  size_t i = 0, k;
  if (n > CT_NAME_MAX) {
    snprintf(why, size, "is longer than %d bytes", CT_NAME_MAX);
    return why;
  }
  while (i < n) {
    int32_t cp;
    k = ct_utf8_decode(str + i, n - i, &cp);
    if (cp < 0) {
      snprintf(why, size, "is not valid UTF-8 (byte %zu)", i + 1);
      return why;
    }
    if (!ct_cp_isalnum(cp) && !ct_cp_ismark(cp) &&
        (cp >= 0x80 || strchr("_.-:/+", (int)cp) == NULL || cp == 0)) {
      snprintf(why, size, "holds U+%04X (byte %zu); a name holds letters, "
               "digits and _ . - : / + only", (unsigned)cp, i + 1);
      return why;
    }
    i += k;
  }
  return NULL;
}

/* What a declaration with a bad name returns in place of its body: it
** takes the table and declares nothing, so the file goes on. */
static int ignored_body(lua_State *L) {
  (void)L;
  return 0;
}

/* label "x" returns the function that takes the table; after a bad
** name, one that declares nothing. */
static int declare_with_name(lua_State *L, lua_CFunction body,
                             const char *kind) {
  loader *ld = live_loader(L);
  char why[128];
  ct_site s;
  ct_site_init(&s, ld->diags, kind, NULL);
  caller_where(L, s.file, sizeof s.file, &s.line);
  if (lua_type(L, 1) != LUA_TSTRING || lua_rawlen(L, 1) == 0)
    ct_name_err(&s, "%s needs a name: %s \"name\" {...}", kind, kind);
  else if (name_problem(lua_tostring(L, 1), lua_rawlen(L, 1), why,
                        sizeof why))
    ct_name_err(&s, "%s name %s", kind, why);
  if (s.bad) {
    lua_pushcfunction(L, ignored_body);
    return 1;
  }
  lua_pushlightuserdata(L, ld);
  lua_pushvalue(L, 1);
  lua_pushstring(L, s.file);
  lua_pushinteger(L, s.line);
  lua_pushcclosure(L, body, 4);
  return 1;
}

static int label_decl(lua_State *L) {
  return declare_with_name(L, label_body, "label");
}

/* }===================================================================== */

/* {=====================================================================
** rule "id" { label, words, regex, unless, when, weight, description }
** ====================================================================== */

static const char *const rule_keys[] = {"label", "words", "regex", "unless",
                                        "needs", "when", "weight",
                                        "description", "context", "scope",
                                        "focus", "vocabulary", NULL};

typedef struct phrase_ctx {
  ct_ruleset *rs;
  size_t rule;
  int list;                 /* CT_LIST_WORDS, _UNLESS or _NEEDS */
} phrase_ctx;

/* Keeps a phrase in the rule, as written (listings: `clausetag rules -f
** jsonl`) and folded (the warnings of lint.c); `folded` is owned now. */
static void keep_phrase(lua_State *L, ct_rule *r, const char *p, char *folded,
                        size_t elem, int unless) {
  ct_rule_phrase *ph;
  char *written = strdup(p);
  if (written == NULL) { free(folded); luaL_error(L, "not enough memory"); }
  r->phrases = grow(L, r->phrases, r->nphrases, sizeof *r->phrases);
  ph = &r->phrases[r->nphrases++];
  ph->written = written;
  ph->folded = folded;
  ph->elem = elem;
  ph->unless = unless;
}

static void add_phrase(lua_State *L, ct_site *s, const char *p, void *ud) {
  phrase_ctx *pc = ud;
  ct_error err;
  char *folded = ct_fold(p, strlen(p));
  ct_status st;
  int id = CT_PHRASE_ID(pc->rule, pc->list);
  if (folded == NULL) luaL_error(L, "not enough memory");
  if (pc->list == CT_LIST_NEEDS && strlen(folded) > CT_NEEDLE_MAX)
    st = ct_fail(&err, CT_ESYNTAX, "\"%.40s...\" is longer than %d bytes",
                 p, CT_NEEDLE_MAX);
  else if (pc->list == CT_LIST_NEEDS)
    st = ct_phrases_add_substring(pc->rs->phrases, folded, id, &err);
  else
    st = ct_phrases_add(pc->rs->phrases, folded, id, &err);
  if (st == CT_OK && pc->list != CT_LIST_NEEDS) {
    keep_phrase(L, &pc->rs->rules[pc->rule], p, folded, s->elem,
                pc->list == CT_LIST_UNLESS);
    return;
  }
  free(folded);
  if (st == CT_ENOMEM) luaL_error(L, "not enough memory");
  if (st != CT_OK)
    ct_item_err(s, "%s%s", pc->list == CT_LIST_NEEDS ? "'needs': " : "",
                err.msg);
}

static const ct_rule *find_rule(const ct_ruleset *rs, const char *id) {
  size_t i;
  for (i = 0; i < rs->nrules; i++)
    if (strcmp(rs->rules[i].info.id, id) == 0) return &rs->rules[i];
  return NULL;
}

/* The needles found in the pattern, when the rule declares none.  They
** are folded already (lowercase ASCII and Hangul syllables) and go into
** the automaton with nothing in between that could raise. */
static void find_needles(lua_State *L, ct_ruleset *rs, ct_rule *r,
                         const char *pat) {
  ct_needles nd;
  ct_status st = CT_OK;
  ct_error err;
  size_t i;
  int id = CT_PHRASE_ID((size_t)(r - rs->rules), CT_LIST_NEEDS);
  if (ct_regex_needles(pat, &nd) != CT_OK) luaL_error(L, "not enough memory");
  for (i = 0; st == CT_OK && i < nd.n; i++)
    st = ct_phrases_add_substring(rs->phrases, nd.v[i], id, &err);
  r->nneeds = st == CT_OK ? nd.n : 0;
  ct_needles_free(&nd);
  if (st == CT_ENOMEM) luaL_error(L, "not enough memory");
  if (st != CT_OK) luaL_error(L, "regex needles: %s", err.msg);
}

/* The declared `needs` of a rule, into the automaton; how many. */
static size_t rule_needs(lua_State *L, ct_site *s, ct_ruleset *rs,
                         ct_rule *r) {
  phrase_ctx pc = {rs, (size_t)(r - rs->rules), CT_LIST_NEEDS};
  if (lua_getfield(L, 1, "needs") == LUA_TTABLE && lua_rawlen(L, -1) == 0)
    ct_value_err(s, "needs", "'needs' must name at least one string");
  lua_pop(L, 1);
  return ct_each_string(L, s, 1, "needs", add_phrase, &pc);
}

/* regex and needs: a regex runs only on clauses that hold one of its
** needles, declared or found in the pattern.  Without a regex, `needs`
** is for a `when`: it is called only on clauses that hold one of them,
** so no clause object is made, and no Lua runs, anywhere else. */
static void rule_regex(lua_State *L, ct_site *s, ct_ruleset *rs, ct_rule *r) {
  ct_error err;
  const char *pat = ct_opt_string(L, s, 1, "regex");
  ct_status st;
  if (pat == NULL && r->info.when) {
    r->nneeds = rule_needs(L, s, rs, r);
    return;
  }
  if (pat == NULL) {
    if (lua_getfield(L, 1, "needs") != LUA_TNIL)
      ct_key_err(s, "needs", "'needs' is for a 'regex' or a 'when' rule: it "
                 "names what a clause must hold for them to run");
    lua_pop(L, 1);
    return;
  }
  st = ct_regex_compile(pat, &r->regex, &err);
  if (st == CT_ENOMEM) luaL_error(L, "not enough memory");
  if (st != CT_OK) {
    ct_value_err(s, "regex", "%s", err.msg);
    return;
  }
  r->info.regex = 1;
  r->nneeds = rule_needs(L, s, rs, r);
  if (r->nneeds == 0) find_needles(L, rs, r, pat);
}

/* The values of `context`, in ct_context order ("" for none). */
static const char *const contexts[] = {"", "section", "previous", "recent",
                                       "next", NULL};

const char *ct_context_name(ct_context c) {
  return c > CT_CONTEXT_NONE && c <= CT_CONTEXT_NEXT ? contexts[c] : NULL;
}

/* How a rule may fire besides its matchers: where it looks, on which
** clauses, and whether it weighs its label's share of the evidence. */
static void rule_kind(lua_State *L, ct_site *s, ct_rule *r) {
  static const char *const scopes[] = {"", "title", "body", NULL};
  r->info.context = (ct_context)ct_opt_choice(L, s, 1, "context", contexts, 0);
  r->info.scope = (ct_scope)ct_opt_choice(L, s, 1, "scope", scopes, 0);
  r->info.focus = ct_opt_flag(L, s, 1, "focus");
  if (r->info.focus && r->info.context != CT_CONTEXT_NONE)
    ct_key_err(s, "focus", "'focus' and 'context' cannot be combined");
  r->info.vocabulary = ct_opt_flag(L, s, 1, "vocabulary");
}

/* A vocabulary rule's words are the ones `clausetag train` learns: it
** matches nothing of its own. */
static void rule_vocabulary(ct_site *s, ct_ruleset *rs, ct_rule *r) {
  const ct_rule_info *ri = &r->info;
  if (!ri->vocabulary) return;
  if (ri->words || ri->unless || ri->regex || ri->when || ri->focus ||
      ri->context != CT_CONTEXT_NONE)
    ct_key_err(s, "vocabulary", "a 'vocabulary' rule learns its words "
               "(clausetag train): it takes no 'words', 'unless', 'regex', "
               "'when', 'context' or 'focus'");
  r->vcol = rs->nvcols++;
}

static void rule_fields(lua_State *L, ct_site *s, loader *ld, ct_rule *r) {
  ct_ruleset *rs = ld->rs;
  phrase_ctx pc = {rs, (size_t)(r - rs->rules), CT_LIST_WORDS};
  int t;
  const char *label = ct_opt_string(L, s, 1, "label"), *bad;
  if (label == NULL && !s->bad) ct_site_err(s, "'label' is required");
  r->label_name = xstrdup(L, label);
  r->info.description = xstrdup(L, ct_opt_string(L, s, 1, "description"));
  r->info.weight = ct_opt_number(L, s, 1, "weight", 1.0);
  if ((bad = ct_weight_problem(r->info.weight, 0)) != NULL) {
    ct_value_err(s, "weight", "'weight' %s", bad);
    r->info.weight = 1.0;
  }
  r->info.declared = r->info.weight;
  rule_kind(L, s, r);
  r->info.words = ct_each_string(L, s, 1, "words", add_phrase, &pc) > 0;
  pc.list = CT_LIST_UNLESS;
  r->info.unless = ct_each_string(L, s, 1, "unless", add_phrase, &pc) > 0;
  t = lua_getfield(L, 1, "when");
  if (t != LUA_TNIL && t != LUA_TFUNCTION)
    ct_value_err(s, "when", "'when' must be a function, not %s", ct_given(L, -1));
  r->info.when = t == LUA_TFUNCTION;
  lua_pop(L, 1);
  rule_regex(L, s, rs, r);
  rule_vocabulary(s, rs, r);
  if (!r->info.words && !r->info.regex && !r->info.when && !r->info.focus &&
      r->info.context == CT_CONTEXT_NONE && !r->info.vocabulary && !s->bad)
    ct_site_err(s, "needs at least one of 'words', 'regex', 'when', "
                "'context', 'focus' or 'vocabulary'");
}

/* Instantiating an engine: keep the `when` function, nothing else. */
static int rule_instantiate(lua_State *L, loader *ld) {
  if (ld->next_rule >= ld->rs->nrules)
    return luaL_error(L, "rule files declared more rules than at load time");
  if (lua_getfield(L, 1, "when") == LUA_TFUNCTION)
    ld->refs[ld->next_rule] = luaL_ref(L, LUA_REGISTRYINDEX);
  else
    lua_pop(L, 1);
  ld->next_rule++;
  return 0;
}

static int rule_body(lua_State *L) {
  loader *ld = live_loader(L);
  ct_ruleset *rs = ld->rs;
  const char *id = lua_tostring(L, lua_upvalueindex(2));
  const ct_rule *prev;
  ct_rule *r;
  ct_site s;
  ct_site_init(&s, ld->diags, "rule", id);
  snprintf(s.file, sizeof s.file, "%s", lua_tostring(L, lua_upvalueindex(3)));
  s.line = (int)lua_tointeger(L, lua_upvalueindex(4));
  if (!lua_istable(L, 1)) {
    ct_site_err(&s, "expected a table {...}, not %s", ct_given(L, 1));
    return 0;
  }
  if (ld->refs) return rule_instantiate(L, ld);
  ct_check_keys(L, &s, 1, rule_keys, 0);
  if ((prev = find_rule(rs, id)) != NULL) {
    ct_at_name_err(&s, "already declared at %s:%d", prev->info.file,
             prev->info.line);
    return 0;
  }
  if (rs->nrules >= (size_t)INT_MAX >> 2) {     /* phrase ids are ints */
    ct_site_err(&s, "too many rules");
    return 0;
  }
  rs->rules = grow(L, rs->rules, rs->nrules, sizeof *rs->rules);
  r = &rs->rules[rs->nrules++];
  memset(r, 0, sizeof *r);
  r->info.id = xstrdup(L, id);
  r->info.file = xstrdup(L, s.file);
  r->info.line = s.line;
  rule_fields(L, &s, ld, r);
  return 0;
}

static int rule_decl(lua_State *L) {
  return declare_with_name(L, rule_body, "rule");
}

/* }===================================================================== */

/* {=====================================================================
** example { "text", labels = {...} } and abbreviations { "Amb.", ... }
** ====================================================================== */

static const char *const example_keys[] = {"labels", NULL};

static void add_example_label(lua_State *L, ct_site *s, const char *name,
                              void *ud) {
  ct_example *ex = ud;
  size_t n = ex->info.nlabels;
  (void)s;
  ex->label_names = grow(L, ex->label_names, n, sizeof *ex->label_names);
  ex->label_names[n] = xstrdup(L, name);
  ex->info.nlabels++;
}

static int example_decl(lua_State *L) {
  loader *ld = live_loader(L);
  ct_ruleset *rs = ld->rs;
  ct_example *ex;
  ct_site s;
  int t;
  ct_site_init(&s, ld->diags, "example", NULL);
  caller_where(L, s.file, sizeof s.file, &s.line);
  if (!lua_istable(L, 1)) {
    ct_site_err(&s, "expected a table: example { \"text\", labels = {...} }, "
             "not %s", ct_given(L, 1));
    return 0;
  }
  if (ld->refs) return 0;
  ct_check_keys(L, &s, 1, example_keys, 1);
  if (lua_rawgeti(L, 1, 1) != LUA_TSTRING) {
    s.key = NULL, s.elem = 1;
    if (lua_isnil(L, -1)) ct_site_err(&s, "the clause text must come first, "
                                   "as a string");
    else ct_item_err(&s, "the clause text must come first, as a string, not "
                  "%s", ct_given(L, -1));
  }
  if ((t = lua_getfield(L, 1, "labels")) != LUA_TTABLE) {
    if (t == LUA_TNIL)
      ct_site_err(&s, "'labels' must be a list of label names ({} for none)");
    else
      ct_value_err(&s, "labels", "'labels' must be a list of label names ({} "
                "for none), not %s", ct_given(L, -1));
  }
  lua_pop(L, 2);
  if (s.bad) {                            /* what there is is still checked */
    if (t == LUA_TTABLE) {
      ct_example tmp;
      memset(&tmp, 0, sizeof tmp);
      ct_each_string(L, &s, 1, "labels", add_example_label, &tmp);
      while (tmp.info.nlabels > 0) free(tmp.label_names[--tmp.info.nlabels]);
      free(tmp.label_names);
    }
    return 0;
  }
  rs->examples = grow(L, rs->examples, rs->nexamples, sizeof *rs->examples);
  ex = &rs->examples[rs->nexamples++];
  memset(ex, 0, sizeof *ex);
  lua_rawgeti(L, 1, 1);
  ex->info.text = xstrdup(L, lua_tostring(L, -1));
  lua_pop(L, 1);
  ex->info.file = xstrdup(L, s.file);
  ex->info.line = s.line;
  ct_each_string(L, &s, 1, "labels", add_example_label, ex);
  return 0;
}

/* weights { rules = { [id] = w, ... }, thresholds = { [label] = t },
** priors = { [label] = p }, vocabulary = { [id] = [[ term w ... ]] } }:
** what `clausetag train` writes (a rule's terms may also be a table,
** { [term] = w, ... }). */
static const char *const weights_keys[] = {"rules", "thresholds", "priors",
                                           "vocabulary", NULL};

static void add_weight(lua_State *L, ct_site *s, loader *ld, const char *name,
                       const char *term, int label, double value) {
  ct_ruleset *rs = ld->rs;
  ct_weight_decl *w;
  rs->weights = grow(L, rs->weights, rs->nweights, sizeof *rs->weights);
  w = &rs->weights[rs->nweights];
  memset(w, 0, sizeof *w);
  rs->nweights++;
  w->name = xstrdup(L, name);
  w->file = xstrdup(L, s->file);
  w->term = term ? xstrdup(L, term) : NULL;
  w->line = s->line;
  w->label = label;
  w->value = value;
}

static void weights_table(lua_State *L, ct_site *s, loader *ld, const char *key,
                          int label) {
  int t = lua_getfield(L, 1, key);
  if (t == LUA_TNIL) {
    lua_pop(L, 1);
    return;
  }
  if (t != LUA_TTABLE) {
    ct_value_err(s, key, "'%s' must be a table of names and numbers, not %s",
              key, ct_given(L, -1));
    lua_pop(L, 1);
    return;
  }
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER) {
      if (lua_type(L, -2) == LUA_TSTRING && ld->diags) {
        ct_srcref at;
        memset(&at, 0, sizeof at);
        at.file = s->file, at.line = s->line, at.decl = "weights";
        at.key = key, at.subkey = lua_tostring(L, -2), at.at_value = 1;
        ct_diags_at(ld->diags, CT_SEVERITY_ERROR, CT_ESYNTAX, &at,
                    "weights: '%s' must map %s names to numbers; '%s' is %s",
                    key, label != CT_WEIGHT_RULE ? "label" : "rule",
                    lua_tostring(L, -2),
                    ct_given(L, -1));
        s->bad = 1;
      } else {
        ct_value_err(s, key, "'%s' must map %s names to numbers", key,
                     label != CT_WEIGHT_RULE ? "label" : "rule");
      }
      lua_pop(L, 1);
      continue;
    }
    add_weight(L, s, ld, lua_tostring(L, -2), NULL, label,
               lua_tonumber(L, -1));
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* A term of rule `id` whose key or weight has the wrong type, located
** at the rule's entry in `vocabulary` when the file can be read. */
static void term_err(lua_State *L, ct_site *s, loader *ld, const char *id) {
  ct_srcref at;
  if (ld->diags == NULL) {
    ct_value_err(s, "vocabulary", "'vocabulary': rule '%s' must map terms "
                 "to numbers", id);
    return;
  }
  memset(&at, 0, sizeof at);
  at.file = s->file, at.line = s->line, at.decl = "weights";
  at.key = "vocabulary", at.subkey = id;
  if (lua_type(L, -2) == LUA_TSTRING)
    ct_diags_at(ld->diags, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: "
                "'vocabulary': rule '%s': term '%s' must map to a number, "
                "not %s", id, lua_tostring(L, -2), ct_given(L, -1));
  else
    ct_diags_at(ld->diags, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: "
                "'vocabulary': rule '%s' must map terms (strings) to "
                "numbers", id);
  s->bad = 1;
}

/* A rule's terms as a table: { [term] = weight, ... }. */
static void terms_table(lua_State *L, ct_site *s, loader *ld, const char *id) {
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
      term_err(L, s, ld, id);
    else
      add_weight(L, s, ld, id, lua_tostring(L, -2), CT_WEIGHT_RULE,
                 lua_tonumber(L, -1));
    lua_pop(L, 1);
  }
}

/* A rule's terms as text, a line each ("tuna 0.25"), kept whole and read
** when the weights are applied: Lua reads one long string far faster
** than a table of thousands of fields, and one entry per rule instead of
** one per term spares a copy of the rule's id and file for each. */
static void terms_text(lua_State *L, ct_site *s, loader *ld, const char *id) {
  size_t len;
  const char *text = lua_tolstring(L, -1, &len);
  ct_weight_decl *w;
  add_weight(L, s, ld, id, NULL, CT_WEIGHT_RULE, 0);
  w = &ld->rs->weights[ld->rs->nweights - 1];
  if ((w->terms = malloc(len + 1)) == NULL) luaL_error(L, "not enough memory");
  memcpy(w->terms, text, len);
  w->terms[len] = '\0';
  w->termslen = len;
}

/* vocabulary = { [rule id] = terms, ... }, the terms as text or a table. */
static void vocabulary_table(lua_State *L, ct_site *s, loader *ld) {
  int t = lua_getfield(L, 1, "vocabulary");
  if (t != LUA_TNIL && t != LUA_TTABLE)
    ct_value_err(s, "vocabulary", "'vocabulary' must be a table of rule "
                 "ids and their terms, not %s", ct_given(L, -1));
  if (t != LUA_TTABLE) {
    lua_pop(L, 1);
    return;
  }
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    /* lua_tostring would turn a number key into a string in place and
    ** lose lua_next its place: the type first */
    int vt = lua_type(L, -1);
    if (lua_type(L, -2) != LUA_TSTRING ||
        (vt != LUA_TTABLE && vt != LUA_TSTRING))
      ct_value_err(s, "vocabulary", "'vocabulary' must map rule ids to "
                   "their terms: lines of a term and a number, or a table "
                   "of terms and numbers");
    else if (vt == LUA_TSTRING)
      terms_text(L, s, ld, lua_tostring(L, -2));
    else
      terms_table(L, s, ld, lua_tostring(L, -2));
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static int weights_decl(lua_State *L) {
  loader *ld = live_loader(L);
  ct_site s;
  ct_site_init(&s, ld->diags, "weights", NULL);
  caller_where(L, s.file, sizeof s.file, &s.line);
  if (!lua_istable(L, 1)) {
    ct_site_err(&s, "expected a table: weights { rules = {...}, thresholds = "
             "{...} }, not %s", ct_given(L, 1));
    return 0;
  }
  if (ld->refs) return 0;
  ct_check_keys(L, &s, 1, weights_keys, 0);
  weights_table(L, &s, ld, "rules", CT_WEIGHT_RULE);
  weights_table(L, &s, ld, "thresholds", CT_WEIGHT_THRESHOLD);
  weights_table(L, &s, ld, "priors", CT_WEIGHT_PRIOR);
  vocabulary_table(L, &s, ld);
  return 0;
}

static int abbreviations_decl(lua_State *L) {
  loader *ld = live_loader(L);
  lua_Integer i, len;
  ct_site s;
  ct_site_init(&s, ld->diags, "abbreviations", NULL);
  caller_where(L, s.file, sizeof s.file, &s.line);
  if (!lua_istable(L, 1)) {
    ct_site_err(&s, "expected a list: abbreviations { \"Amb.\" }, not %s",
             ct_given(L, 1));
    return 0;
  }
  if (ld->refs) return 0;
  len = (lua_Integer)lua_rawlen(L, 1);
  for (i = 1; i <= len; i++) {
    ct_status st = CT_OK;
    s.key = NULL, s.elem = (size_t)i;
    if (lua_rawgeti(L, 1, i) != LUA_TSTRING)
      ct_item_err(&s, "must be a list of strings; item %lld is %s",
               (long long)i, ct_given(L, -1));
    else if ((st = ct_abbrevs_add(ld->rs->abbrevs, lua_tostring(L, -1))) ==
             CT_ENOMEM)
      luaL_error(L, "not enough memory");
    else if (st != CT_OK)
      ct_item_err(&s, "'%s' must end with a period", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  return 0;
}

/* }===================================================================== */

/* {=====================================================================
** Files
** ====================================================================== */

static int is_lua(const char *name) {
  size_t n = strlen(name);
  return n > 4 && strcmp(name + n - 4, ".lua") == 0 && name[0] != '.';
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static ct_status add_file(ct_ruleset *rs, const char *path) {
  char **v;
  size_t n = rs->nfiles;
  if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
    v = realloc(rs->files, (rs->nfiles ? rs->nfiles * 2 : 8) * sizeof *v);
    if (v == NULL) return CT_ENOMEM;
    rs->files = v;
  }
  if ((rs->files[rs->nfiles] = strdup(path)) == NULL) return CT_ENOMEM;
  rs->nfiles++;
  return CT_OK;
}

/* A directory's *.lua files, sorted; one that cannot be read is
** reported.  CT_ENOMEM or CT_OK. */
static ct_status add_dir(ct_ruleset *rs, const char *dir, ct_diags *d) {
  DIR *dp = opendir(dir);
  struct dirent *e;
  size_t first = rs->nfiles;
  ct_buf path = {0};
  ct_status st = CT_OK;
  if (dp == NULL) {
    ct_diags_add(d, CT_SEVERITY_ERROR, CT_EIO, dir, 0, 0, "cannot read: %s",
                 strerror(errno));
    return CT_OK;
  }
  while (st == CT_OK && (e = readdir(dp)) != NULL) {
    if (!is_lua(e->d_name)) continue;
    ct_buf_clear(&path);
    st = ct_buf_printf(&path, "%s%s%s", dir,
                       dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    if (st == CT_OK) st = add_file(rs, path.s);
  }
  closedir(dp);
  ct_buf_free(&path);
  if (st != CT_OK) return CT_ENOMEM;
  qsort(rs->files + first, rs->nfiles - first, sizeof *rs->files, cmp_str);
  return CT_OK;
}

static ct_status add_path(ct_ruleset *rs, const char *path, ct_diags *d) {
  struct stat sb;
  if (stat(path, &sb) != 0) {
    ct_diags_add(d, CT_SEVERITY_ERROR, CT_EIO, path, 0, 0, "cannot read: %s",
                 strerror(errno));
    return CT_OK;
  }
  if (S_ISDIR(sb.st_mode)) return add_dir(rs, path, d);
  return add_file(rs, path);
}

/* Host code, protected: puts the declaration functions into the
** environment given as argument 1 (argument 2: the loader). */
static int set_decls(lua_State *L) {
  static const struct { const char *name; lua_CFunction fn; } decls[] = {
    {"label", label_decl}, {"rule", rule_decl}, {"example", example_decl},
    {"abbreviations", abbreviations_decl}, {"weights", weights_decl},
  };
  size_t i;
  for (i = 0; i < sizeof decls / sizeof *decls; i++) {
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, decls[i].fn, 1);
    lua_setfield(L, 1, decls[i].name);
  }
  return 0;
}

/* Runs every file of the rule set in `sb`, each in its own environment.
** Loading (ld->diags), a file that fails is reported and the next one
** runs, unless the sandbox stopped it for a limit or memory ran out:
** those stop everything, as a kill must.  Instantiating, the first
** failure is the result.  Fails only for the host's own reasons. */
static ct_status run_each(ct_ruleset *rs, ct_sandbox *sb, loader *ld,
                          ct_error *err) {
  lua_State *L = ct_sandbox_lua(sb);
  size_t i;
  ct_status st = CT_OK;
  ct_error e;
  for (i = 0; st == CT_OK && i < rs->nfiles; i++) {
    if (ld->diags && ld->diags->stopped) break;
    if ((st = ct_sandbox_newenv(sb, err)) != CT_OK) break;   /* env */
    lua_pushcfunction(L, set_decls);
    lua_pushvalue(L, -2);
    lua_pushlightuserdata(L, ld);
    st = ct_sandbox_host_call(sb, 2, 0, err);
    if (st != CT_OK) {
      lua_pop(L, 1);                                          /* env */
      break;
    }
    if (ld->diags == NULL) {
      st = ct_sandbox_load(sb, rs->files[i], err);            /* pops env */
      continue;
    }
    if (ct_sandbox_load(sb, rs->files[i], &e) == CT_OK) continue;
    ld->file_failed = 1;
    ct_diags_lua(ld->diags, e.status, rs->files[i], e.msg, decl_names);
    if (e.status == CT_ELIMIT || e.status == CT_ENOMEM)
      ld->diags->stopped = 1;
  }
  return st;
}

/* Host code, protected: argument 1 (a loader, or nil) becomes the loader
** that declarations may use. */
static int set_loader(lua_State *L) {
  lua_settop(L, 1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &loader_key);
  return 0;
}

static ct_status mark_loader(ct_sandbox *sb, loader *ld, ct_error *err) {
  lua_State *L = ct_sandbox_lua(sb);
  lua_pushcfunction(L, set_loader);
  if (ld) lua_pushlightuserdata(L, ld);
  else lua_pushnil(L);
  return ct_sandbox_host_call(sb, 1, 0, err);
}

/* Runs the files with `ld` as the loader declarations use; afterwards
** (and after a failure) no loader is live. */
static ct_status run_files(ct_ruleset *rs, ct_sandbox *sb, loader *ld,
                           ct_error *err) {
  ct_error spare;
  ct_status st = mark_loader(sb, ld, err);
  if (st == CT_OK) st = run_each(rs, sb, ld, err);
  if (mark_loader(sb, NULL, &spare) != CT_OK && st == CT_OK)
    st = ct_fail(err, CT_ENOMEM, "rules: out of memory");
  return st;
}

/* }===================================================================== */

/* {=====================================================================
** Loading and freeing
** ====================================================================== */

/* The words of every rule in one automaton, within the rule memory. */
static void compile_phrases(ct_ruleset *rs, ct_diags *d) {
  ct_error e;
  ct_status st = ct_phrases_compile(rs->phrases, &e);
  if (st == CT_ELIMIT)
    ct_diags_add(d, CT_SEVERITY_ERROR, st, NULL, 0, 0, "the words of all "
                 "rules: %s (raise it with --rule-memory)", e.msg);
  else if (st != CT_OK)
    ct_diags_add(d, CT_SEVERITY_ERROR, st, NULL, 0, 0, "%s", e.msg);
}

/* " (did you mean 'x'?)" after a label name that is not declared, else
** how to declare it (how) or nothing; 1 when there is a suggestion. */
static int label_hint(const ct_ruleset *rs, const char *name, char *buf,
                      size_t n, int how) {
  ct_suggester sg;
  size_t i;
  ct_suggest_init(&sg, name);
  for (i = 0; i < rs->nlabels; i++) ct_suggest_offer(&sg, rs->labels[i].name);
  buf[0] = '\0';
  if (ct_suggest_best(&sg) != NULL)
    snprintf(buf, n, " (did you mean '%s'?)", ct_suggest_best(&sg));
  else if (how)
    snprintf(buf, n, " (declare it with label \"%s\" {...})", name);
  return ct_suggest_best(&sg) != NULL;
}

/* The names rules and examples give, resolved to labels; every one that
** is not declared is reported.  After a file stopped early (partial), the
** labels it did not reach are unknown: only a name near a declared one, a
** typo whatever that file held, is reported then, and weights not at
** all.  CT_ENOMEM or CT_OK. */
static ct_status resolve(ct_ruleset *rs, ct_diags *d, int partial) {
  size_t i, k;
  char hint[300];
  ct_srcref at;
  for (i = 0; i < rs->nrules; i++) {
    ct_rule *r = &rs->rules[i];
    ct_label_info *lb;
    if (r->label_name == NULL) continue;           /* already reported */
    if ((lb = find_label(rs, r->label_name)) != NULL) {
      r->info.label = (size_t)(lb - rs->labels);
      continue;
    }
    if (!label_hint(rs, r->label_name, hint, sizeof hint, 1) && partial)
      continue;
    memset(&at, 0, sizeof at);
    at.file = r->info.file, at.line = r->info.line, at.decl = "rule";
    at.name = r->info.id, at.key = "label", at.at_value = 1;
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "rule '%s': label "
                "'%s' is not declared%s", r->info.id, r->label_name, hint);
  }
  for (i = 0; i < rs->nexamples; i++) {
    ct_example *ex = &rs->examples[i];
    ex->label_idx = calloc(ex->info.nlabels + 1, sizeof *ex->label_idx);
    if (ex->label_idx == NULL) return CT_ENOMEM;
    for (k = 0; k < ex->info.nlabels; k++) {
      ct_label_info *lb = find_label(rs, ex->label_names[k]);
      if (lb != NULL) {
        ex->label_idx[k] = (size_t)(lb - rs->labels);
        continue;
      }
      if (!label_hint(rs, ex->label_names[k], hint, sizeof hint, 0) &&
          partial)
        continue;
      memset(&at, 0, sizeof at);
      at.file = ex->info.file, at.line = ex->info.line, at.decl = "example";
      at.key = "labels", at.elem = k + 1;
      ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "example: label "
                  "'%s' is not declared%s", ex->label_names[k], hint);
    }
    ex->info.labels = ex->label_idx;
  }
  return partial ? CT_OK : ct_ruleset_apply_weights(rs, d);
}

/* ct.log while files load: to the caller's function, as it is. */
static void load_log(lua_State *L, void *ud, const char *line) {
  const ct_load_options *o = ud;
  (void)L;
  o->on_log(o->log_ud, line);
}

/* Every path, every file, the checks across files, the automaton and
** the warnings, each step only when the ones before left no error that
** would make it report nonsense.  Fails only for the host's own reasons
** (memory); the rule files' mistakes are in d. */
static ct_status load_all(ct_ruleset *rs, const char *const *paths,
                          size_t npaths, const ct_load_options *o,
                          ct_diags *d, ct_error *err) {
  ct_sandbox *sb;
  loader ld;
  size_t i;
  ct_status st = CT_OK;
  memset(&ld, 0, sizeof ld);
  ld.rs = rs, ld.diags = d;
  for (i = 0; st == CT_OK && i < npaths; i++) st = add_path(rs, paths[i], d);
  if (st != CT_OK) return ct_fail(err, st, "out of memory");
  if ((st = ct_ruleset_sandbox(rs, &sb, err)) != CT_OK) return st;
  if (o->on_log != NULL &&
      ct_lua_on_log(ct_sandbox_lua(sb), load_log, (void *)o) != CT_OK)
    st = ct_fail(err, CT_ENOMEM, "out of memory");
  if (st == CT_OK) st = run_files(rs, sb, &ld, err);
  ct_sandbox_free(sb);
  if (st == CT_OK && !d->stopped &&
      (st = resolve(rs, d, ld.file_failed)) != CT_OK)
    st = ct_fail(err, st, "out of memory");
  if (st == CT_OK && d->errors == 0) compile_phrases(rs, d);
  if (st == CT_OK && d->errors == 0 && o->warnings) ct_ruleset_lint(rs, d);
  return st;
}

ct_status ct_ruleset_load_with(const char *const *paths, size_t npaths,
                               const ct_load_options *opt, ct_ruleset **out,
                               ct_error *err) {
  ct_load_options none;
  ct_ruleset *rs = calloc(1, sizeof *rs);
  ct_diags d;
  ct_error e;
  ct_status st;
  if (opt == NULL) {
    memset(&none, 0, sizeof none);
    opt = &none;
  }
  if (rs == NULL) return ct_fail(err, CT_ENOMEM, "rules: out of memory");
  ct_diags_init(&d, opt->on_diagnostic, opt->ud, opt->max_errors);
  if (opt->limits) rs->lim = *opt->limits;
  else ct_limits_default(&rs->lim);
  rs->abbrevs = ct_abbrevs_new(1);
  rs->phrases = ct_phrases_new();
  if (rs->phrases) ct_phrases_set_limit(rs->phrases, rs->lim.rule_memory);
  if (rs->abbrevs == NULL || rs->phrases == NULL)
    st = ct_fail(&e, CT_ENOMEM, "out of memory");
  else
    st = load_all(rs, paths, npaths, opt, &d, &e);
  if (st != CT_OK)            /* the host's failure, reported like the rest */
    ct_diags_add(&d, CT_SEVERITY_ERROR, st, NULL, 0, 0, "rules: %s", e.msg);
  st = ct_diags_flush(&d, rs->files, rs->nfiles, err);
  ct_diags_free(&d);
  if (st != CT_OK) {
    ct_ruleset_free(rs);
    return st;
  }
  *out = rs;
  return CT_OK;
}

ct_status ct_ruleset_load(const char *const *paths, size_t npaths,
                          const ct_limits *lim, ct_ruleset **out,
                          ct_error *err) {
  ct_load_options o;
  memset(&o, 0, sizeof o);
  o.limits = lim;
  return ct_ruleset_load_with(paths, npaths, &o, out, err);
}

ct_status ct_ruleset_instantiate(const ct_ruleset *rs, ct_sandbox *sb,
                                 int *refs, ct_error *err) {
  loader ld;
  size_t i;
  ct_status st;
  memset(&ld, 0, sizeof ld);
  ld.rs = (ct_ruleset *)rs, ld.refs = refs;
  for (i = 0; i < rs->nrules; i++) refs[i] = LUA_NOREF;
  st = run_files(ld.rs, sb, &ld, err);
  if (st == CT_OK && ld.next_rule != rs->nrules)
    st = ct_fail(err, CT_ERULE, "rule files declared %zu rules, expected %zu",
                 ld.next_rule, rs->nrules);
  return st;
}

ct_status ct_ruleset_add_abbrevs(ct_ruleset *rs, const char *path,
                                 ct_error *err) {
  return ct_abbrevs_load(rs->abbrevs, path, err);
}

void ct_ruleset_free(ct_ruleset *rs) {
  size_t i, k;
  if (rs == NULL) return;
  for (i = 0; i < rs->nfiles; i++) free(rs->files[i]);
  for (i = 0; i < rs->nlabels; i++) {
    ct_label_info *lb = &rs->labels[i];
    free((char *)lb->name); free((char *)lb->title);
    free((char *)lb->description); free((char *)lb->color);
    free((char *)lb->file);
  }
  for (i = 0; i < rs->nrules; i++) {
    ct_rule *r = &rs->rules[i];
    free((char *)r->info.id); free((char *)r->info.description);
    free((char *)r->info.file); free(r->label_name);
    ct_regex_free(r->regex);
    for (k = 0; k < r->nphrases; k++) {
      free(r->phrases[k].written);
      free(r->phrases[k].folded);
    }
    free(r->phrases);
  }
  for (i = 0; i < rs->nexamples; i++) {
    ct_example *ex = &rs->examples[i];
    for (k = 0; k < ex->info.nlabels; k++) free(ex->label_names[k]);
    free(ex->label_names); free(ex->label_idx);
    free((char *)ex->info.text); free((char *)ex->info.file);
  }
  for (i = 0; i < rs->nweights; i++) {
    free(rs->weights[i].name);
    free(rs->weights[i].file);
    free(rs->weights[i].term);
    free(rs->weights[i].terms);
  }
  ct_vocab_free(rs->vocab);
  free(rs->weights);
  free(rs->files); free(rs->labels); free(rs->rules); free(rs->examples);
  ct_abbrevs_free(rs->abbrevs);
  ct_phrases_free(rs->phrases);
  free(rs);
}

/* }===================================================================== */

size_t ct_ruleset_nlabels(const ct_ruleset *rs) { return rs->nlabels; }
size_t ct_ruleset_nrules(const ct_ruleset *rs) { return rs->nrules; }
size_t ct_ruleset_nexamples(const ct_ruleset *rs) { return rs->nexamples; }
size_t ct_ruleset_nfiles(const ct_ruleset *rs) { return rs->nfiles; }
const char *ct_ruleset_file(const ct_ruleset *rs, size_t i) {
  return i < rs->nfiles ? rs->files[i] : NULL;
}
const ct_label_info *ct_ruleset_label(const ct_ruleset *rs, size_t i) {
  return i < rs->nlabels ? &rs->labels[i] : NULL;
}
const ct_rule_info *ct_ruleset_rule(const ct_ruleset *rs, size_t i) {
  return i < rs->nrules ? &rs->rules[i].info : NULL;
}
size_t ct_ruleset_rule_nphrases(const ct_ruleset *rs, size_t i) {
  return i < rs->nrules ? rs->rules[i].nphrases : 0;
}
const char *ct_ruleset_rule_phrase(const ct_ruleset *rs, size_t i, size_t k,
                                   int *unless) {
  const ct_rule *r = i < rs->nrules ? &rs->rules[i] : NULL;
  if (r == NULL || k >= r->nphrases) return NULL;
  if (unless) *unless = r->phrases[k].unless;
  return r->phrases[k].written;
}
const ct_example_info *ct_ruleset_example(const ct_ruleset *rs, size_t i) {
  return i < rs->nexamples ? &rs->examples[i].info : NULL;
}

void ct_ruleset_example_checks(const ct_ruleset *rs, size_t i, int exact,
                               unsigned char *check) {
  const ct_example_info *ex = ct_ruleset_example(rs, i);
  size_t k, any = 0;
  memset(check, exact != 0, rs->nlabels);
  if (exact || ex == NULL) return;
  for (k = 0; k < rs->nlabels; k++)
    any += check[k] = strcmp(rs->labels[k].file, ex->file) == 0;
  for (k = 0; k < rs->nrules; k++)
    if (strcmp(rs->rules[k].info.file, ex->file) == 0)
      any += check[rs->rules[k].info.label] = 1;
  if (any == 0) memset(check, 1, rs->nlabels);  /* a file of examples only */
  for (k = 0; k < ex->nlabels; k++) check[ex->labels[k]] = 1;
}

const ct_abbrevs *ct_ruleset_abbrevs(const ct_ruleset *rs) {
  return rs->abbrevs;
}
