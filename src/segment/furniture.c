/*
** furniture.c -- page furniture: the lines a web page saved as text
** carries around its article.  Weather ("34.5 F") and the place beside
** it, date lines ("Published: 14 Nov. 2025, 10:47") and datelines alone
** ("WASHINGTON, Nov. 14 (Yonhap) --"), bylines ("By Jane Smith", "홍길동
** 기자"), navigation and breadcrumbs ("Home > National > Diplomacy",
** "HomePolitics..."), buttons ("Click to start listening",
** "facebook share"), box titles ("Key Takeaways", "[EXPLAINER]"), photo
** credits ("... [YONHAP]", "(Photo: ...)") and figure captions ("Figure
** 2: Opening a file").
**
** Such a line is a clause of kind `line`: it keeps its text (nothing is
** lost) but is never a heading and takes no section, so no rule reads an
** article's topic into it or from it.  Every test here looks at one line
** and is cheap: short lines only, a word list, or the line's end.
*/
#include <string.h>
#include "segment/seg.h"


/* {=====================================================================
** Words
** ====================================================================== */

/* Walks the words of [i, end): white space apart, with the punctuation
** around each word left out (w->a, w->b), the raw token in w->ta, w->tb. */
typedef struct words {
  const seg *g;
  size_t i, end;
  size_t ta, tb, a, b;
} words;

static int is_edge_punct(unsigned char c) {
  return c < 0x80 && !ct_cp_isalnum(c) && c != '@' && c != '#' && c != '&';
}

static int next_word(words *w) {
  const unsigned char *s = w->g->s;
  size_t len;
  w->i = skip_space(w->g, w->i, w->end);
  if (w->i >= w->end) return 0;
  w->ta = w->i;
  while (w->i < w->end && !cp_isspace(cp_at(w->g, w->i, w->end, &len)))
    w->i += len;
  w->tb = w->i;
  w->a = w->ta;
  w->b = w->tb;
  while (w->a < w->b && is_edge_punct(s[w->a])) w->a++;
  while (w->b > w->a && is_edge_punct(s[w->b - 1])) w->b--;
  return 1;
}

static unsigned char fold(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* A word of a list with its length, so a lookup compares lengths first:
** most lines and words are of no length in the list. */
typedef struct entry {
  const char *w;
  size_t n;
} entry;

#define W(s) {s, sizeof s - 1}

/* Is p[0..n) one of `list` (ended by {NULL, 0}), ASCII case ignored? */
static int in_list(const entry *list, const unsigned char *p, size_t n) {
  size_t k;
  for (; list->w; list++) {
    if (list->n != n || n == 0) continue;
    for (k = 0; k < n && fold(p[k]) == fold((unsigned char)list->w[k]); k++)
      ;
    if (k == n) return 1;
  }
  return 0;
}

static int has_digit(const unsigned char *p, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i] >= '0' && p[i] <= '9') return 1;
  return 0;
}

static size_t count_words(const seg *g, size_t a, size_t b) {
  words w = {g, a, b, 0, 0, 0, 0};
  size_t n = 0;
  while (next_word(&w)) n++;
  return n;
}

/* }===================================================================== */

/* {=====================================================================
** Dates, times, weather
** ====================================================================== */

static const entry date_labels[] = {
  W("published"), W("updated"), W("posted"), W("last"), W("date"), W("input"),
  W("modified"), W("created"), W("issued"), W("released"), W("edited"),
  W("on"), W("at"), W("and"), W("입력"), W("수정"), W("등록"), W("기사입력"), W("승인"),
  W("발행"), {NULL, 0}
};

static const entry date_words[] = {
  W("jan"), W("feb"), W("mar"), W("apr"), W("jun"), W("jul"), W("aug"),
  W("sep"), W("sept"), W("oct"), W("nov"), W("dec"), W("mon"), W("tue"),
  W("tues"), W("wed"), W("thu"), W("thur"), W("thurs"), W("fri"), W("sat"),
  W("sun"), W("am"), W("pm"), W("a.m"), W("p.m"), W("kst"), W("est"),
  W("edt"), W("et"), W("gmt"), W("utc"), W("pt"), W("pst"), W("pdt"),
  W("bst"), W("cet"), {NULL, 0}
};

/* A number of a date or time: 2025, 14, 10:47, 2025-11-14, 11/13/2025,
** 2022.5.21, 2025년, 11월. */
static int is_date_number(const seg *g, size_t a, size_t b) {
  size_t i, len;
  if (!has_digit(g->s + a, b - a)) return 0;
  for (i = a; i < b; i += len) {
    int32_t cp = cp_at(g, i, b, &len);
    if (!(ct_cp_isdigit(cp) || cp == '-' || cp == '/' || cp == '.' ||
          cp == ':' || cp == ',' || cp == 0xB144 || cp == 0xC6D4 ||
          cp == 0xC77C || cp == 0xC2DC || cp == 0xBD84 ||
          (cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' &&
           i > a && b - i <= 2)))   /* 14th, 2nd; 년 월 일 시 분 */
      return 0;
  }
  return 1;
}

static int is_byline(const seg *g, size_t a, size_t b);

/* "Friday, November 14, 2025", "Published: 14 Nov. 2025, 10:47
** Updated: ...", "Nov 06, 2025, 10:39 am", "입력 2025.11.14 10:47": every
** word a date word, a number or a label, and a number among them; a
** byline may end it ("September 10, 2011 at 1:06 PM ET by Jane Smith"). */
static int is_date_line(const seg *g, size_t a, size_t b) {
  words w = {g, a, b, 0, 0, 0, 0};
  int numbers = 0, n = 0;
  if (!has_digit(g->s + a, b - a)) return 0;   /* no number among them */
  while (next_word(&w)) {
    size_t k = w.b - (w.b > w.a && g->s[w.b - 1] == '.');
    if (++n > 16) return 0;
    if (w.a == w.b) continue;                        /* "|", "-", ":" */
    if (is_date_number(g, w.a, w.b)) numbers++;
    else if (numbers > 0 && w.b - w.a == 2 && (g->s[w.a] | 0x20) == 'b' &&
             (g->s[w.a + 1] | 0x20) == 'y' && w.a == w.ta)
      return is_byline(g, w.ta, b);     /* "... 1:06 PM ET by Jane Smith" */
    else if (!(ct_seg_is_month(g->s + w.a, w.b - w.a) ||
               ct_seg_is_month(g->s + w.a, w.tb - w.a) ||
               in_list(date_words, g->s + w.a, k - w.a) ||
               in_list(date_labels, g->s + w.a, w.b - w.a)))
      return 0;
  }
  return numbers > 0;
}

static int is_dash(const seg *g, size_t a, size_t b) {
  size_t len;
  int32_t cp = cp_at(g, a, b, &len);
  return (b - a <= 2 && g->s[a] == '-' && g->s[b - 1] == '-') ||
         ((cp == 0x2013 || cp == 0x2014) && a + len == b);
}

/* Can a word of [a, b) begin with a dash ("-", "–", "—": 0xE2 first) or
** a bracket?  A word begins at a or after white space, whose last byte is
** ASCII white space or, for the other spaces, a byte from 0x80. */
static int may_open_dash(const seg *g, size_t a, size_t b) {
  size_t i;
  for (i = a; i < b; i++) {
    unsigned char c = g->s[i], before = i > a ? g->s[i - 1] : ' ';
    if ((c == '-' || c == '(' || c == 0xE2) &&
        (before >= 0x80 || cp_isspace(before)))
      return 1;
  }
  return 0;
}

/* A dateline on a line of its own: "WASHINGTON, Nov. 14 (Yonhap) --",
** "SEOUL —", "Washington, Nov 15 (NationPress)": capitalized words and a
** date, then a dash, or a date and an agency in brackets. */
static int is_dateline(const seg *g, size_t a, size_t b) {
  words w = {g, a, b, 0, 0, 0, 0};
  int n = 0, dated = 0, agency = 0, dash = 0;
  size_t len;
  if (!may_open_dash(g, a, b)) return 0;       /* no dash, no agency */
  while (next_word(&w)) {
    if (++n > 8 || dash) return 0;
    if (is_dash(g, w.ta, w.tb)) {
      dash = 1;
      continue;
    }
    agency = g->s[w.ta] == '(' && g->s[w.tb - 1] == ')';
    if (is_date_number(g, w.a, w.b) ||
        ct_seg_is_month(g->s + w.a, w.tb - w.a) ||
        in_list(date_words, g->s + w.a, w.b - w.a))
      dated = 1;
    else if (w.a == w.b || !ct_cp_isupper(cp_at(g, w.a, w.b, &len)))
      return 0;
  }
  return n > 1 && (dash || (dated && agency));
}

/* "34.5 F", "72°F", "-3 °C", with a place after it or not. */
static int is_weather(const seg *g, size_t a, size_t b) {
  size_t i = a, d, len;
  if (i < b && g->s[i] == '-') i++;
  for (d = i; i < b && (ct_cp_isdigit(g->s[i]) || g->s[i] == '.'); i++)
    ;
  if (i == d || i - d > 5) return 0;
  i = skip_space(g, i, b);
  if (i + 1 < b && cp_at(g, i, b, &len) == 0xB0) i = skip_space(g, i + len, b);
  if (i >= b || (g->s[i] != 'F' && g->s[i] != 'C')) return 0;
  i++;
  return i == b || (cp_isspace(g->s[i]) && count_words(g, i, b) <= 3);
}

/* }===================================================================== */

/* {=====================================================================
** Navigation, buttons, boxes, bylines, credits
** ====================================================================== */

/* Words of buttons, menus and share bars: a line of these, one of the
** first list among them, is furniture ("Click to start listening",
** "print dictionary print", "Share this article"). */
static const entry button_words[] = {
  W("share"), W("sharing"), W("print"), W("email"), W("e-mail"), W("tweet"),
  W("facebook"), W("twitter"), W("linkedin"), W("whatsapp"), W("kakaotalk"),
  W("kakao"), W("telegram"), W("reddit"), W("url"), W("font"), W("resize"),
  W("resizer"), W("aa"), W("listen"), W("listening"), W("audio"), W("click"),
  W("tap"), W("subscribe"), W("login"), W("bookmark"), W("dictionary"),
  W("comments"), W("gallery"), W("zoom"), W("skip"), W("menu"),
  W("newsletter"), W("translate"), W("본문"), W("바로가기"), W("공유"), W("공유하기"),
  W("인쇄"), W("글자"), W("구독"), W("닫기"), W("스크랩"), W("댓글"), {NULL, 0}
};

static const entry button_fillers[] = {
  W("a"), W("to"), W("start"), W("stop"), W("play"), W("pause"), W("close"),
  W("back"), W("top"), W("up"), W("in"), W("log"), W("sign"), W("on"),
  W("this"), W("article"), W("story"), W("page"), W("text"), W("size"),
  W("small"), W("big"), W("large"), W("copy"), W("link"), W("more"),
  W("read"), W("next"), W("previous"), W("photo"), W("photos"), W("video"),
  W("videos"), W("main"), W("content"), W("follow"), W("us"), W("or"),
  W("and"), W("the"), W("of"), W("view"), W("save"), W("open"), W("app"),
  W("down"), W("mail"), W("x"), W("home"), W("search"), W("크기"), W("기사"),
  {NULL, 0}
};

/* Titles of boxes beside an article: not section headings of its text. */
static const entry box_titles[] = {
  W("key takeaways"), W("key takeaway"), W("key points"), W("key highlights"),
  W("highlights"), W("synopsis"), W("summary"), W("at a glance"),
  W("in brief"), W("in short"), W("tl;dr"), W("quick read"),
  W("what to know"), W("what you need to know"), W("why it matters"),
  W("the big picture"), W("editor's note"), W("editor’s note"), W("related"),
  W("related article"), W("related articles"), W("related stories"),
  W("related news"), W("recommended"), W("most read"), W("most popular"),
  W("trending"), W("latest news"), W("latest articles"), W("more stories"),
  W("top stories"), W("advertisement"), W("sponsored"), W("explainer"),
  W("analysis"), W("photo gallery"), W("read more"), W("see also"),
  W("continue reading"), W("show more"), W("load more"), W("관련기사"),
  W("관련 기사"), W("많이 본 기사"),
  /* the banner of US government sites */
  W("an official website of the united states government"),
  W("here's how you know"), W("here’s how you know"),
  W("official websites use .gov"), W("secure .gov websites use https"),
  W("for current information, go to"), {NULL, 0}
};

/* A line of button words only, at most eight of them, no sentence stop. */
static int is_buttons(const seg *g, size_t a, size_t b) {
  words w = {g, a, b, 0, 0, 0, 0};
  int n = 0, strong = 0;
  if (is_terminator(cp_before(g, a, b))) return 0;
  while (next_word(&w)) {
    if (++n > 8) return 0;
    if (w.a == w.b) continue;
    if (in_list(button_words, g->s + w.a, w.b - w.a)) strong = 1;
    else if (!in_list(button_fillers, g->s + w.a, w.b - w.a)) return 0;
  }
  return strong;
}

/* "Key Takeaways", "Related Article", "[EXPLAINER]": a box title, alone,
** a colon or brackets around it allowed. */
static int is_box_title(const seg *g, size_t a, size_t b) {
  size_t n;
  if (b > a && (g->s[b - 1] == ':' || g->s[b - 1] == ']')) b--;
  if (b > a && g->s[a] == '[') {
    size_t i;
    for (i = a + 1; i < b; i++)            /* "[EXPLAINER]": capitals only */
      if (g->s[i] >= 0x80 || ct_cp_islower(g->s[i])) return 0;
    return b - a > 2;
  }
  n = b - a;
  return n > 0 && in_list(box_titles, g->s + a, n);
}

/* Bytes some of the tests below need before they look further: a digit
** (a date line), '-' '(' or a dash's first byte 0xE2 (a dateline),
** '>' '|' 0xE2 0xC2 (navigation separators). */
enum { HAVE_DIGIT = 1, HAVE_DASH = 2, HAVE_SEP = 4, HAVE_ALL = 7 };

static const unsigned char have_byte[256] = {
  ['0'] = HAVE_DIGIT, ['1'] = HAVE_DIGIT, ['2'] = HAVE_DIGIT,
  ['3'] = HAVE_DIGIT, ['4'] = HAVE_DIGIT, ['5'] = HAVE_DIGIT,
  ['6'] = HAVE_DIGIT, ['7'] = HAVE_DIGIT, ['8'] = HAVE_DIGIT,
  ['9'] = HAVE_DIGIT, ['-'] = HAVE_DASH, ['('] = HAVE_DASH,
  [0xE2] = HAVE_DASH | HAVE_SEP, ['>'] = HAVE_SEP, ['|'] = HAVE_SEP,
  [0xC2] = HAVE_SEP
};

/* Which of them [a, b) holds, in one pass instead of one per test (the
** general path says all, and every test looks for itself). */
static unsigned line_bytes(const seg *g, size_t a, size_t b) {
  const unsigned char *s = g->s;
  unsigned have = 0;
  size_t i = a;
  if (g->general) return HAVE_ALL;
  for (; b - i >= 4; i += 4)
    have |= have_byte[s[i]] | have_byte[s[i + 1]] | have_byte[s[i + 2]] |
            have_byte[s[i + 3]];
  for (; i < b; i++) have |= have_byte[s[i]];
  return have;
}

/* "Home > National > Diplomacy", "A | B | C", "HomePolitics...". */
static int is_navigation(const seg *g, size_t a, size_t b, unsigned have) {
  size_t i, len;
  int seps = 0;
  if (b - a > 5 && memcmp(g->s + a, "Home", 4) == 0 &&
      ct_cp_isupper(g->s[a + 4]))
    return 1;
  if (!(have & HAVE_SEP)) return 0;
  for (i = a; i < b && g->s[i] != '>' && g->s[i] != '|' && g->s[i] != 0xE2 &&
              g->s[i] != 0xC2; i++)
    ;
  if (i == b) return 0;          /* no separator: > | and (0xE2) (0xC2) */
  for (i = a; i < b; i += len) {
    int32_t cp = cp_at(g, i, b, &len);
    if ((cp == '>' || cp == '|' || cp == 0x203A || cp == 0xBB) && i > a &&
        g->s[i - 1] == ' ' && i + len < b && g->s[i + len] == ' ')
      seps++;
  }
  return seps >= 2 ||
         (seps == 1 && b - a > 4 && memcmp(g->s + a, "Home", 4) == 0);
}

/* "© 2024 ...", "Copyright ...", "All Rights Reserved". */
static int is_copyright(const seg *g, size_t a, size_t b) {
  size_t len;
  return cp_at(g, a, b, &len) == 0xA9 ||
         (b - a >= 9 && memcmp(g->s + a, "Copyright", 9) == 0);
}

/* "By Jane Smith", "BY KIM MIN-YOUNG", "by Jinha Hwang and Lee Ji-won",
** "홍길동 기자": a byline, at most eight words, no sentence stop. */
static int is_byline(const seg *g, size_t a, size_t b) {
  size_t len, n;
  int by = b - a > 3 && (g->s[a] | 0x20) == 'b' &&
           (g->s[a + 1] | 0x20) == 'y' && g->s[a + 2] == ' ';
  int reporter = b - a > 6 && memcmp(g->s + b - 6, "기자", 6) == 0;
  /* the shape first: counting words costs a pass over the line */
  if (!(by || reporter) || is_terminator(cp_before(g, a, b))) return 0;
  if ((n = count_words(g, a, b)) > 8) return 0;
  if (by) return ct_cp_isupper(cp_at(g, a + 3, b, &len));
  return n <= 4;
}

/* "Figure 2: Opening a file", "Fig. 3. Sample output", "FIGURE 4-1.": a
** figure's caption, the figure's number then ':' or '.' ("Figure 4 shows
** ..." is a sentence). */
static int is_caption(const seg *g, size_t a, size_t b) {
  size_t i = a, d;
  if (b - a > 7 && (memcmp(g->s + a, "Figure ", 7) == 0 ||
                    memcmp(g->s + a, "FIGURE ", 7) == 0))
    i += 7;
  else if (b - a > 5 && memcmp(g->s + a, "Fig. ", 5) == 0)
    i += 5;
  else
    return 0;
  for (d = i; i < b && (ct_cp_isdigit(g->s[i]) ||
                        (i > d && (g->s[i] == '.' || g->s[i] == '-') &&
                         i + 1 < b && ct_cp_isdigit(g->s[i + 1])));
       i++)
    ;
  return i > d && (i == b || ((g->s[i] == ':' || g->s[i] == '.') &&
                               (i + 1 == b || g->s[i + 1] == ' ')));
}

/* "... on Nov. 14. [YONHAP]", "(Official White House Photo)", "(In
** Se-jun/The Korea Herald)", ".../ Source: Presidential Office",
** "Photo: ...", "사진=연합뉴스": a photo caption's credit; or a figure's
** caption of one line. */
int ct_seg_is_credit(const seg *g, size_t a, size_t b) {
  size_t i, open;
  unsigned char last = g->s[b - 1];
  if (is_caption(g, a, b)) return 1;
  if ((b - a > 6 && (memcmp(g->s + a, "Photo:", 6) == 0 ||
                     memcmp(g->s + a, "Image:", 6) == 0)) ||
      (b - a > 8 && memcmp(g->s + a, "Photo by", 8) == 0) ||
      (b - a > 7 && memcmp(g->s + a, "사진=", 7) == 0))
    return 1;
  if (last != ']' && last != ')') {
    open = b - a > 64 ? b - 64 : a;          /* no '/' in reach: no source */
    if (memchr(g->s + open, '/', b - open) == NULL) return 0;
    for (i = b; i > a && b - i < 64 && g->s[i - 1] != '/'; i--)
      ;
    return i > a && b - i < 64 && i + 8 < b &&
           memcmp(g->s + i, " Source:", 8) == 0;
  }
  for (open = b - 1; open > a && b - open < 64 &&
                     g->s[open] != (last == ']' ? '[' : '(');
       open--)
    ;
  if (g->s[open] != (last == ']' ? '[' : '(') || b - open < 4) return 0;
  if (last == ']') {                      /* [YONHAP], [JOINT PRESS CORPS] */
    for (i = open + 1; i < b - 1; i++)
      if (g->s[i] >= 0x80 || ct_cp_islower(g->s[i])) return 0;
    return open > a;
  }
  if (memchr(g->s + open, ' ', b - open) == NULL) return 0;   /* (U.S./ROK) */
  for (i = open; i + 5 <= b; i++) {      /* (... Photo ...), (A B/The C) */
    if (memcmp(g->s + i, "Photo", 5) == 0) return 1;
    if (memcmp(g->s + i, "://", 3) == 0) return 0;
  }
  for (i = open + 1; i + 1 < b - 1; i++)
    if (g->s[i] == '/' && g->s[i - 1] != ' ' && ct_cp_isupper(g->s[i + 1]))
      return 1;
  return 0;
}

static int is_mail_char(unsigned char c) {
  return ct_cp_isalpha(c) || ct_cp_isdigit(c) || c == '.' || c == '_' ||
         c == '-' || c == '+';
}

/* "alishii@usgs.gov": a name, '@', a host with a dot and a letter after
** it.  Contact lines carry one; a sentence that gives an address ends in
** a stop and is not judged by this. */
int ct_seg_has_email(const seg *g, size_t a, size_t b) {
  const unsigned char *at;
  size_t i = a, h, dot;
  while (i < b && (at = memchr(g->s + i, '@', b - i)) != NULL) {
    i = (size_t)(at - g->s);
    for (dot = 0, h = i + 1; h < b && is_mail_char(g->s[h]); h++)
      if (g->s[h] == '.' && h > i + 1) dot = h;
    if (i > a && is_mail_char(g->s[i - 1]) && g->s[i - 1] != '.' && dot &&
        dot + 1 < h && ct_cp_isalpha(g->s[dot + 1]))
      return 1;
    i++;
  }
  return 0;
}

/* }===================================================================== */

/* The kind of furniture [a, b) is, known to be short enough. */
static int judge(const seg *g, size_t a, size_t b) {
  unsigned have = line_bytes(g, a, b);
  if (is_weather(g, a, b)) return CT_FURN_WEATHER;
  if (((have & HAVE_DIGIT) && is_date_line(g, a, b)) ||
      ((have & HAVE_DASH) && is_dateline(g, a, b)))
    return CT_FURN_DATE;
  if (is_byline(g, a, b)) return CT_FURN_BYLINE;
  if (is_box_title(g, a, b)) return CT_FURN_BOX;
  if (is_navigation(g, a, b, have) || is_buttons(g, a, b) ||
      is_copyright(g, a, b))
    return CT_FURN_NAV;
  return CT_FURN_NONE;
}

int ct_seg_furniture(const seg *g, size_t a, size_t b, int alone) {
  size_t cps = 0, i, len;
  if (a >= b) return CT_FURN_NONE;
  if (alone && ct_seg_is_credit(g, a, b)) return CT_FURN_CREDIT;
  if (b - a > 4 * FURNITURE_MAX_CPS) return CT_FURN_NONE;
  for (i = a; i < b && cps <= FURNITURE_MAX_CPS; i += len) {
    cp_at(g, i, b, &len);
    cps++;
  }
  if (cps > FURNITURE_MAX_CPS) return CT_FURN_NONE;
  return judge(g, a, b);
}

int ct_seg_furniture_short(const seg *g, size_t a, size_t b) {
  if (g->general) return ct_seg_furniture(g, a, b, 0);
  return a < b ? judge(g, a, b) : CT_FURN_NONE;
}

/* "date 2025-11-20 Acting US Ambassador ...": a date a site put before
** its first sentence.  The end of the date, or 0. */
size_t ct_seg_date_prefix(const seg *g, size_t a, size_t b) {
  size_t i = a + 5, d;
  if (b - a < 16 || memcmp(g->s + a, "date ", 5) != 0) return 0;
  for (d = i; i < b && (ct_cp_isdigit(g->s[i]) || g->s[i] == '-'); i++)
    ;
  if (i - d < 8 || !is_date_number(g, d, i)) return 0;
  return i == b || cp_isspace(g->s[i]) ? i : 0;
}

/* "Clarksville", "Los Angeles": a place beside a weather line, at most
** three capitalized words, no digits or punctuation. */
int ct_seg_is_place(const seg *g, size_t a, size_t b) {
  words w = {g, a, b, 0, 0, 0, 0};
  size_t len;
  int n = 0;
  while (next_word(&w)) {
    if (++n > 3 || w.a != w.ta || w.b != w.tb ||
        !ct_cp_isupper(cp_at(g, w.a, w.b, &len)) ||
        has_digit(g->s + w.a, w.b - w.a))
      return 0;
  }
  return n > 0;
}

/* "KIM MIN-YOUNG": two to four words in capitals, a byline under a date
** line. */
int ct_seg_is_caps_name(const seg *g, size_t a, size_t b) {
  size_t i, n = count_words(g, a, b);
  if (n < 2 || n > 4) return 0;
  for (i = a; i < b; i++)
    if (!(ct_cp_isupper(g->s[i]) || g->s[i] == ' ' || g->s[i] == '-' ||
          g->s[i] == '.'))
      return 0;
  return 1;
}
