/*
** ruleset.c -- loading rule files into a ct_ruleset.
**
** A rule file is Lua that declares: label "x" {...}, rule "id" {...},
** example {...}, abbreviations {...}.  The declarations are C functions
** put in each file's environment; they check every key strictly (an
** unknown key is an error, not silently ignored) and report problems at
** the declaration's file:line.  Because they raise Lua errors, everything
** they allocate is attached to the rule set before anything can raise,
** and ct_ruleset_free releases a half-built set.
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
#include "rules/ctlib.h"
#include "rules/needles.h"
#include "rules/rules.h"
#include "text/utf8.h"

/* What the declaration functions work on while files run. */
typedef struct loader {
  ct_ruleset *rs;
  int *refs;            /* instantiating an engine: `when` refs, else NULL */
  size_t next_rule;     /* instantiating: index of the next rule */
  int decl_error;       /* a declaration was rejected (CT_ESYNTAX) */
} loader;

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
  ct_regex_default_limits(&rl);
  rl.match_limit = (uint32_t)rs->lim.match_limit;
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
** Raising errors at a declaration
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

static int decl_fail(lua_State *L, loader *ld, const char *file, int line,
                     const char *fmt, ...) {
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ld->decl_error = 1;
  lua_pushfstring(L, "%s:%d: %s", file, line, msg);
  return lua_error(L);
}

/* }===================================================================== */

/* {=====================================================================
** Reading declaration tables
** ====================================================================== */

/* A declaration site: where it is and what it is called. */
typedef struct site {
  loader *ld;
  char file[512];
  int line;
  char what[160];   /* "rule 'climate.core'" */
} site;

static int site_fail(lua_State *L, site *s, const char *fmt, ...) {
  char msg[600];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return decl_fail(L, s->ld, s->file, s->line, "%s: %s", s->what, msg);
}

/* Every key of the table at `idx` must be one of `keys` (strings) or, with
** `allow_index1`, the integer 1. */
static void check_keys(lua_State *L, site *s, int idx,
                       const char *const *keys, int allow_index1) {
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    int ok = 0;
    lua_pop(L, 1);                                  /* keep the key */
    if (lua_type(L, -1) == LUA_TSTRING) {
      const char *k = lua_tostring(L, -1);
      for (const char *const *p = keys; *p; p++) ok |= strcmp(*p, k) == 0;
      if (!ok) site_fail(L, s, "unknown key '%s'", k);
    } else if (allow_index1 && lua_isinteger(L, -1) &&
               lua_tointeger(L, -1) == 1) {
      ok = 1;
    }
    if (!ok) site_fail(L, s, "unexpected positional value");
  }
}

static const char *opt_string(lua_State *L, site *s, int idx,
                              const char *key) {
  const char *v = NULL;
  int t = lua_getfield(L, idx, key);
  if (t == LUA_TSTRING) v = lua_tostring(L, -1);
  else if (t != LUA_TNIL) site_fail(L, s, "'%s' must be a string", key);
  lua_pop(L, 1);                 /* the string stays alive in the table */
  return v;
}

static double opt_number(lua_State *L, site *s, int idx, const char *key,
                         double dflt) {
  double v = dflt;
  int t = lua_getfield(L, idx, key);
  if (t == LUA_TNUMBER) v = lua_tonumber(L, -1);
  else if (t != LUA_TNIL) site_fail(L, s, "'%s' must be a number", key);
  lua_pop(L, 1);
  return v;
}

/* Calls fn for every string of field `key`: a string or a list of them. */
static size_t each_string(lua_State *L, site *s, int idx, const char *key,
                          void (*fn)(lua_State *, site *, const char *, void *),
                          void *ud) {
  size_t n = 0;
  lua_Integer i, len;
  int t = lua_getfield(L, idx, key);
  if (t == LUA_TSTRING) {
    fn(L, s, lua_tostring(L, -1), ud);
    n = 1;
  } else if (t == LUA_TTABLE) {
    len = (lua_Integer)lua_rawlen(L, -1);
    for (i = 1; i <= len; i++) {
      if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
        site_fail(L, s, "'%s' must be a list of strings", key);
      fn(L, s, lua_tostring(L, -1), ud);
      lua_pop(L, 1);
      n++;
    }
  } else if (t != LUA_TNIL) {
    site_fail(L, s, "'%s' must be a string or a list of strings", key);
  }
  lua_pop(L, 1);
  return n;
}

/* }===================================================================== */

/* {=====================================================================
** label "x" { title, description, threshold, color }
** ====================================================================== */

static const char *const label_keys[] = {"title", "description", "threshold",
                                         "color", NULL};

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

static int label_body(lua_State *L) {
  loader *ld = live_loader(L);
  ct_ruleset *rs = ld->rs;
  site s;
  ct_label_info *prev, *lb;
  const char *bad;
  s.ld = ld;
  snprintf(s.file, sizeof s.file, "%s", lua_tostring(L, lua_upvalueindex(3)));
  s.line = (int)lua_tointeger(L, lua_upvalueindex(4));
  snprintf(s.what, sizeof s.what, "label '%s'",
           lua_tostring(L, lua_upvalueindex(2)));
  if (!lua_istable(L, 1)) return site_fail(L, &s, "expected a table {...}");
  if (ld->refs) return 0;                       /* engine: nothing to do */
  check_keys(L, &s, 1, label_keys, 0);
  if ((prev = find_label(rs, lua_tostring(L, lua_upvalueindex(2)))) != NULL)
    return site_fail(L, &s, "already declared at %s:%d", prev->file,
                     prev->line);
  rs->labels = grow(L, rs->labels, rs->nlabels, sizeof *rs->labels);
  lb = &rs->labels[rs->nlabels++];
  memset(lb, 0, sizeof *lb);
  lb->name = xstrdup(L, lua_tostring(L, lua_upvalueindex(2)));
  lb->file = xstrdup(L, s.file);
  lb->line = s.line;
  lb->title = xstrdup(L, opt_string(L, &s, 1, "title"));
  lb->description = xstrdup(L, opt_string(L, &s, 1, "description"));
  lb->color = xstrdup(L, opt_string(L, &s, 1, "color"));
  lb->threshold = opt_number(L, &s, 1, "threshold", 1.0);
  if ((bad = ct_weight_problem(lb->threshold, 1)) != NULL)
    return site_fail(L, &s, "'threshold' %s", bad);
  lb->declared_threshold = lb->threshold;
  return 0;
}

/* Names are printed in every output format and message, so they hold
** nothing that could forge a line, a field or a terminal escape: letters,
** combining marks, digits and _ . - : / +.  Returns NULL when `name` is
** one, else what is wrong with it. */
static const char *name_problem(const char *name, size_t n, char *why,
                                size_t size) {
  const unsigned char *s = (const unsigned char *)name;
  size_t i = 0, k;
  if (n > CT_NAME_MAX) {
    snprintf(why, size, "is longer than %d bytes", CT_NAME_MAX);
    return why;
  }
  while (i < n) {
    int32_t cp;
    k = ct_utf8_decode(s + i, n - i, &cp);
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

/* label "x" returns the function that takes the table. */
static int declare_with_name(lua_State *L, lua_CFunction body,
                             const char *kind) {
  loader *ld = live_loader(L);
  char file[512], why[128];
  int line;
  caller_where(L, file, sizeof file, &line);
  if (lua_type(L, 1) != LUA_TSTRING || lua_rawlen(L, 1) == 0)
    return decl_fail(L, ld, file, line, "%s needs a name: %s \"name\" {...}",
                     kind, kind);
  if (name_problem(lua_tostring(L, 1), lua_rawlen(L, 1), why, sizeof why))
    return decl_fail(L, ld, file, line, "%s name %s", kind, why);
  lua_pushlightuserdata(L, ld);
  lua_pushvalue(L, 1);
  lua_pushstring(L, file);
  lua_pushinteger(L, line);
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
                                        "focus", NULL};

typedef struct phrase_ctx { ct_ruleset *rs; size_t rule; int list; } phrase_ctx;

static void add_phrase(lua_State *L, site *s, const char *p, void *ud) {
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
  free(folded);
  if (st == CT_ENOMEM) luaL_error(L, "not enough memory");
  if (st != CT_OK && pc->list == CT_LIST_NEEDS)
    site_fail(L, s, "'needs': %s", err.msg);
  if (st != CT_OK) site_fail(L, s, "%s", err.msg);
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

/* regex and needs: a regex runs only on clauses that hold one of its
** needles, declared or found in the pattern. */
static void rule_regex(lua_State *L, site *s, ct_ruleset *rs, ct_rule *r) {
  phrase_ctx pc = {rs, (size_t)(r - rs->rules), CT_LIST_NEEDS};
  ct_error err;
  const char *pat = opt_string(L, s, 1, "regex");
  ct_status st;
  if (pat == NULL) {
    if (lua_getfield(L, 1, "needs") != LUA_TNIL)
      site_fail(L, s, "'needs' is for a 'regex' rule: it names what every "
                "match of the regex holds");
    lua_pop(L, 1);
    return;
  }
  st = ct_regex_compile(pat, &r->regex, &err);
  if (st == CT_ENOMEM) luaL_error(L, "not enough memory");
  if (st != CT_OK) site_fail(L, s, "%s", err.msg);
  r->info.regex = 1;
  if (lua_getfield(L, 1, "needs") == LUA_TTABLE && lua_rawlen(L, -1) == 0)
    site_fail(L, s, "'needs' must name at least one string");
  lua_pop(L, 1);
  r->nneeds = each_string(L, s, 1, "needs", add_phrase, &pc);
  if (r->nneeds == 0) find_needles(L, rs, r, pat);
}

/* Field `key` as one of `names` (its index), `dflt` when absent. */
static int opt_choice(lua_State *L, site *s, int idx, const char *key,
                      const char *const *names, int dflt) {
  const char *v = opt_string(L, s, idx, key);
  int i;
  if (v == NULL) return dflt;
  for (i = 0; names[i]; i++)
    if (strcmp(v, names[i]) == 0) return i;
  return site_fail(L, s, "'%s' must be %s or %s, not '%s'", key, names[1],
                   names[2], v);
}

static int opt_flag(lua_State *L, site *s, int idx, const char *key) {
  int t = lua_getfield(L, idx, key), v = lua_toboolean(L, -1);
  if (t != LUA_TNIL && t != LUA_TBOOLEAN)
    site_fail(L, s, "'%s' must be true or false", key);
  lua_pop(L, 1);
  return v;
}

/* How a rule may fire besides its matchers: where it looks, on which
** clauses, and whether it weighs its label's share of the evidence. */
static void rule_kind(lua_State *L, site *s, ct_rule *r) {
  static const char *const contexts[] = {"", "section", "previous", NULL};
  static const char *const scopes[] = {"", "title", "body", NULL};
  r->info.context = (ct_context)opt_choice(L, s, 1, "context", contexts, 0);
  r->info.scope = (ct_scope)opt_choice(L, s, 1, "scope", scopes, 0);
  r->info.focus = opt_flag(L, s, 1, "focus");
  if (r->info.focus && r->info.context != CT_CONTEXT_NONE)
    site_fail(L, s, "'focus' and 'context' cannot be combined");
}

static void rule_fields(lua_State *L, site *s, ct_ruleset *rs, ct_rule *r) {
  phrase_ctx pc = {rs, (size_t)(r - rs->rules), CT_LIST_WORDS};
  int t;
  const char *label = opt_string(L, s, 1, "label"), *bad;
  if (label == NULL) site_fail(L, s, "'label' is required");
  r->label_name = xstrdup(L, label);
  r->info.description = xstrdup(L, opt_string(L, s, 1, "description"));
  r->info.weight = opt_number(L, s, 1, "weight", 1.0);
  if ((bad = ct_weight_problem(r->info.weight, 0)) != NULL)
    site_fail(L, s, "'weight' %s", bad);
  r->info.declared = r->info.weight;
  rule_kind(L, s, r);
  r->info.words = each_string(L, s, 1, "words", add_phrase, &pc) > 0;
  pc.list = CT_LIST_UNLESS;
  r->info.unless = each_string(L, s, 1, "unless", add_phrase, &pc) > 0;
  rule_regex(L, s, rs, r);
  t = lua_getfield(L, 1, "when");
  if (t != LUA_TNIL && t != LUA_TFUNCTION)
    site_fail(L, s, "'when' must be a function");
  r->info.when = t == LUA_TFUNCTION;
  lua_pop(L, 1);
  if (!r->info.words && !r->info.regex && !r->info.when && !r->info.focus &&
      r->info.context == CT_CONTEXT_NONE)
    site_fail(L, s, "needs at least one of 'words', 'regex', 'when', "
                    "'context' or 'focus'");
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
  site s;
  s.ld = ld;
  snprintf(s.file, sizeof s.file, "%s", lua_tostring(L, lua_upvalueindex(3)));
  s.line = (int)lua_tointeger(L, lua_upvalueindex(4));
  snprintf(s.what, sizeof s.what, "rule '%s'", id);
  if (!lua_istable(L, 1)) return site_fail(L, &s, "expected a table {...}");
  if (ld->refs) return rule_instantiate(L, ld);
  check_keys(L, &s, 1, rule_keys, 0);
  if ((prev = find_rule(rs, id)) != NULL)
    return site_fail(L, &s, "already declared at %s:%d", prev->info.file,
                     prev->info.line);
  if (rs->nrules >= (size_t)INT_MAX >> 2)     /* phrase ids are ints */
    return site_fail(L, &s, "too many rules");
  rs->rules = grow(L, rs->rules, rs->nrules, sizeof *rs->rules);
  r = &rs->rules[rs->nrules++];
  memset(r, 0, sizeof *r);
  r->info.id = xstrdup(L, id);
  r->info.file = xstrdup(L, s.file);
  r->info.line = s.line;
  rule_fields(L, &s, rs, r);
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

static void add_example_label(lua_State *L, site *s, const char *name,
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
  site s;
  s.ld = ld;
  caller_where(L, s.file, sizeof s.file, &s.line);
  snprintf(s.what, sizeof s.what, "example");
  if (!lua_istable(L, 1))
    return site_fail(L, &s, "expected a table: example { \"text\", labels = "
                            "{...} }");
  if (ld->refs) return 0;
  check_keys(L, &s, 1, example_keys, 1);
  if (lua_rawgeti(L, 1, 1) != LUA_TSTRING)
    return site_fail(L, &s, "the clause text must come first, as a string");
  rs->examples = grow(L, rs->examples, rs->nexamples, sizeof *rs->examples);
  ex = &rs->examples[rs->nexamples++];
  memset(ex, 0, sizeof *ex);
  ex->info.text = xstrdup(L, lua_tostring(L, -1));
  ex->info.file = xstrdup(L, s.file);
  ex->info.line = s.line;
  lua_pop(L, 1);
  if (lua_getfield(L, 1, "labels") != LUA_TTABLE)
    return site_fail(L, &s, "'labels' must be a list of label names ({} "
                            "for none)");
  lua_pop(L, 1);
  each_string(L, &s, 1, "labels", add_example_label, ex);
  return 0;
}

/* weights { rules = { [id] = w, ... }, thresholds = { [label] = t } }:
** what `clausetag train` writes. */
static const char *const weights_keys[] = {"rules", "thresholds", NULL};

static void weights_table(lua_State *L, site *s, loader *ld, const char *key,
                          int label) {
  ct_ruleset *rs = ld->rs;
  int t = lua_getfield(L, 1, key);
  if (t == LUA_TNIL) {
    lua_pop(L, 1);
    return;
  }
  if (t != LUA_TTABLE)
    site_fail(L, s, "'%s' must be a table of names and numbers", key);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    ct_weight_decl *w;
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
      site_fail(L, s, "'%s' must map %s names to numbers", key,
                label ? "label" : "rule");
    rs->weights = grow(L, rs->weights, rs->nweights, sizeof *rs->weights);
    w = &rs->weights[rs->nweights];
    memset(w, 0, sizeof *w);
    rs->nweights++;
    w->name = xstrdup(L, lua_tostring(L, -2));
    w->file = xstrdup(L, s->file);
    w->line = s->line;
    w->label = label;
    w->value = lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static int weights_decl(lua_State *L) {
  loader *ld = live_loader(L);
  site s;
  s.ld = ld;
  caller_where(L, s.file, sizeof s.file, &s.line);
  snprintf(s.what, sizeof s.what, "weights");
  if (!lua_istable(L, 1))
    return site_fail(L, &s, "expected a table: weights { rules = {...}, "
                            "thresholds = {...} }");
  if (ld->refs) return 0;
  check_keys(L, &s, 1, weights_keys, 0);
  weights_table(L, &s, ld, "rules", 0);
  weights_table(L, &s, ld, "thresholds", 1);
  return 0;
}

static void add_abbrev(lua_State *L, site *s, const char *w, void *ud) {
  ct_status st = ct_abbrevs_add(ud, w);
  if (st == CT_ENOMEM) luaL_error(L, "not enough memory");
  if (st != CT_OK) site_fail(L, s, "'%s' must end with a period", w);
}

static int abbreviations_decl(lua_State *L) {
  loader *ld = live_loader(L);
  site s;
  s.ld = ld;
  caller_where(L, s.file, sizeof s.file, &s.line);
  snprintf(s.what, sizeof s.what, "abbreviations");
  if (!lua_istable(L, 1))
    return site_fail(L, &s, "expected a list: abbreviations { \"Amb.\" }");
  if (ld->refs) return 0;
  lua_newtable(L);               /* wrap so each_string can read field 'l' */
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "list");
  each_string(L, &s, lua_gettop(L), "list", add_abbrev, ld->rs->abbrevs);
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

static ct_status add_dir(ct_ruleset *rs, const char *dir, ct_error *err) {
  DIR *d = opendir(dir);
  struct dirent *e;
  size_t first = rs->nfiles;
  ct_buf path = {0};
  ct_status st = CT_OK;
  if (d == NULL)
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", dir, strerror(errno));
  while (st == CT_OK && (e = readdir(d)) != NULL) {
    if (!is_lua(e->d_name)) continue;
    ct_buf_clear(&path);
    st = ct_buf_printf(&path, "%s%s%s", dir,
                       dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    if (st == CT_OK) st = add_file(rs, path.s);
  }
  closedir(d);
  ct_buf_free(&path);
  if (st != CT_OK) return ct_fail(err, st, "%s: out of memory", dir);
  qsort(rs->files + first, rs->nfiles - first, sizeof *rs->files, cmp_str);
  return CT_OK;
}

static ct_status add_path(ct_ruleset *rs, const char *path, ct_error *err) {
  struct stat sb;
  if (stat(path, &sb) != 0)
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", path, strerror(errno));
  if (S_ISDIR(sb.st_mode)) return add_dir(rs, path, err);
  if (add_file(rs, path) != CT_OK)
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", path);
  return CT_OK;
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

/* Runs every file of the rule set in `sb`, each in its own environment. */
static ct_status run_each(ct_ruleset *rs, ct_sandbox *sb, loader *ld,
                          ct_error *err) {
  lua_State *L = ct_sandbox_lua(sb);
  size_t i;
  ct_status st = CT_OK;
  for (i = 0; st == CT_OK && i < rs->nfiles; i++) {
    if ((st = ct_sandbox_newenv(sb, err)) != CT_OK) break;   /* env */
    lua_pushcfunction(L, set_decls);
    lua_pushvalue(L, -2);
    lua_pushlightuserdata(L, ld);
    st = ct_sandbox_host_call(sb, 2, 0, err);
    if (st != CT_OK) {
      lua_pop(L, 1);                                          /* env */
      break;
    }
    st = ct_sandbox_load(sb, rs->files[i], err);              /* pops env */
    if (st != CT_OK && ld->decl_error) {
      st = CT_ESYNTAX;
      if (err) err->status = st;
    }
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
static ct_status compile_phrases(ct_ruleset *rs, ct_error *err) {
  ct_error e;
  ct_status st = ct_phrases_compile(rs->phrases, &e);
  if (st == CT_ELIMIT)
    return ct_fail(err, st, "rules: the words of all rules: %s (raise it "
                   "with --rule-memory)", e.msg);
  if (st != CT_OK) return ct_fail(err, st, "rules: %s", e.msg);
  return CT_OK;
}

static ct_status resolve(ct_ruleset *rs, ct_error *err) {
  size_t i, k;
  for (i = 0; i < rs->nrules; i++) {
    ct_rule *r = &rs->rules[i];
    ct_label_info *lb = find_label(rs, r->label_name);
    if (lb == NULL)
      return ct_fail(err, CT_ESYNTAX,
                     "%s:%d: rule '%s': label '%s' is not declared (declare "
                     "it with label \"%s\" {...})",
                     r->info.file, r->info.line, r->info.id, r->label_name,
                     r->label_name);
    r->info.label = (size_t)(lb - rs->labels);
  }
  for (i = 0; i < rs->nexamples; i++) {
    ct_example *ex = &rs->examples[i];
    ex->label_idx = calloc(ex->info.nlabels + 1, sizeof *ex->label_idx);
    if (ex->label_idx == NULL)
      return ct_fail(err, CT_ENOMEM, "%s: out of memory", ex->info.file);
    for (k = 0; k < ex->info.nlabels; k++) {
      ct_label_info *lb = find_label(rs, ex->label_names[k]);
      if (lb == NULL)
        return ct_fail(err, CT_ESYNTAX,
                       "%s:%d: example: label '%s' is not declared",
                       ex->info.file, ex->info.line, ex->label_names[k]);
      ex->label_idx[k] = (size_t)(lb - rs->labels);
    }
    ex->info.labels = ex->label_idx;
  }
  {
    ct_status st = ct_ruleset_apply_weights(rs, err);
    if (st != CT_OK) return st;
  }
  return compile_phrases(rs, err);
}

static ct_status load_all(ct_ruleset *rs, const char *const *paths,
                          size_t npaths, ct_error *err) {
  ct_sandbox *sb;
  loader ld = {rs, NULL, 0, 0};
  size_t i;
  ct_status st = CT_OK;
  for (i = 0; st == CT_OK && i < npaths; i++) st = add_path(rs, paths[i], err);
  if (st != CT_OK) return st;
  if ((st = ct_ruleset_sandbox(rs, &sb, err)) != CT_OK) return st;
  st = run_files(rs, sb, &ld, err);
  ct_sandbox_free(sb);
  return st == CT_OK ? resolve(rs, err) : st;
}

ct_status ct_ruleset_load(const char *const *paths, size_t npaths,
                          const ct_limits *lim, ct_ruleset **out,
                          ct_error *err) {
  ct_ruleset *rs = calloc(1, sizeof *rs);
  ct_status st;
  if (rs == NULL) return ct_fail(err, CT_ENOMEM, "rules: out of memory");
  if (lim) rs->lim = *lim;
  else ct_limits_default(&rs->lim);
  rs->abbrevs = ct_abbrevs_new(1);
  rs->phrases = ct_phrases_new();
  if (rs->phrases) ct_phrases_set_limit(rs->phrases, rs->lim.rule_memory);
  if (rs->abbrevs == NULL || rs->phrases == NULL)
    st = ct_fail(err, CT_ENOMEM, "rules: out of memory");
  else
    st = load_all(rs, paths, npaths, err);
  if (st != CT_OK) {
    ct_ruleset_free(rs);
    return st;
  }
  *out = rs;
  return CT_OK;
}

ct_status ct_ruleset_instantiate(const ct_ruleset *rs, ct_sandbox *sb,
                                 int *refs, ct_error *err) {
  loader ld = {(ct_ruleset *)rs, refs, 0, 0};
  size_t i;
  ct_status st;
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
  }
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
const ct_example_info *ct_ruleset_example(const ct_ruleset *rs, size_t i) {
  return i < rs->nexamples ? &rs->examples[i].info : NULL;
}
const ct_abbrevs *ct_ruleset_abbrevs(const ct_ruleset *rs) {
  return rs->abbrevs;
}
