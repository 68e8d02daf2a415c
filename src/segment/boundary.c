/*
** boundary.c -- where sentences end inside a unit (a list item or a
** paragraph).
**
** A walk over the unit finds terminators (. ! ? … 。 ！ ？), takes the
** closing quotes and brackets after them and a note reference ([1]), and
** decides whether the sentence ends there: not inside brackets, not at
** an ellipsis, not before a lowercase letter, not after an abbreviation
** unless a common sentence opener follows.  One decoding pass; positions only.  Between
** two bytes that need a decision (walk_event) the walk skips letters and
** ASCII white space with a table and works out the tokens they make
** backward from the next event (walk_over).
*/
#include <string.h>
#include "core/bytes16.h"
#include "segment/seg.h"

/* {=====================================================================
** Characters
** ====================================================================== */

static int is_cjk_stop(int32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

static int is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0x2019 || cp == 0x201D || cp == 0xBB || cp == 0x300D ||
         cp == 0x300F || cp == 0xFF09 || cp == 0x3011;
}

static int is_bracket_open(int32_t cp) {
  return cp == '(' || cp == '[' || cp == '{' || cp == 0xFF08 || cp == 0x3010;
}

static int is_bracket_close(int32_t cp) {
  return cp == ')' || cp == ']' || cp == '}' || cp == 0xFF09 || cp == 0x3011;
}


/* }===================================================================== */

/* {=====================================================================
** Words
** ====================================================================== */

/* Words that commonly open a sentence: after an abbreviation such as
** "U.S." a capitalized word is usually a name ("U.S. Department"), but
** one of these starts a new sentence ("... with the R.O.K. The two"). */
static const char *const openers[] = {
  "A", "After", "All", "Also", "An", "And", "Another", "As", "At", "Both",
  "But", "By", "During", "Each", "Finally", "First", "For", "From",
  "Further", "Furthermore", "He", "Her", "His", "How", "However", "I", "If",
  "In", "It", "Its", "Last", "Many", "Meanwhile", "Moreover", "Most", "No",
  "Now", "On", "One", "Our", "She", "Since", "So", "Some", "Such", "That",
  "The", "Their", "There", "These", "They", "This", "Those", "Through",
  "To", "Today", "Together", "Under", "We", "What", "When", "Where",
  "While", "Who", "With", "Yet", NULL
};

/* Openers that also begin names in title case: "U.S. First Lady", "U.S.
** Most Favored Nation", "the U.S. Last Mile Initiative".  Followed by a
** capitalized word they go on the name; "U.S. The United States" still
** opens a sentence. */
static const char *const name_openers[] = {
  "First", "Last", "Most", "One", NULL
};

static int word_in(const char *const *list, const unsigned char *p,
                   size_t n) {
  for (; *list; list++)
    if (word_is(*list, p, n)) return 1;
  return 0;
}

/* Does a capitalized word follow s[k] after one space? */
static int capital_next(const seg *g, size_t k, size_t end) {
  size_t len;
  return k + 1 < end && g->s[k] == ' ' &&
         ct_cp_isupper(cp_at(g, k + 1, end, &len));
}

static int is_opener_word(const seg *g, size_t i, size_t end) {
  size_t j = i, len, k;
  while (j < end && is_opener(cp_at(g, j, end, &len))) j += len;
  for (k = j; k < end && ct_cp_isalpha(g->s[k] < 0x80 ? g->s[k] : -1); k++)
    ;
  if (k == j || (k < end && g->s[k] >= 0x80)) return 0;
  if (word_in(name_openers, g->s + j, k - j) && capital_next(g, k, end))
    return 0;
  return word_in(openers, g->s + j, k - j);
}

/* Dotted initialisms by shape: U.S, R.O.K, e.g, a.m, Ph.D (the final
** period not included), and single-letter initials. */
static int is_initialism(const unsigned char *p, size_t n) {
  size_t i = 0, run = 0, groups = 0;
  if (n == 1) return ct_cp_isalpha(p[0]);
  for (i = 0; i < n; i++) {
    if (p[i] < 0x80 && ct_cp_isalpha(p[i])) {
      if (++run > 3) return 0;
    } else if (p[i] == '.' && run > 0) {
      run = 0;
      groups++;
    } else {
      return 0;
    }
  }
  return run > 0 && groups > 0;
}

int ct_seg_is_abbrev(const seg *g, const unsigned char *p, size_t n) {
  size_t i;
  if (ct_abbrevs_has(g->ab, (const char *)p, n + 1)) return 1;
  for (i = n; i > 0; i--)          /* U.S.-R.O.K. : look at the last part */
    if (p[i - 1] == '-' || p[i - 1] == '/') break;
  if (i > 0 && ct_abbrevs_has(g->ab, (const char *)p + i, n - i + 1))
    return 1;
  return is_initialism(p + i, n - i);
}

/* }===================================================================== */


/* {=====================================================================
** Sentences
** ====================================================================== */

/* State of the walk through one sentence. */
typedef struct walk {
  size_t tok;        /* start of the current token */
  int intok;
  int ntok;          /* tokens finished so far in this sentence (asked
                     ** only as none and three or more: walk_over counts
                     ** no further than three) */
  int after_colon;   /* the previous token ended in ':' or ';' */
  size_t prev;       /* start of the previous token (tok when none) */
  int depth;         /* open brackets */
} walk;

/* A run of terminators at a candidate boundary, and the closers after it. */
typedef struct stop {
  size_t first;      /* after the first terminator */
  size_t after;      /* after the run, spaced dots (". . .") included */
  size_t end;        /* after the closing quotes and brackets */
  int dots, others;  /* periods ('…' counts three) and other terminators */
  int cjk;           /* a CJK full stop is among them */
  int spaced;        /* the dots stand apart: ". . ." */
  int quote;         /* a closing quote is among the closers */
  int depth;         /* brackets still open after the closers */
} stop;

/* Start of the current token with its opening brackets, quotes and
** emphasis marks stripped: the word an abbreviation check looks at. */
static size_t word_start(const seg *g, size_t tok, size_t i) {
  size_t len;
  int32_t cp;
  while (tok < i && (is_opener(cp = cp_at(g, tok, i, &len)) ||
                     ct_md_is_emph(g->s[tok])))
    tok += len;
  return tok;
}

static int is_quote_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D ||
         cp == 0xBB || cp == 0x300D || cp == 0x300F;
}

/* A period after a space that stands apart like the dot before it, as in
** ". . .": followed by a space, another period, a closer or the end. */
static int spaced_dot(const seg *g, size_t j, size_t end) {
  size_t len;
  int32_t cp;
  if (j + 1 >= end || g->s[j] != ' ' || g->s[j + 1] != '.') return 0;
  if (j + 2 >= end) return 1;
  cp = cp_at(g, j + 2, end, &len);
  return cp == ' ' || cp == '.' || is_closer(cp) || cp_isspace(cp);
}

/* A note reference right after a sentence's stop (at j, its closers
** read), as text copied from a page or a PDF keeps it: "[1]" to "[999]",
** or bare digits after a lone period that follows a lowercase letter or
** a closer ("cooperation.1 We", a superscript flattened; "2.12" and,
** after an abbreviation, "p.12" are not).  Only before white space or
** the end.  Returns its end, or 0: the sentence then ends after it. */
static size_t note_ref(const seg *g, const walk *w, size_t i, size_t j,
                       size_t end, const stop *st) {
  size_t k = j, d, word = word_start(g, w->tok, i);
  int bracket = k < end && g->s[k] == '[';
  int32_t before;
  k += (size_t)bracket;
  for (d = k; d < end && d - k < 4 && g->s[d] >= '0' && g->s[d] <= '9'; d++) {}
  if (d == k || d - k > 3) return 0;
  if (bracket) {
    if (d >= end || g->s[d] != ']') return 0;
    d++;
  } else {
    before = i > 0 ? cp_before(g, 0, i) : ' ';
    if (st->dots != 1 || st->others != 0 || g->s[i] != '.' ||
        !(ct_cp_islower(before) || is_closer(before)) ||
        (word < i && ct_seg_is_abbrev(g, g->s + word, i - word)))
      return 0;
  }
  return d >= end || cp_isspace(cp_at(g, d, end, &k)) ? d : 0;
}

static void read_stop(const seg *g, const walk *w, size_t i, size_t end,
                      stop *st) {
  size_t j = i, len;
  int32_t cp;
  memset(st, 0, sizeof *st);
  st->depth = w->depth;
  while (j < end && is_terminator(cp = cp_at(g, j, end, &len))) {
    if (cp == '.') st->dots++;
    else if (cp == 0x2026) st->dots += 3;
    else st->others++;
    st->cjk |= is_cjk_stop(cp);
    j += len;
    if (st->first == 0) st->first = j;
    if (cp == '.' && st->others == 0 && spaced_dot(g, j, end))
      j++, st->spaced = 1;
  }
  st->after = j;
  while (j < end) {
    size_t e;
    cp = cp_at(g, j, end, &len);
    if ((e = ct_md_link_tail(g, j, end)) != 0) {   /* "[Read more.](url)" */
      if (st->depth > 0) st->depth--;
      j = e;
      continue;
    }
    if (ct_md_is_emph(g->s[j]) && (e = ct_md_emph_end(g, i, j, end)) != 0) {
      j = e;                                      /* "**We agree.**" */
      continue;
    }
    if (!is_closer(cp)) break;
    if (is_bracket_close(cp) && st->depth > 0) st->depth--;
    st->quote |= is_quote_closer(cp);
    j += len;
  }
  st->end = j;
  if ((j = note_ref(g, w, i, j, end, st)) != 0) st->end = j;
}

/* An ellipsis (". . .", "...", "…") marks words left out and ends no
** sentence; four dots are an ellipsis and a period, and do.  After a
** word's own period ("compounds. . . . The") the sentence ends at that
** period and the ellipsis opens the next one, unless nothing follows. */
static size_t ellipsis(const seg *g, const walk *w, size_t i, size_t end,
                       const stop *st) {
  size_t ws, len;
  if (st->dots < 4) return 0;
  if (st->end >= end) return end;
  ws = skip_space(g, st->end, end);
  if (ws >= end) return st->end;
  if (ct_cp_islower(cp_at(g, ws, end, &len))) return 0;
  return i > w->tok && st->spaced ? st->first : st->end;
}

static int all_digits(const unsigned char *p, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9') return 0;
  return n > 0;
}

/* One or two digits from j, at most `max`, then a period: the position
** after the period, or 0. */
static size_t date_part(const seg *g, size_t j, size_t end, int max) {
  size_t d = j;
  int v = 0;
  while (j < end && j - d < 2 && g->s[j] >= '0' && g->s[j] <= '9')
    v = v * 10 + (g->s[j++] - '0');
  return j > d && v >= 1 && v <= max && j < end && g->s[j] == '.' ? j + 1
                                                                   : 0;
}

/* "2022. 5. 21." or "2022.5.21." (Korean dates): when the token ending at
** the period i is a year, the position after the date's last period, or
** 0. */
static size_t date_end(const seg *g, const walk *w, size_t i, size_t end) {
  size_t k = w->tok, j = i + 1, d;
  int part;
  if (i - k != 4 || !all_digits(g->s + k, 4) || g->s[k] < '1' ||
      g->s[k] > '2')
    return 0;
  for (part = 0; part < 2; part++) {
    if (j < end && g->s[j] == ' ') j++;
    if ((d = date_part(g, j, end, part == 0 ? 12 : 31)) == 0) break;
    j = d;
    i = d;
  }
  return part > 0 ? i : 0;
}

/* A date's last period ends the sentence unless the sentence goes on:
** Hangul, a lowercase word or a number after it. */
static size_t after_date(const seg *g, size_t d, size_t end) {
  size_t ws, len;
  int32_t next;
  if (d >= end) return end;
  ws = skip_space(g, d, end);
  if (ws == d) return 0;
  if (ws >= end) return d;
  next = cp_at(g, ws, end, &len);
  return ct_cp_iscjk(next) || ct_cp_islower(next) || ct_cp_isdigit(next) ? 0
                                                                          : d;
}

/* "a.m." and "p.m." (the final period not included), any case. */
static int is_clock(const unsigned char *p, size_t n) {
  return n == 3 && p[1] == '.' && (p[2] | 0x20) == 'm' &&
         ((p[0] | 0x20) == 'a' || (p[0] | 0x20) == 'p');
}

/* A capitalized word at i that is not a month or a day ("at 6 p.m.
** Monday" goes on). */
static int new_name(const seg *g, size_t i, size_t end) {
  size_t k = i, len;
  if (!ct_cp_isupper(cp_at(g, i, end, &len))) return 0;
  while (k < end && k - i < 12 && g->s[k] < 0x80 && ct_cp_isalpha(g->s[k]))
    k++;
  if (k < end && g->s[k] == '.') k++;
  return !ct_seg_is_month(g->s + i, k - i) &&
         !ct_seg_is_month(g->s + i, k - i - (g->s[k - 1] == '.'));
}

/* Did the previous token begin with a lowercase letter ("and I.")? */
static int prev_lower(const seg *g, const walk *w) {
  size_t len, p = word_start(g, w->prev, w->tok);
  return w->prev < w->tok && ct_cp_islower(cp_at(g, p, w->tok, &len));
}

/* Words that number a part of a text before a label: "Section 1.
** Pittsburgh Statement" and "ARTICLE IV. Safeguards" are headings, not
** two sentences each. */
static const char *const part_words[] = {
  "annex", "appendix", "article", "chapter", "clause", "paragraph", "part",
  "pillar", "schedule", "section", "title", NULL
};

/* Is the sentence's first token, and only one so far, a part word (in
** any case)? */
static int after_part_word(const seg *g, const walk *w) {
  char low[12];
  size_t n = 0, p = word_start(g, w->prev, w->tok);
  if (w->ntok != 1) return 0;
  for (; p < w->tok && g->s[p] < 0x80 && ct_cp_isalpha(g->s[p]); p++) {
    if (n == sizeof low) return 0;
    low[n++] = (char)(g->s[p] | 0x20);
  }
  return p < w->tok && cp_isspace(g->s[p]) &&
         word_in(part_words, (const unsigned char *)low, n);
}

/* A single period after the token [k, i): may the sentence end here?
** Not after a list label at a sentence start ("1. The") or after a part
** word at its start ("Section 1. Pittsburgh"), nor after an
** abbreviation unless a sentence opener follows; "I" after a lowercase
** word is the pronoun ("you and I. Did"), and a time late in a sentence
** ends it before a name ("at 6 P.M. Mr. Smith"). */
static int may_end(const seg *g, const walk *w, size_t i, size_t ws,
                   size_t end) {
  size_t k = word_start(g, w->tok, i);
  if (ct_seg_is_marker_label(g->s + k, i - k) &&
      (w->ntok == 0 || w->after_colon || after_part_word(g, w)))
    return 0;
  if (k >= i || !ct_seg_is_abbrev(g, g->s + k, i - k)) return 1;
  if (i - k == 1 && g->s[k] == 'I' && prev_lower(g, w)) return 1;
  if (is_clock(g->s + k, i - k) && w->ntok >= 3 && new_name(g, ws, end))
    return 1;
  return is_opener_word(g, ws, end);
}

/* "Hello world.Today is Tuesday.": a space lost after a period between a
** lowercase letter or digit and a capitalized word.  Not inside an
** address (jane.Doe@x.org, www.Site.com, a/b.Cd) nor after an
** abbreviation (U.S.Army). */
static int run_together(const seg *g, const walk *w, size_t i, size_t end) {
  size_t k = word_start(g, w->tok, i), j, len;
  int32_t prev, next;
  if (k >= i || i + 2 >= end) return 0;
  prev = cp_before(g, k, i);
  if (!(ct_cp_islower(prev) || ct_cp_isdigit(prev))) return 0;
  next = cp_at(g, i + 1, end, &len);
  if (!ct_cp_isupper(next) || i + 1 + len >= end ||
      !ct_cp_islower(cp_at(g, i + 1 + len, end, &len)))
    return 0;
  if (end - k >= 4 && memcmp(g->s + k, "www.", 4) == 0) return 0;
  for (j = k; j < end && j - k < 256 && !cp_isspace(g->s[j]); j++)
    if (g->s[j] == '@' || g->s[j] == '/' || g->s[j] == ':') return 0;
  return !ct_seg_is_abbrev(g, g->s + k, i - k);
}

/* Korean sentences end in a verb ending: -다 (했다, 합니다), -요, -까.
** Korean text also writes "." for the middle dot between nouns ("한.독",
** "정치.경제", "법적.제도적"), where the syllable before it ends a noun. */
static int ends_korean_sentence(int32_t cp) {
  return cp == 0xB2E4 || cp == 0xC694 || cp == 0xAE4C; /* 다 요 까 */
}

/* No white space after the stop: a boundary only after a CJK full stop,
** between CJK characters (a lone "." between Hangul only after a
** sentence ending), or where a space was lost. */
static int glued(const seg *g, const walk *w, size_t i, size_t end,
                 const stop *st) {
  size_t len;
  int32_t prev = i > 0 ? cp_before(g, 0, i) : ' ';
  int32_t next = cp_at(g, st->end, end, &len);
  if (st->cjk) return 1;
  if (ct_cp_ishangul(prev) && ct_cp_ishangul(next) && st->dots == 1 &&
      st->others == 0)
    return ends_korean_sentence(prev);
  if (ct_cp_iscjk(prev) && ct_cp_iscjk(next)) return 1;
  return st->dots == 1 && st->others == 0 && st->end == i + 1 &&
         run_together(g, w, i, end);
}

static const char *const speech[] = {
  "said", "says", "added", "adds", "told", "asked", "noted", "stated",
  "wrote", "explained", "continued", "stressed", "emphasized", "emphasised",
  "argued", "insisted", "replied", "remarked", "warned", "declared",
  "announced", "recalled", "observed", "concluded", NULL
};

/* End of the word at i: letters, digits, hyphens, apostrophes and inner
** periods (Jr., Lee Jae-myung's). */
static size_t word_end(const seg *g, size_t i, size_t end) {
  size_t len;
  while (i < end) {
    int32_t cp = cp_at(g, i, end, &len);
    if (!(ct_cp_isalnum(cp) || ct_cp_ismark(cp) || cp == '-' || cp == '\'' ||
          cp == 0x2019 || (cp == '.' && i + 1 < end && g->s[i + 1] != ' ')))
      break;
    i += len;
  }
  return i;
}

/* After a quotation's closing quote: 'America.” Kim said.' -- up to four
** capitalized words, a verb of saying, then the sentence's end within a
** few words with no "that": the quotation's attribution, not a new
** sentence ("Kim said that ..." is one). */
static int attribution(const seg *g, size_t i, size_t end) {
  size_t e, len, words = 0, names = 0, lim = i + 160 < end ? i + 160 : end;
  int verb = 0;
  while (i < lim && words < 12) {
    e = word_end(g, i, lim);
    if (e == i) return 0;
    words++;
    if (verb && e - i == 4 && memcmp(g->s + i, "that", 4) == 0) return 0;
    if (!verb && word_in(speech, g->s + i, e - i)) verb = names > 0;
    else if (!verb && ct_cp_isupper(cp_at(g, i, e, &len)) && names < 4)
      names++;
    else if (!verb)
      return 0;
    if (e < lim && (is_terminator(g->s[e]) || g->s[e] == ',')) return verb;
    i = skip_space(g, e, lim);
    if (i == e) return 0;
  }
  return 0;
}

/* Decides whether the terminator at i ends the sentence: returns the end
** of the sentence (after closing quotes and brackets) or 0, and in
** *resume where the walk goes on when it does not. */
static size_t at_terminator(const seg *g, const walk *w, size_t i,
                            size_t end, size_t *resume) {
  stop st;
  size_t ws, d, len;
  int32_t next;
  read_stop(g, w, i, end, &st);
  *resume = st.after;
  if (st.depth > 0) return 0;
  if (st.dots == 1 && st.others == 0 && (d = date_end(g, w, i, end)) != 0) {
    *resume = d;
    return after_date(g, d, end);
  }
  if (st.dots > 1 && st.others == 0) return ellipsis(g, w, i, end, &st);
  if (st.end >= end) return end;
  ws = skip_format(g, st.end, end);            /* "tariffs.\u200b The" */
  if (ws >= end) return st.end;
  if (!cp_isspace(cp_at(g, ws, end, &len)))
    return glued(g, w, i, end, &st) ? st.end : 0;
  ws = skip_space(g, ws, end);
  if (ws >= end) return st.end;
  if (st.dots == 1 && st.others == 0 && !may_end(g, w, i, ws, end)) return 0;
  if (st.quote && attribution(g, ws, end)) return 0;
  next = cp_at(g, ct_md_skip_open(g, ws, end), end, &len);
  if (ct_cp_islower(next) || is_bracket_open(next)) return 0;
  return st.end;
}

/* Bytes the walk must decide on one by one: '<' (a comment may open
** there), brackets, terminators, and every byte from 0x80 (a sequence to
** decode).  Between two of them there are only letters and ASCII white
** space, whose steps only open and close tokens (walk_over). */
#define EVENT16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char walk_event[256] = {
  ['<'] = 1, ['('] = 1, ['['] = 1, ['{'] = 1, [')'] = 1, [']'] = 1,
  ['}'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1,
  [0x80] = EVENT16, EVENT16, EVENT16, EVENT16, EVENT16, EVENT16, EVENT16,
  EVENT16
};

#if CT_BYTES16
/* The event bytes among sixteen: '(' ')' as one compare, '[' '{' and
** ']' '}' (0x20 apart) as one each, the bytes from 0x80 by their top
** bit. */
static unsigned events16(const unsigned char *p) {
  ct_v16 x = ct_load16(p);
  ct_v16 e = ct_or16(ct_or16(ct_eq_or16(x, 0x01, ')'), ct_eq_or16(x, 0x20, '{')),
                     ct_or16(ct_eq_or16(x, 0x20, '}'), ct_eq16(x, '.')));
  e = ct_or16(e, ct_or16(ct_eq16(x, '<'), ct_or16(ct_eq16(x, '!'),
                                                  ct_eq16(x, '?'))));
  return ct_mask16(e) | ct_high16(x);
}
#endif

/* The first event byte in [i, end), or end: sixteen bytes a test where
** the machine can (bytes16.h), four bytes a test while four remain (one
** branch for four), then one by one. */
static size_t next_event(const unsigned char *s, size_t i, size_t end) {
#if CT_BYTES16
  while (end - i >= 16) {
    unsigned m = events16(s + i);
    if (m) return i + ct_first16(m);
    i += 16;
  }
#endif
  while (end - i >= 4 && (walk_event[s[i]] | walk_event[s[i + 1]] |
                          walk_event[s[i + 2]] | walk_event[s[i + 3]]) == 0)
    i += 4;
  while (i < end && !walk_event[s[i]]) i++;
  return i;
}

static int ascii_white(unsigned char c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

/* Where the run of letters (or of white space) that ends at k starts,
** not before a. */
static size_t back_letters(const unsigned char *s, size_t a, size_t k) {
#if CT_BYTES16
  for (; k - a >= 16; k -= 16) {           /* sixteen bytes a test */
    unsigned w = ct_mask16(ct_white16(ct_load16(s + k - 16)));
    if (w) return k - 16 + ct_last16(w) + 1;
  }
#endif
  while (k > a && !ascii_white(s[k - 1])) k--;
  return k;
}

static size_t back_white(const unsigned char *s, size_t a, size_t k) {
  while (k > a && ascii_white(s[k - 1])) k--;
  return k;
}

/* The general steps over [a, i) (a < i), letters and ASCII white space
** only, worked out backward from i, run by run, instead of token by
** token.  A token opens at the first letter of a run (at a only if none
** was open) and closes at the first white space after a letter (at a
** only if one was open).  What the steps leave is: the last token opened
** (tok), the last closed (prev; after_colon from its last byte), whether
** one is open, and the count of tokens closed, which is only ever asked
** as none or three or more (may_end), so counted here up to three. */
static void walk_over(const seg *g, walk *w, size_t a, size_t i) {
  const unsigned char *s = g->s;
  int open = w->intok;                        /* a token open at a */
  size_t k = back_letters(s, a, i), m, q, tok = w->tok;
  w->intok = k < i;
  if (k == a) {                               /* letters only */
    if (!open) w->tok = a;
    return;
  }
  if (k < i) w->tok = k;                      /* the last open */
  m = back_white(s, a, k - 1);                /* white space [m, k) */
  if (m == a && !open) return;                /* no close */
  q = back_letters(s, a, m);                  /* letters [q, m) */
  w->after_colon = s[m - 1] == ':' || s[m - 1] == ';';
  w->prev = q == a && open ? tok : q;         /* the last close, at m */
  if (k == i) w->tok = w->prev;
  for (w->ntok++; w->ntok < 3 && q > a; q = back_letters(s, a, m)) {
    m = back_white(s, a, q - 1);              /* an earlier close? */
    if (m == a && !open) break;
    w->ntok++;
  }
}

/* Closes the token that ends at i. */
static void end_token(const seg *g, walk *w, size_t i) {
  unsigned char last = g->s[i - 1];
  w->intok = 0;
  w->ntok++;
  w->after_colon = last == ':' || last == ';';
  w->prev = w->tok;
}

size_t ct_seg_sentence_end(const seg *g, size_t from, size_t end) {
  walk w = {from, 0, 0, 0, from, 0};
  size_t i = from, len, r, resume;
  while (i < end) {
    int32_t cp;
    if (!g->general && !walk_event[g->s[i]]) {   /* up to the next event */
      size_t a = i;
      i = next_event(g->s, i + 1, end);
      walk_over(g, &w, a, i);
      continue;
    }
    cp = cp_at(g, i, end, &len);
    if (cp_isspace(cp)) {
      if (w.intok) end_token(g, &w, i);
      i += len;
      continue;
    }
    if (!w.intok) {
      w.tok = i;
      w.intok = 1;
    }
    if (cp == '<' && (r = ct_md_comment_end(g, i, end)) != 0) {
      i = r;                                      /* "<!-- a note. -->" */
      continue;
    }
    if (is_bracket_open(cp)) {
      w.depth++;
    } else if (is_bracket_close(cp) && w.depth > 0) {
      w.depth--;
    } else if (is_terminator(cp)) {
      if ((r = at_terminator(g, &w, i, end, &resume)) != 0) return r;
      i = resume;
      continue;
    }
    i += len;
  }
  return end;
}

/* }===================================================================== */
