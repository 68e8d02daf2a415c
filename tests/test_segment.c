/*
** test_segment.c -- segmentation cases: an input and its exact clauses.
**
** Each clause is rendered "K<depth> <text>" (K: H heading, B bullet,
** S sentence, L line; its text as outputs print it, white space
** collapsed, Markdown structure left out), one per line, so
** a failing case prints a readable diff of the whole clause list.
*/
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "core/buf.h"

static ct_abbrevs *abbrevs;

static char *render(const char *input, size_t len, const ct_abbrevs *ab) {
  ct_text *t;
  ct_clause *c;
  size_t n, i;
  ct_error err;
  ct_buf b = {0};
  assert_int_equal(ct_text_from_buffer("case", input, len, CT_INVALID_REPLACE,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, ab, &c, &n, &err), CT_OK);
  for (i = 0; i < n; i++) {
    char *s = ct_clause_text(t, &c[i], 1);
    assert_int_equal(c[i].index, i + 1);
    ct_buf_printf(&b, "%s%c%d %s", i ? "\n" : "",
                  "HBSL"[c[i].kind], c[i].depth, s);
    free(s);
  }
  free(c);
  ct_text_free(t);
  return ct_buf_take(&b);
}

static void check_with(const char *input, const char *expected,
                       const ct_abbrevs *ab) {
  char *got = render(input, strlen(input), ab);
  if (strcmp(got, expected) != 0)
    print_error("input:\n%s\n-- expected:\n%s\n-- got:\n%s\n", input,
                expected, got);
  assert_string_equal(got, expected);
  free(got);
}

static void check(const char *input, const char *expected) {
  check_with(input, expected, abbrevs);
}

#define CASE(name, input, expected) \
  static void name(void **state) { (void)state; check(input, expected); }

/* -- structure: blocks, headings, paragraphs ------------------------- */
CASE(blank_line_blocks, "One is here.\n\nTwo is there.\n",
     "S0 One is here.\nS0 Two is there.")
/* A line of nothing visible (zero-width spaces, a byte order mark, a word
** joiner) is blank: it was a clause, and a heading over the next ones. */
CASE(invisible_line_is_blank,
     "One is here.\n\n\xe2\x80\x8b\n\nTwo is there.\n"
     "Three is here.\n\xef\xbb\xbf\xe2\x81\xa0 \nFour is there.\n",
     "S0 One is here.\nS0 Two is there.\nS0 Three is here.\n"
     "S0 Four is there.")
CASE(heading_alone, "Commitment to Peace\n\nWe keep the peace.\n",
     "H0 Commitment to Peace\nS0 We keep the peace.")
CASE(heading_before_bullets, "Commitment to Peace\n  • We keep the peace.\n",
     "H0 Commitment to Peace\nB1 We keep the peace.")
CASE(heading_first_line_of_block,
     "Technology and Innovation\nAs global leaders, the two countries act "
     "together on chips. They will also build networks.\n",
     "H0 Technology and Innovation\n"
     "S0 As global leaders, the two countries act together on chips.\n"
     "S0 They will also build networks.")
CASE(wrapped_paragraph_not_heading,
     "We will deepen our cooperation on advanced\n"
     "technologies and increase global vaccinations.\n",
     "S0 We will deepen our cooperation on advanced technologies and "
     "increase global vaccinations.")
CASE(wrapped_paragraph_uppercase_continuation,
     "The United States and the Republic of Korea will work with the\n"
     "United Nations on this matter in the coming year.\n",
     "S0 The United States and the Republic of Korea will work with the "
     "United Nations on this matter in the coming year.")
CASE(short_line_lowercase_continuation,
     "The parties agree to\ncooperate on trade.\n",
     "S0 The parties agree to cooperate on trade.")
/* A narrow column under a long line: a wrapped line as long as the one
** above it is no title, though it is short for the block. */
CASE(narrow_column_in_wide_block,
     "• A long item line that goes on for well over a hundred characters, "
     "so that the block's longest line is long.\n"
     "The leaders signed the declaration; it reaffirms both\n"
     "countries' obligations under the Mutual Defense\n"
     "Treaty and charts a vision.\n",
     "B1 A long item line that goes on for well over a hundred characters, "
     "so that the block's longest line is long.\n"
     "S0 The leaders signed the declaration; it reaffirms both countries' "
     "obligations under the Mutual Defense Treaty and charts a vision.")
/* Text copied with a line per paragraph and no blank lines: a title
** after a sentence's end is a heading; after "Dr." no sentence ends. */
CASE(heading_after_sentence_line,
     "Economic Security\nThe leaders agreed to strengthen supply chains.\n"
     "Health Cooperation\nThe leaders committed to expand vaccine "
     "production.\n\nThe talks were held with Dr.\nKim Jong Su in Seoul\n"
     "in the spring of that year.\n",
     "H0 Economic Security\nS0 The leaders agreed to strengthen supply "
     "chains.\nH0 Health Cooperation\nS0 The leaders committed to expand "
     "vaccine production.\nS0 The talks were held with Dr. Kim Jong Su in "
     "Seoul in the spring of that year.")
/* The document's first line, a title, before text on the next line. */
CASE(headline_before_text_line,
     "FACT SHEET: United States and Vietnam Partnership\n"
     "The two leaders met today in Hanoi.\nThey agreed on new projects.\n",
     "H0 FACT SHEET: United States and Vietnam Partnership\n"
     "S0 The two leaders met today in Hanoi.\n"
     "S0 They agreed on new projects.")
CASE(lead_in_colon_is_sentence,
     "Together, the two countries will:\n  • Expand trade.\n",
     "S0 Together, the two countries will:\nB1 Expand trade.")
CASE(sentence_over_lines, "This is a\nsentence. And another\none.\n",
     "S0 This is a sentence.\nS0 And another one.")
CASE(long_line_without_punct_is_sentence,
     "It starts.\n\nThis line has no final punctuation but it is far too "
     "long to be a heading of any section in a fact sheet or treaty text at "
     "all\n",
     "S0 It starts.\nS0 This line has no final punctuation but it is far too "
     "long to be a heading of any section in a fact sheet or treaty text at "
     "all")
CASE(headline_long_alone_at_top,
     "The Korea-U.S. fact sheet and what it means for tariffs, troops and "
     "submarines, explained in full\n\nThe text begins.\n",
     "H0 The Korea-U.S. fact sheet and what it means for tariffs, troops and "
     "submarines, explained in full\nS0 The text begins.")
CASE(headline_question_at_top,
     "How is the joint fact sheet release shaping the South Korea-US "
     "alliance?\n\nIt begins. Is it?\n\nWhat is next for the alliance?\n",
     "H0 How is the joint fact sheet release shaping the South Korea-US "
     "alliance?\nS0 It begins.\nS0 Is it?\nS0 What is next for the alliance?")
CASE(headline_not_two_sentences,
     "I live in the U.S. How about you?\n",
     "S0 I live in the U.S.\nS0 How about you?")
CASE(caption_is_not_heading,
     "The White House - West Wing. (Official White House Photo)\n",
     "L0 The White House - West Wing. (Official White House Photo)")
CASE(footer_with_abbreviation_is_heading, "U.S. Department of State\n",
     "H0 U.S. Department of State")
CASE(empty_input, "", "")
CASE(blank_input, "  \n\t\n \n", "")

CASE(markdown_headings,
     "# Joint Statement\n\n## Defense Cooperation\nThe allies will train.\n"
     "### Not a heading.\n#hashtag here.\n",
     "H0 Joint Statement\nH0 Defense Cooperation\nS0 The allies will train.\n"
     "H0 Not a heading.\nS0 #hashtag here.")

/* -- Markdown structure ------------------------------------------------ */
CASE(markdown_emphasis,
     "**Key Takeaways**\n\nThe leaders **reaffirmed** their *commitment*. "
     "**We agree.** Next one. Done. *and* so on.\n",
     "L0 Key Takeaways\nS0 The leaders reaffirmed their commitment.\n"
     "S0 We agree.\nS0 Next one.\nS0 Done. and so on.")
CASE(markdown_emphasis_not_in_words,
     "Security_cooperation and snake_case stay, 2*3 too, and a * b.\n",
     "S0 Security_cooperation and snake_case stay, 2*3 too, and a * b.")
CASE(markdown_links,
     "They met in [Seoul](https://example.org/seoul \"Seoul\"). See "
     "![the photo](https://x.org/a.png) here. [Read the fact sheet.]"
     "(https://www.whitehouse.gov/a.b/) Then more.\n\n"
     "[Related Article](https://x.org/r)\n\n"
     "# Korea finalizes the [fact sheet](https://x.org/f)\n",
     "S0 They met in Seoul.\nS0 See the photo here.\n"
     "S0 Read the fact sheet.\nS0 Then more.\nL0 Related Article\n"
     "H0 Korea finalizes the fact sheet")
/* A URL has no white space: with a tab (or a no-break space) in it, the
** "link" is text, kept in the clause (fuzz_segment, link-url-with-tab). */
CASE(markdown_link_blank_url,
     "Words and [link](https:\t/x.org/a.b.) A label ends it!\n"
     "A [b](x\xc2\xa0y) c d.\n",
     "S0 Words and [link](https: /x.org/a.b.)\nS0 A label ends it!\n"
     "S0 A [b](x y) c d.")
/* "](url)" is a link's only after its "[" on the line: a stray one is
** text, kept at a clause's start, inside it and at its end. */
CASE(markdown_link_tail_needs_opener,
     "One. ](a) Two.\nSee ](a) here.\nA [link](u) and more.](v) End.\n"
     "Last ](z)\n",
     "S0 One.\nS0 ](a) Two.\nS0 See ](a) here.\nS0 A link and more.](v) End.\n"
     "H0 Last ](z)")
CASE(markdown_blockquote,
     "> The two leaders met. They agreed.\n> A second quoted line.\n>\n"
     "> > Nested quote here.\n",
     "S0 The two leaders met.\nS0 They agreed.\nS0 A second quoted line.\n"
     "S0 Nested quote here.")
CASE(markdown_table,
     "| Sector | Amount |\n|--------|-------:|\n| Shipbuilding | $150 "
     "billion |\n| Strategic investment | $200 billion |\n\nA | B\n--|--\n"
     "c | d\n",
     "S0 Sector\nS0 Amount\nS0 Shipbuilding\nS0 $150 billion\n"
     "S0 Strategic investment\nS0 $200 billion\nS0 A\nS0 B\nS0 c\nS0 d")
CASE(markdown_comments,
     "<!-- generated; not text -->\nWe agree <!-- inline. --> on it. The "
     "end.\n<!-- over\nlines -->\nLast line <!-- opens\nand closes --> "
     "here.\n",
     "S0 We agree on it.\nS0 The end.\nS0 Last line here.")
CASE(markdown_rules_and_setext,
     "Setext Heading\n==============\n\nText one.\n\n---\n\nSub Heading\n"
     "-----------\nText two.\n\n* * *\n",
     "H0 Setext Heading\nS0 Text one.\nH0 Sub Heading\nS0 Text two.")
/* An underline in another blockquote than the line above it is a rule of
** its own: the line stays a sentence.  Within one quote it underlines. */
CASE(setext_underline_quote_depth,
     "Text one.\n> ----\nMore text.\n\n> Quoted title\n> ---\n> Body.\n"
     "\n> Outer.\n> > ===\n",
     "S0 Text one.\nS0 More text.\nH0 Quoted title\nS0 Body.\nS0 Outer.")
CASE(heading_not_dangling,
     "Text.\n\nThe partners agreed to work with\n\nWhat We Stand For\n\n"
     "Body.\n",
     "S0 Text.\nS0 The partners agreed to work with\nH0 What We Stand For\n"
     "S0 Body.")
CASE(quote_opens_paragraph,
     "Text.\n\nThe leaders agreed that their governments will\n"
     "> cooperate on trade.\n\n"
     "> Outer text goes on,\n> > and the inner one.\n\n"
     "> Quoted text goes on,\nlazily, as here.\n",
     "S0 Text.\nS0 The leaders agreed that their governments will\n"
     "S0 cooperate on trade.\n"
     "S0 Outer text goes on,\nS0 and the inner one.\n"
     "S0 Quoted text goes on, lazily, as here.")

/* -- list items ------------------------------------------------------ */
CASE(bullet_chars,
     "• One.\n◦ Two.\n▪ Three.\n- Four.\n* Five.\n– Six.\n",
     "B1 One.\nB1 Two.\nB1 Three.\nB1 Four.\nB1 Five.\nB1 Six.")
CASE(bullet_chars_office,
     "\xEF\x82\xB7 Symbol.\n\xEF\x82\xA7 Wingdings.\n\xEF\x83\x98 Arrow.\n"
     "\xEF\x83\xBC Check.\n\xEF\x81\xB6 Diamonds.\n\xE2\x9E\xA2 Arrowhead.\n"
     "\xE2\x9C\x93 Tick.\n\xE2\x96\xB8 Small.\n\xE2\x96\xBA Pointer.\n",
     "B1 Symbol.\nB1 Wingdings.\nB1 Arrow.\nB1 Check.\nB1 Diamonds.\n"
     "B1 Arrowhead.\nB1 Tick.\nB1 Small.\nB1 Pointer.")
CASE(bullet_chars_korean,
     "\xE2\x96\xA1 \xEC\xB2\xAB\xEC\xA7\xB8.\n \xE2\x97\x8B \xEB\x91\x98\xEC\xA7\xB8.\n"
     "\xE2\x97\x86 \xEC\x85\x8B\xEC\xA7\xB8.\n\xE2\x97\x87 \xEB\x84\xB7\xEC\xA7\xB8.\n"
     "\xE2\x96\xB6 \xEB\x8B\xA4\xEC\x84\xAF.\n",
     "B1 \xEC\xB2\xAB\xEC\xA7\xB8.\nB2 \xEB\x91\x98\xEC\xA7\xB8.\n"
     "B1 \xEC\x85\x8B\xEC\xA7\xB8.\nB1 \xEB\x84\xB7\xEC\xA7\xB8.\n"
     "B1 \xEB\x8B\xA4\xEC\x84\xAF.")
CASE(numbered_dot, "1. First item.\n2. Second item.\n",
     "B1 First item.\nB1 Second item.")
CASE(numbered_paren, "1) First item.\n2) Second item.\n",
     "B1 First item.\nB1 Second item.")
CASE(lettered, "(a) First item;\n(b) second item; and\nc) third item.\n",
     "B1 First item;\nB1 second item; and\nB1 third item.")
CASE(roman, "i. First item.\nii. Second item.\n(iv) Fourth item.\n",
     "B1 First item.\nB1 Second item.\nB1 Fourth item.")
CASE(nesting_by_indent,
     "• Top.\n  ◦ Sub.\n    ▪ Subsub.\n  ◦ Sub again.\n• Top again.\n",
     "B1 Top.\nB2 Sub.\nB3 Subsub.\nB2 Sub again.\nB1 Top again.")
CASE(nesting_same_marker,
     "  • Parent item.\n    • Child item.\n    • Second child.\n  • Next.\n",
     "B1 Parent item.\nB2 Child item.\nB2 Second child.\nB1 Next.")
CASE(nesting_with_tabs, "- Top.\n\t- Tabbed child.\n",
     "B1 Top.\nB2 Tabbed child.")
CASE(bullet_two_sentences,
     "  • The R.O.K. is a partner. It buys U.S. goods.\n",
     "B1 The R.O.K. is a partner.\nB1 It buys U.S. goods.")
CASE(bullet_continuation_line,
     "• Item that wraps\n  onto the next line.\n",
     "B1 Item that wraps onto the next line.")
/* A line not indented under its item goes on it when the item's
** sentence is broken off (a PDF's or a mail's wrapping). */
CASE(item_lazy_continuation,
     "• Secretary of State Clinton, Secretary\nof Foreign Affairs met.\n"
     "• It is dated June 12,\n2020, and it applies.\n"
     "• Open between 9 a.m.\nand 5 p.m. on weekdays.\n• Item.\n"
     "Paragraph text follows.\n",
     "B1 Secretary of State Clinton, Secretary of Foreign Affairs met.\n"
     "B1 It is dated June 12, 2020, and it applies.\n"
     "B1 Open between 9 a.m. and 5 p.m. on weekdays.\nB1 Item.\n"
     "S0 Paragraph text follows.")
/* A numbered section title over its text is a heading; an item among
** items, or a last item before a paragraph, stays an item. */
CASE(numbered_section_title,
     "Intro text.\nII. Common Strategic Objectives\nThe two sides agree.\n\n"
     "We will:\n1. Expand trade\n2. Build ties\nThe leaders also met.\n",
     "S0 Intro text.\nH0 Common Strategic Objectives\nS0 The two sides agree.\n"
     "S0 We will:\nB1 Expand trade\nB1 Build ties\nS0 The leaders also met.")
CASE(wrapped_title,
     "Intro text.\n\nCooperation on Clean Energy and\n"
     "Critical Minerals Supply Chains\n\nThe two will invest.\n\n"
     "Joint Statement of the United States\nand the Republic of Korea\n\n"
     "The leaders met.\n",
     "S0 Intro text.\n"
     "H0 Cooperation on Clean Energy and Critical Minerals Supply Chains\n"
     "S0 The two will invest.\n"
     "H0 Joint Statement of the United States and the Republic of Korea\n"
     "S0 The leaders met.")
CASE(wrapped_sentence_is_no_title,
     "Intro text.\n\nThe updated FCC software would also limit\n"
     "the magnitude of any MCAS\n\nNote 2 to paragraph (i): The MEL\n"
     "provisions apply\n",
     "S0 Intro text.\n"
     "S0 The updated FCC software would also limit the magnitude of any MCAS\n"
     "S0 Note 2 to paragraph (i): The MEL provisions apply")
/* text hard-wrapped at 72 columns: each case reads as its unwrapped
** source does (tests/corpus/docs, folded with `fold -s -w 72`) */
CASE(wrapped_filled_lines,
     "Intro.\n\nRECALLING the wish of the Parties to establish the closest possible\n"
     "relationship between South Africa and the countries of the ACP-EC Lome\n"
     "Convention as reflected in the signing, on 24 April 1997, of the\n"
     "Protocol governing the accession of South Africa to the fourth ACP-EC\n"
     "Convention of Lome, as amended by the Agreement signed in Mauritius on\n"
     "4 November 1995;\n",
     "S0 Intro.\n"
     "S0 RECALLING the wish of the Parties to establish the closest possible "
     "relationship between South Africa and the countries of the ACP-EC Lome "
     "Convention as reflected in the signing, on 24 April 1997, of the "
     "Protocol governing the accession of South Africa to the fourth ACP-EC "
     "Convention of Lome, as amended by the Agreement signed in Mauritius on "
     "4 November 1995;")
CASE(wrapped_marker_is_text,
     "Intro.\n\n"
     "We welcome the plan to establish an integrated global surveillance system\n"
     "\xe2\x80\x93 the Global Pandemic Radar \xe2\x80\x93 and commit to working with the WHO and\n"
     "other partners to take this forward.\n\n"
     "The leaders agreed on the steps set out below, which take effect at once:\n"
     "- expand the trade in goods and services between the two economies;\n"
     "- build ties.\n",
     "S0 Intro.\n"
     "S0 We welcome the plan to establish an integrated global surveillance "
     "system \xe2\x80\x93 the Global Pandemic Radar \xe2\x80\x93 and commit to working "
     "with the WHO and other partners to take this forward.\n"
     "S0 The leaders agreed on the steps set out below, which take effect at once:\n"
     "B1 expand the trade in goods and services between the two economies;\n"
     "B1 build ties.")
CASE(wrapped_inline_list,
     "Intro.\n\n"
     "managing migration across the hemisphere. The focus moving forward\n"
     "should be on: 1) humane border enforcement; 2) return of migrants\n"
     "lacking protection needs or other legal basis to remain; 3)\n"
     "facilitating returns to countries of most recent residence or origin;\n"
     "4) support for assisted voluntary returns; and 5) strengthened\n"
     "bilateral and regional law enforcement information sharing.\n\n"
     "3. (a) A Party shall not fail to effectively enforce its laws.\n"
     "(b) The Parties recognize that each Party retains the right.\n",
     "S0 Intro.\n"
     "S0 managing migration across the hemisphere.\n"
     "S0 The focus moving forward should be on: 1) humane border enforcement; "
     "2) return of migrants lacking protection needs or other legal basis to "
     "remain; 3) facilitating returns to countries of most recent residence or "
     "origin; 4) support for assisted voluntary returns; and 5) strengthened "
     "bilateral and regional law enforcement information sharing.\n"
     "B1 (a) A Party shall not fail to effectively enforce its laws.\n"
     "B1 The Parties recognize that each Party retains the right.")
CASE(wrapped_date_after_comma,
     "Intro.\n\nPresident Lopez Obrador signed historic labor reform legislation into law on May 1,\n"
     "2019.\n",
     "S0 Intro.\n"
     "S0 President Lopez Obrador signed historic labor reform legislation into "
     "law on May 1, 2019.")
CASE(wrapped_line_short_of_width,
     "Intro.\n\nThe two governments signed a memorandum on reform of labor law in Mexico\n"
     "and agreed to report on the progress of its implementation in May\n"
     "2019.\n",
     "S0 Intro.\n"
     "S0 The two governments signed a memorandum on reform of labor law in "
     "Mexico and agreed to report on the progress of its implementation in "
     "May 2019.")
CASE(wrapped_headline,
     "Readout of President Biden's Meeting with Prime Minister Suga\n"
     "Yoshihide of Japan\n\n"
     "President Joseph R. Biden, Jr. spoke today with President of Finland\n"
     "Sauli Niinisto.\n",
     "H0 Readout of President Biden's Meeting with Prime Minister Suga "
     "Yoshihide of Japan\n"
     "S0 President Joseph R. Biden, Jr. spoke today with President of Finland "
     "Sauli Niinisto.")
CASE(wrapped_narrow_column,
     "Intro.\n\nThe FAA, through an operational\n"
     "evaluation, will assess the impact of the\n"
     "proposed aircraft design changes on\npilot training. The FAA intends to\n"
     "conduct this evaluation jointly with\nthree international civil aviation\n"
     "authorities: Agencia Nacional de\nAviacao Civil (ANAC) Brazil, Transport\n"
     "Canada Civil Aviation (TCCA), and the\n"
     "EASA. The FAA will issue a draft\nBoeing 737 Flight Standardization\n"
     "Board Report documenting the results of\nthe operational evaluation on pilot\n"
     "training. The FAA will post the draft\n",
     "S0 Intro.\n"
     "S0 The FAA, through an operational evaluation, will assess the impact "
     "of the proposed aircraft design changes on pilot training.\n"
     "S0 The FAA intends to conduct this evaluation jointly with three "
     "international civil aviation authorities: Agencia Nacional de Aviacao "
     "Civil (ANAC) Brazil, Transport Canada Civil Aviation (TCCA), and the EASA.\n"
     "S0 The FAA will issue a draft Boeing 737 Flight Standardization Board "
     "Report documenting the results of the operational evaluation on pilot "
     "training.\n"
     "S0 The FAA will post the draft")
/* Hangul takes two columns: the first line is short in characters (a
** heading before a capitalized line, by them) but filled in columns */
CASE(wrapped_korean_columns,
     "\xec\x84\x9c\xeb\xac\xb8.\n\n"
     "\xed\x95\x9c\xea\xb5\xad\xea\xb3\xbc \xec\xa4\x91\xea\xb5\xad\xec\x9d\x80 \xeb\x8b\xa4\xea\xb0\x99\xec\x9d\xb4 \xec\x95\x84\xec\x84\xb8\xec\x95\x84\xec\x97\x90 \xec\x9e\x88\xec\x96\xb4\xec\x84\x9c\n\xec\x86\x8c\xeb\xa0\xa8\xea\xb3\xb5\xec\x82\xb0\xec\xa3\xbc\xec\x9d\x98\xec\xb9\xa8\xeb\x9e\xb5\xec\x97\x90 \xec\xb5\x9c\xec\xb4\x88\xeb\xa1\x9c \xed\x9d\xac\xec\x83\x9d\xeb\x90\x9c \xea\xb5\xad\xea\xb0\x80\xeb\x93\xa4\xec\x9d\xb8 \xeb\xa7\x8c\xed\x81\xbc \xec\x9a\xb0\xeb\xa6\xac\xeb\x8f\x84\n\xec\x9d\xb4\xec\xa0\x9c \xec\x97\xac\xea\xb8\xb0 \xeb\xaa\xa8\xec\x97\xac \xec\x9e\x90\xec\x9c\xa0\xeb\x9d\xbc\xeb\x8a\x94 \xeb\x8c\x80\xec\x9d\x98\xeb\xa5\xbc \xec\x9c\x84\xed\x95\x98\xec\x97\xac \xea\xb3\xb5\xeb\x8f\x99\xec\x84\xb1\xeb\xaa\x85\xec\x9d\x84 \xeb\xb0\x9c\xed\x91\x9c\xed\x95\x9c\xeb\x8b\xa4.\n",
     "S0 \xec\x84\x9c\xeb\xac\xb8.\n"
     "S0 \xed\x95\x9c\xea\xb5\xad\xea\xb3\xbc \xec\xa4\x91\xea\xb5\xad\xec\x9d\x80 \xeb\x8b\xa4\xea\xb0\x99\xec\x9d\xb4 \xec\x95\x84\xec\x84\xb8\xec\x95\x84\xec\x97\x90 \xec\x9e\x88\xec\x96\xb4\xec\x84\x9c \xec\x86\x8c\xeb\xa0\xa8\xea\xb3\xb5\xec\x82\xb0\xec\xa3\xbc\xec\x9d\x98\xec\xb9\xa8\xeb\x9e\xb5\xec\x97\x90 \xec\xb5\x9c\xec\xb4\x88\xeb\xa1\x9c \xed\x9d\xac\xec\x83\x9d\xeb\x90\x9c \xea\xb5\xad\xea\xb0\x80\xeb\x93\xa4\xec\x9d\xb8 \xeb\xa7\x8c\xed\x81\xbc \xec\x9a\xb0\xeb\xa6\xac\xeb\x8f\x84 \xec\x9d\xb4\xec\xa0\x9c \xec\x97\xac\xea\xb8\xb0 \xeb\xaa\xa8\xec\x97\xac \xec\x9e\x90\xec\x9c\xa0\xeb\x9d\xbc\xeb\x8a\x94 \xeb\x8c\x80\xec\x9d\x98\xeb\xa5\xbc \xec\x9c\x84\xed\x95\x98\xec\x97\xac \xea\xb3\xb5\xeb\x8f\x99\xec\x84\xb1\xeb\xaa\x85\xec\x9d\x84 \xeb\xb0\x9c\xed\x91\x9c\xed\x95\x9c\xeb\x8b\xa4.")
CASE(headline_over_paragraph_line,
     "Readout of President Biden's call with President Andres Manuel Lopez "
     "Obrador of Mexico\n"
     "President Joseph R. Biden, Jr. spoke today with President Andres Manuel "
     "Lopez Obrador to reaffirm the vision they laid out in November.\n",
     "H0 Readout of President Biden's call with President Andres Manuel Lopez "
     "Obrador of Mexico\n"
     "S0 President Joseph R. Biden, Jr. spoke today with President Andres "
     "Manuel Lopez Obrador to reaffirm the vision they laid out in November.")
CASE(wrapped_items,
     "Intro.\n\n"
     "  2. Possible areas of cooperation will be developed through Implementing\n"
     "Arrangements.\n\n"
     "  (b) the Parties declare their readiness to foster economic cooperation;\n"
     "and\n\n"
     "  4. SUPPORT CONSERVATION, CLIMATE ADAPTATION, AND A JUST ENERGY\n"
     "TRANSITION\n\n"
     "  • Launching a U.S.-Singapore Partnership for Growth and Innovation:\n"
     "The U.S. Department of Commerce and Singapore Ministry of Trade and\n"
     "Industry are creating a new Partnership.\n",
     "S0 Intro.\n"
     "B1 Possible areas of cooperation will be developed through Implementing "
     "Arrangements.\n"
     "B1 the Parties declare their readiness to foster economic cooperation; and\n"
     "B1 SUPPORT CONSERVATION, CLIMATE ADAPTATION, AND A JUST ENERGY TRANSITION\n"
     "B1 Launching a U.S.-Singapore Partnership for Growth and Innovation: The "
     "U.S. Department of Commerce and Singapore Ministry of Trade and Industry "
     "are creating a new Partnership.")
CASE(paragraph_after_bullet, "• Item.\nParagraph text follows.\n",
     "B1 Item.\nS0 Paragraph text follows.")
CASE(list_depth_resets_after_paragraph,
     "  • Deep start.\n\nA paragraph.\n\n    • New list.\n",
     "B1 Deep start.\nS0 A paragraph.\nB1 New list.")
CASE(blank_lines_between_items_keep_depth,
     "• Top.\n\n  • Child.\n\n  • Child two.\n",
     "B1 Top.\nB2 Child.\nB2 Child two.")
CASE(dash_inside_text_is_not_marker, "Trade-offs -- are real.\n",
     "S0 Trade-offs -- are real.")
CASE(initial_is_not_marker, "A. Smith spoke at length.\n",
     "S0 A. Smith spoke at length.")
CASE(decimal_is_not_marker, "1.5 degrees is the goal.\n",
     "S0 1.5 degrees is the goal.")
CASE(semicolon_bullet_one_clause,
     "  • The two will expand capacity for vaccines and raw materials;\n",
     "B1 The two will expand capacity for vaccines and raw materials;")

/* -- sentence boundaries --------------------------------------------- */
CASE(title_abbreviation, "Dr. Smith arrived. He left soon.\n",
     "S0 Dr. Smith arrived.\nS0 He left soon.")
CASE(titles_mid_sentence, "Mr. Kim met Ms. Lee and Amb. Park in St. Louis.\n",
     "S0 Mr. Kim met Ms. Lee and Amb. Park in St. Louis.")
CASE(month_abbreviation, "On Jan. 5 they met. Nov. 14 was next.\n",
     "S0 On Jan. 5 they met.\nS0 Nov. 14 was next.")
CASE(latin_eg_ie, "Use tools, e.g. hammers, i.e. heavy ones. Done.\n",
     "S0 Use tools, e.g. hammers, i.e. heavy ones.\nS0 Done.")
CASE(latin_etc_vs, "Apples, pears, etc. are fruit. Apples vs. Pears is a "
     "contest.\n",
     "S0 Apples, pears, etc. are fruit.\nS0 Apples vs. Pears is a contest.")
CASE(eg_in_parentheses,
     "Deploy renewable energy (e.g., offshore wind). Then store it.\n",
     "S0 Deploy renewable energy (e.g., offshore wind).\nS0 Then store it.")
CASE(country_forms_before_names,
     "The U.S. Department of State and the R.O.K. Ministry met.\n",
     "S0 The U.S. Department of State and the R.O.K. Ministry met.")
CASE(country_form_then_lowercase, "U.S. exports grew last year.\n",
     "S0 U.S. exports grew last year.")
CASE(country_form_ends_sentence,
     "They met in the U.S. The talks went well.\n",
     "S0 They met in the U.S.\nS0 The talks went well.")
CASE(opener_begins_a_name,
     "The U.S. First Lady met the U.S. Most Favored Nation team. They met "
     "in the U.S. Most of them left.\n",
     "S0 The U.S. First Lady met the U.S. Most Favored Nation team.\n"
     "S0 They met in the U.S.\nS0 Most of them left.")
CASE(country_form_at_end, "Trade between the United States and the R.O.K.\n",
     "S0 Trade between the United States and the R.O.K.")
CASE(country_forms_uk_dprk,
     "The D.P.R.K. Foreign Ministry said so. The U.K. agreed with it.\n",
     "S0 The D.P.R.K. Foreign Ministry said so.\nS0 The U.K. agreed with it.")
CASE(hyphenated_country_forms,
     "Both welcomed U.S.-R.O.K. cooperation and R.O.K.-Mekong work.\n",
     "S0 Both welcomed U.S.-R.O.K. cooperation and R.O.K.-Mekong work.")
CASE(number_abbreviation, "Resolution No. 2397 was adopted. It passed.\n",
     "S0 Resolution No. 2397 was adopted.\nS0 It passed.")
CASE(page_abbreviation, "See p. 55 for details.\n",
     "S0 See p. 55 for details.")
CASE(company_abbreviations,
     "Hyundai Motor Co. and Apple Inc. signed deals. They grew.\n",
     "S0 Hyundai Motor Co. and Apple Inc. signed deals.\nS0 They grew.")
CASE(initials, "President Donald J. Trump visited. Jonas E. Smith spoke.\n",
     "S0 President Donald J. Trump visited.\nS0 Jonas E. Smith spoke.")
CASE(money_and_decimals,
     "Firms invested $1.1 billion. Temperatures rose 1.5 degrees.\n",
     "S0 Firms invested $1.1 billion.\nS0 Temperatures rose 1.5 degrees.")
CASE(times, "The meeting is at 5 p.m. on Monday. It ends at 6 p.m. The next "
     "begins.\n",
     "S0 The meeting is at 5 p.m. on Monday.\nS0 It ends at 6 p.m.\n"
     "S0 The next begins.")
CASE(ellipsis_dots, "He said... The rest was lost. Next.\n",
     "S0 He said... The rest was lost.\nS0 Next.")
CASE(ellipsis_char, "Wait… What happened here? Nothing.\n",
     "S0 Wait… What happened here?\nS0 Nothing.")
CASE(question_in_quotes, "He asked “why?” and left. Then she spoke.\n",
     "S0 He asked “why?” and left.\nS0 Then she spoke.")
CASE(exclamation_in_parens, "The plan (approved! Really.) is final. It "
     "starts now.\n",
     "S0 The plan (approved! Really.) is final.\nS0 It starts now.")
CASE(ends_in_closing_quote, "He said, “We agree.” The talks ended.\n",
     "S0 He said, “We agree.”\nS0 The talks ended.")
CASE(ends_in_closing_bracket, "(This is a full sentence.) Next one here.\n",
     "S0 (This is a full sentence.)\nS0 Next one here.")
CASE(question_and_exclamation, "Why? Because. Wow! Yes.\n",
     "S0 Why?\nS0 Because.\nS0 Wow!\nS0 Yes.")
CASE(numbers_end_sentence,
     "It grew 20 percent in 2018. 52,000 jobs were created.\n",
     "S0 It grew 20 percent in 2018.\nS0 52,000 jobs were created.")
CASE(phase_number_ends_sentence, "They reached Phase 2. The rest waits.\n",
     "S0 They reached Phase 2.\nS0 The rest waits.")
CASE(enumeration_in_sentence,
     "It will 1) develop plans; 2) launch pilots; and 3) report back.\n",
     "S0 It will 1) develop plans; 2) launch pilots; and 3) report back.")
CASE(enumeration_after_colon, "Steps: 1. The Parties agree. 2. They sign.\n",
     "S0 Steps: 1. The Parties agree.\nS0 2. They sign.")
CASE(inline_items_dot_paren, "1.) First item here. 2.) Second item here.\n",
     "B1 First item here.\nB1 Second item here.")
CASE(inline_items_paren_no_period,
     "1) The first item 2) The second item\n",
     "B1 The first item\nB1 The second item")
CASE(inline_items_letters_on_one_line,
     "a. The first item b. The second item c. The third list item\n",
     "B1 The first item\nB1 The second item\nB1 The third list item")
CASE(inline_items_bullet_and_number,
     "• 9. The first item • 10. The second item\n",
     "B1 The first item\nB1 The second item")
CASE(inline_items_glued_bullet, "⁃9. The first item ⁃10. The second item\n",
     "B1 The first item\nB1 The second item")
CASE(inline_items_roman, "i. The first ii. The second iii. The third\n",
     "B1 The first\nB1 The second\nB1 The third")
CASE(inline_items_only_in_sequence,
     "1) The first item 3) is not next, nor is a) this.\n",
     "B1 The first item 3) is not next, nor is a) this.")
CASE(inline_items_not_a_reference,
     "1. The Parties apply Article 2. The rest follows.\n",
     "B1 The Parties apply Article 2.\nB1 The rest follows.")
CASE(part_word_label_is_no_end,
     "Section 1. Pittsburgh Statement\n\nARTICLE IV. Safeguards\n\n"
     "See Section 2. The rest follows.\n",
     "S0 Section 1. Pittsburgh Statement\nS0 ARTICLE IV. Safeguards\n"
     "S0 See Section 2.\nS0 The rest follows.")
CASE(inline_items_letters, "Choose a) the first or b) the second option.\n",
     "S0 Choose a) the first or b) the second option.")
CASE(urls_and_email,
     "Visit https://www.state.gov/a.b?c=d for more. Or write to "
     "info@state.gov. Thanks.\n",
     "S0 Visit https://www.state.gov/a.b?c=d for more.\n"
     "S0 Or write to info@state.gov.\nS0 Thanks.")
CASE(url_at_sentence_end, "Go to www.example.com. It has details.\n",
     "S0 Go to www.example.com.\nS0 It has details.")
CASE(dot_gov_banner, "A lock ( ) or https:// means you’ve safely connected "
     "to the .gov website. Share it.\n",
     "S0 A lock ( ) or https:// means you’ve safely connected to the .gov "
     "website.\nS0 Share it.")
CASE(em_dash_parenthetical,
     "Cooperation—in aid, energy and security—will grow.\n",
     "S0 Cooperation—in aid, energy and security—will grow.")
CASE(nbsp_after_period, "One sentence.\xC2\xA0Two sentences.\n",
     "S0 One sentence.\nS0 Two sentences.")
CASE(ellipsis_spaced_not_end,
     "I mean . . . what I said, the thing is . . . I agree. Next.\n",
     "S0 I mean . . . what I said, the thing is . . . I agree.\nS0 Next.")
CASE(ellipsis_four_dots_end,
     "I never meant that.... She left. It ends here . . . . Next one.\n",
     "S0 I never meant that....\nS0 She left.\nS0 It ends here . . . .\n"
     "S0 Next one.")
CASE(ellipsis_after_period_opens_next,
     "They combined words. . . . The practice was not abandoned. . . .\n",
     "S0 They combined words.\nS0 . . . The practice was not abandoned. . . .")
CASE(ellipsis_at_end_of_quotation,
     "He argues that “the laws will appear less complex. . . .”\n",
     "S0 He argues that “the laws will appear less complex. . . .”")
CASE(no_space_after_period,
     "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.\n",
     "S0 Hello world.\nS0 Today is Tuesday.\nS0 Mr. Smith bought 1,000.\n"
     "S0 That is a lot.")
CASE(note_ref_after_stop,
     "The zone of peace and cooperation.[1] We intend to meet. The leaders "
     "met.12 They agreed. It was \xE2\x80\x9C" "done.\xE2\x80\x9D" "3 Then more.\n",
     "S0 The zone of peace and cooperation.[1]\nS0 We intend to meet.\n"
     "S0 The leaders met.12\nS0 They agreed.\nS0 It was \xE2\x80\x9C"
     "done.\xE2\x80\x9D" "3\nS0 Then more.")
CASE(note_ref_not_a_number,
     "In 2019.2 The end. See p.12 The page. A [1] marker. Then [12]x no. "
     "At Seoul.1234 The end. It is met.12 and more.\n",
     "S0 In 2019.2 The end.\nS0 See p.12 The page.\nS0 A [1] marker.\n"
     "S0 Then [12]x no.\nS0 At Seoul.1234 The end.\n"
     "S0 It is met.12 and more.")
CASE(no_space_not_in_addresses,
     "Write to jane.Doe@example.com or see www.Example.com and U.S.Army "
     "pages.\n",
     "S0 Write to jane.Doe@example.com or see www.Example.com and U.S.Army "
     "pages.")
CASE(pronoun_i_ends_initial_does_not,
     "We make a good team, you and I. Did you see Albert I. Jones?\n",
     "S0 We make a good team, you and I.\nS0 Did you see Albert I. Jones?")
CASE(clock_late_in_sentence_ends,
     "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. "
     "Smith then went home. He comes at 6 p.m. Monday.\n",
     "S0 At 5 a.m. Mr. Smith went to the bank.\n"
     "S0 He left the bank at 6 P.M.\nS0 Mr. Smith then went home.\n"
     "S0 He comes at 6 p.m. Monday.")
CASE(numero_abbreviation,
     "You can find it at N°. 1026.253.553. That is where it is.\n",
     "S0 You can find it at N°. 1026.253.553.\nS0 That is where it is.")
CASE(attribution_stays_with_quote,
     "“Korea’s future depends on America.” Kim said. Next one.\n",
     "S0 “Korea’s future depends on America.” Kim said.\nS0 Next one.")
CASE(attribution_of_several_words,
     "“We agree.” President Lee Jae-myung added on Friday. Then he left.\n",
     "S0 “We agree.” President Lee Jae-myung added on Friday.\n"
     "S0 Then he left.")
CASE(said_that_is_a_new_sentence,
     "“We agree.” Kim said that the talks would resume.\n",
     "S0 “We agree.”\nS0 Kim said that the talks would resume.")
CASE(quotation_split_where_it_ends_sentences,
     "“Korea’s future depends on America. Our futures are inseparable,” "
     "Kim said.\n",
     "S0 “Korea’s future depends on America.\n"
     "S0 Our futures are inseparable,” Kim said.")
CASE(quotation_with_comma_is_one_clause,
     "“The two countries’ futures are now inseparable,” Kim said on "
     "Thursday.\n",
     "S0 “The two countries’ futures are now inseparable,” Kim said on "
     "Thursday.")

/* -- headings glued, datelines, bylines ------------------------------- */
CASE(glued_heading,
     "Technology and InnovationAs global leaders, we act together.\n",
     "H0 Technology and Innovation\nS0 As global leaders, we act together.")
CASE(glued_dateline_kept,
     "The White HouseWashington, D.C. – The United States acts today.\n",
     "S0 The White HouseWashington, D.C. – The United States acts today.")
/* The letter after the capital is decoded: Hangul's lead byte 0xED, read
** as U+00ED, looked lowercase and cut the line; 0xC3 read as U+00C3
** looked uppercase, though é is lowercase. */
CASE(glued_heading_decodes_next,
     "Technology and InnovationA\xED\x95\x9C global leaders met.\n",
     "S0 Technology and InnovationA\xED\x95\x9C global leaders met.")
CASE(glued_heading_accented,
     "Technology and InnovationA\xC3\xA9roports are shared.\n",
     "H0 Technology and Innovation\nS0 A\xC3\xA9roports are shared.")
/* A heading in capitals on its sentence's line: six letters in one of
** its words, at least two words, no colon. */
CASE(glued_caps_heading,
     "NEW COMMITMENTS The following companies announced commitments.\n\n"
     "ASEAN SME Academy 2.0 opened in April.\n\n"
     "SUMMARY: The FAA proposes a rule.\n\n"
     "WASHINGTON Today the leaders met.\n\n"
     "G20 LEADERS' DECLARATION Leaders of the G20 met in Rome.\n",
     "H0 NEW COMMITMENTS\nS0 The following companies announced commitments.\n"
     "S0 ASEAN SME Academy 2.0 opened in April.\n"
     "S0 SUMMARY: The FAA proposes a rule.\n"
     "S0 WASHINGTON Today the leaders met.\n"
     "H0 G20 LEADERS' DECLARATION\nS0 Leaders of the G20 met in Rome.")
CASE(camel_case_name_not_glue, "McDonald and DeSantis met in LinkedIn.\n",
     "S0 McDonald and DeSantis met in LinkedIn.")
CASE(dateline_in_sentence,
     "WASHINGTON, Nov. 14 (Yonhap) -- The two sides agreed. They met.\n",
     "S0 WASHINGTON, Nov. 14 (Yonhap) -- The two sides agreed.\nS0 They met.")
CASE(byline_not_heading, "By Jane Smith\n\nThe talks ended.\n",
     "L0 By Jane Smith\nS0 The talks ended.")
/* A byline's capital is decoded too: 0xCF (ω's lead byte) read as U+00CF
** looked uppercase. */
CASE(byline_accented, "By \xC3\x89mile Zola\n\nThe talks ended.\n",
     "L0 By \xC3\x89mile Zola\nS0 The talks ended.")
CASE(byline_needs_capital, "By \xCF\x89mega rules\n\nThe talks ended.\n",
     "H0 By \xCF\x89mega rules\nS0 The talks ended.")
CASE(date_line_not_heading, "November 14, 2025\n\nText follows here.\n",
     "L0 November 14, 2025\nS0 Text follows here.")

/* -- page furniture and news structure -------------------------------- */
CASE(furniture_weather_place_date_nav,
     "34.5 F\nClarksville\nThursday, November 20, 2025\n\n"
     "HomePoliticsWorldBusiness\n\nHome > National > Diplomacy\n\n"
     "Korea and U.S. finalize fact sheet\n\nThe text begins.\n",
     "L0 34.5 F\nL0 Clarksville\nL0 Thursday, November 20, 2025\n"
     "L0 HomePoliticsWorldBusiness\nL0 Home > National > Diplomacy\n"
     "H0 Korea and U.S. finalize fact sheet\nS0 The text begins.")
CASE(furniture_buttons,
     "Click to start listening\nfacebook share\n\nprint page small font big "
     "font\n\nShare this article\n\nRead more\n\nThe text begins.\n",
     "L0 Click to start listening\nL0 facebook share\n"
     "L0 print page small font big font\nL0 Share this article\n"
     "L0 Read more\nS0 The text begins.")
CASE(furniture_dates_and_bylines,
     "Published: 14 Nov. 2025, 10:47 Updated: 14 Nov. 2025, 11:32\n"
     "KIM MIN-YOUNG\nThe White House posted the fact sheet.\n\n"
     "Nov 06, 2025, 10:39 am\n\nLast updated: November 13, 2025 6:31 pm\n"
     "By Jane Smith and Lee Ji-won\n\n홍길동 기자\n\n양국은 합의하였다.\n",
     "L0 Published: 14 Nov. 2025, 10:47 Updated: 14 Nov. 2025, 11:32\n"
     "L0 KIM MIN-YOUNG\nS0 The White House posted the fact sheet.\n"
     "L0 Nov 06, 2025, 10:39 am\nL0 Last updated: November 13, 2025 6:31 pm\n"
     "L0 By Jane Smith and Lee Ji-won\nL0 홍길동 기자\nS0 양국은 합의하였다.")
CASE(furniture_photo_credits,
     "Lee speaks in Seoul on Nov. 14. [YONHAP]\n\nLee and Trump review an "
     "honor guard on October 29. / Source: Presidential Office\n\n"
     "Kim delivers remarks. (In Se-jun/The Korea Herald)\n\n"
     "Photo: Reuters\n\nThe text begins (U.S./ROK)\n",
     "L0 Lee speaks in Seoul on Nov. 14. [YONHAP]\n"
     "L0 Lee and Trump review an honor guard on October 29. / Source: "
     "Presidential Office\n"
     "L0 Kim delivers remarks. (In Se-jun/The Korea Herald)\n"
     "L0 Photo: Reuters\nH0 The text begins (U.S./ROK)")
CASE(furniture_boxes,
     "Synopsis\n\nKey Takeaways\n\n  • New chapter in the alliance.\n\n"
     "[EXPLAINER]\n\nRelated Article\n",
     "L0 Synopsis\nL0 Key Takeaways\nB1 New chapter in the alliance.\n"
     "L0 [EXPLAINER]\nL0 Related Article")
CASE(dateline_alone_is_its_own_clause,
     "WASHINGTON, Nov. 14 (Yonhap) --\nThe two sides agreed on the text of "
     "the fact sheet.\n\nSEOUL —\n\nWashington, Nov 15 (NationPress)\n\n"
     "Korea and Japan (G7)\n",
     "L0 WASHINGTON, Nov. 14 (Yonhap) --\nS0 The two sides agreed on the "
     "text of the fact sheet.\nL0 SEOUL —\nL0 Washington, Nov 15 "
     "(NationPress)\nH0 Korea and Japan (G7)")
CASE(gov_banner_is_furniture,
     "An official website of the United States government\n\nOfficial "
     "websites use .gov\n\nFact Sheet Title\n",
     "L0 An official website of the United States government\n"
     "L0 Official websites use .gov\nH0 Fact Sheet Title")
CASE(glued_ascii_bullet_is_no_marker,
     "-1) is text, and so is -1. here.\n\n⁃1. But this is an item.\n",
     "S0 -1) is text, and so is -1. here.\nB1 But this is an item.")
CASE(date_prefix_is_its_own_clause,
     " date 2025-11-20 Acting US Ambassador Kevin Kim said Thursday that the "
     "futures of the two are now inseparable.\n",
     "L0 date 2025-11-20\nS0 Acting US Ambassador Kevin Kim said Thursday "
     "that the futures of the two are now inseparable.")
CASE(date_prefix_before_headline,
     "date 2025-11-14  White House releases joint fact sheet on Korea-U.S. "
     "trade and defense talks\nKorea JoongAng Daily\n",
     "L0 date 2025-11-14\nH0 White House releases joint fact sheet on "
     "Korea-U.S. trade and defense talks\nH0 Korea JoongAng Daily")
CASE(short_lines_without_punctuation,
     "features\ncontact manager\nevents, activities\n",
     "S0 features\nS0 contact manager\nS0 events, activities")
CASE(wrapped_title_stays_together,
     "Joint Statement on the Strategic Third Neighbor Partnership\n"
     "between the United States of America and Mongolia\n",
     "H0 Joint Statement on the Strategic Third Neighbor Partnership between "
     "the United States of America and Mongolia")

/* -- Hangul and CJK -------------------------------------------------- */
CASE(korean_da, "양국은 협력하기로 하였다. 또한 교류를 확대할 것이다.\n",
     "S0 양국은 협력하기로 하였다.\nS0 또한 교류를 확대할 것이다.")
CASE(korean_yo, "좋아요. 감사합니다.\n", "S0 좋아요.\nS0 감사합니다.")
CASE(korean_no_space, "합의하였다.양국은 협력한다.\n",
     "S0 합의하였다.\nS0 양국은 협력한다.")
/* "." as the middle dot between nouns is no sentence end; after -다,
** -요 or -까 it is one whose space was lost. */
CASE(korean_dot_between_nouns,
     "한.독 양국은 정치.경제 분야의 법적.제도적 기반을 마련했다.다음 회의를 "
     "열까.좋아요.감사합니다.귀빈 여러분!오늘 만났다.\n",
     "S0 한.독 양국은 정치.경제 분야의 법적.제도적 기반을 마련했다.\n"
     "S0 다음 회의를 열까.\nS0 좋아요.\nS0 감사합니다.\nS0 귀빈 여러분!\n"
     "S0 오늘 만났다.")
CASE(korean_heading_and_bullets,
     "안보 협력\n\n  • 양국은 연합훈련을 지속한다. 확장억제를 강화한다.\n",
     "H0 안보 협력\nB1 양국은 연합훈련을 지속한다.\nB1 확장억제를 강화한다.")
CASE(korean_items,
     "가. 첫째 항목\n나. 둘째 항목 다. 셋째 항목\n(가) 항목이다. (나) 항목이다.\n"
     "① 첫째 항목이다. ② 둘째 항목이다.\n①붙은 항목\n",
     "B1 첫째 항목\nB1 둘째 항목\nB1 셋째 항목\nB1 항목이다.\nB1 항목이다.\n"
     "B1 첫째 항목이다.\nB1 둘째 항목이다.\nB1 붙은 항목")
CASE(korean_endings,
     "협력을 강화함. 문제가 있음. 좋아요. 합의하였다.양국은 협력한다.\n",
     "S0 협력을 강화함.\nS0 문제가 있음.\nS0 좋아요.\nS0 합의하였다.\n"
     "S0 양국은 협력한다.")
CASE(korean_dates,
     "회담은 2022. 5. 21. 서울에서 열렸다. 다음 회의는 2023.5.21. 개최한다. "
     "발표일은 2022. 5. 21.\n",
     "S0 회담은 2022. 5. 21. 서울에서 열렸다.\n"
     "S0 다음 회의는 2023.5.21. 개최한다.\nS0 발표일은 2022. 5. 21.")
CASE(year_before_number_is_no_date,
     "It grew in 2018. 5 firms left. Sales rose in 2019. 12,000 came.\n",
     "S0 It grew in 2018.\nS0 5 firms left.\nS0 Sales rose in 2019.\n"
     "S0 12,000 came.")
CASE(korean_with_abbreviation, "미국(U.S.)과 한국은 합의했다. 끝.\n",
     "S0 미국(U.S.)과 한국은 합의했다.\nS0 끝.")
CASE(cjk_full_stop, "两国同意。双方将合作。\n", "S0 两国同意。\nS0 双方将合作。")
CASE(cjk_full_stop_with_quote, "他说「好。」然后离开。\n",
     "S0 他说「好。」\nS0 然后离开。")

/* -- encodings and line ends ------------------------------------------ */
CASE(crlf_line_ends, "Title Here\r\n\r\nOne.\r\nTwo three.\r\n",
     "H0 Title Here\nS0 One.\nS0 Two three.")
CASE(cr_line_ends, "Title Here\r\rOne.\rTwo three.\r",
     "H0 Title Here\nS0 One.\nS0 Two three.")
CASE(bom_skipped, "\xEF\xBB\xBFTitle Here\n\nText.\n",
     "H0 Title Here\nS0 Text.")
CASE(invalid_bytes_replaced, "Bad \xC3 byte. Next one.\n",
     "S0 Bad \xEF\xBF\xBD byte.\nS0 Next one.")

/* -- positions, headings, options ------------------------------------- */

static void positions(void **state) {
  const char *in = "Über Title\n\n  • Ça va. Déjà vu.\n";
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  (void)state;
  assert_int_equal(ct_text_from_buffer("p", in, strlen(in), CT_INVALID_ERROR,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, abbrevs, &c, &n, &err), CT_OK);
  assert_int_equal(n, 3);
  assert_int_equal(c[0].start, 0);
  assert_int_equal(c[0].end, 11);        /* "Über" is 5 bytes */
  assert_int_equal(c[1].line, 3);
  assert_int_equal(c[1].col, 5);
  assert_int_equal(c[1].start, 19);      /* after "  • " (• is 3 bytes) */
  assert_memory_equal(in + c[1].start, "Ça va.", c[1].end - c[1].start);
  assert_int_equal(c[2].col, 12);        /* columns count code points */
  assert_int_equal(c[1].heading, 1);
  assert_int_equal(c[2].heading, 1);
  assert_int_equal(c[0].heading, 0);
  assert_int_equal(c[0].title, 1);
  assert_int_equal(c[1].title, 0);
  free(c);
  ct_text_free(t);
}

static void heading_index_tracks_sections(void **state) {
  const char *in = "Intro text.\n\nFirst Part\n\nA.\n\nSecond Part\n\nB.\n";
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  (void)state;
  assert_int_equal(ct_text_from_buffer("h", in, strlen(in), CT_INVALID_ERROR,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, abbrevs, &c, &n, &err), CT_OK);
  assert_int_equal(n, 5);
  assert_int_equal(c[0].heading, 0);
  assert_int_equal(c[2].heading, 2);
  assert_int_equal(c[4].heading, 4);
  free(c);
  ct_text_free(t);
}

/* A box title and a byline head no section: the bullet under "Key
** Takeaways" belongs to the headline's section, and furniture lines to
** none. */
static void furniture_gives_no_section(void **state) {
  const char *in = "Korea and U.S. finalize fact sheet\n\nBy Jane Smith\n\n"
                   "Key Takeaways\n\n  • New chapter in the alliance.\n";
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  (void)state;
  assert_int_equal(ct_text_from_buffer("f", in, strlen(in), CT_INVALID_ERROR,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, abbrevs, &c, &n, &err), CT_OK);
  assert_int_equal(n, 4);
  assert_int_equal(c[0].kind, CT_KIND_HEADING);
  assert_int_equal(c[1].kind, CT_KIND_LINE);
  assert_int_equal(c[1].heading, 0);
  assert_int_equal(c[1].title, 0);
  assert_int_equal(c[2].kind, CT_KIND_LINE);
  assert_int_equal(c[2].heading, 0);
  assert_int_equal(c[3].kind, CT_KIND_BULLET);
  assert_int_equal(c[3].heading, 1);
  free(c);
  ct_text_free(t);
}

/* Segments `in`, checks the clauses' kinds against want[0..n) and hands
** the clauses out (the caller frees them and *t). */
static ct_clause *check_kinds(const char *in, const ct_kind *want, size_t n,
                              ct_text **t) {
  ct_clause *c;
  size_t got, k;
  ct_error err;
  assert_int_equal(ct_text_from_buffer("f", in, strlen(in), CT_INVALID_ERROR,
                                       t, &err), CT_OK);
  assert_int_equal(ct_segment(*t, abbrevs, &c, &got, &err), CT_OK);
  assert_int_equal(got, n);
  for (k = 0; k < n; k++) assert_int_equal(c[k].kind, want[k]);
  return c;
}

/* A date line that ends in its byline, and a figure's caption, are
** furniture; a sentence that names a figure or a date is not. */
static void dated_byline_and_caption(void **state) {
  const char *in = "Serve and Remember\n\n"
                   "September 10, 2011 at 1:06 PM ET by Katelyn Sabochik\n\n"
                   "Figure 2: Opening a file\n\nFig. 3. Sample output\n\n"
                   "Figure 4 shows the window.\n\n"
                   "On September 10, 2011 by noon they met.\n";
  static const ct_kind want[] = {CT_KIND_HEADING, CT_KIND_LINE, CT_KIND_LINE,
                                 CT_KIND_LINE, CT_KIND_SENTENCE,
                                 CT_KIND_SENTENCE};
  ct_text *t;
  (void)state;
  free(check_kinds(in, want, 6, &t));
  ct_text_free(t);
}

/* A contact block (a few short lines, no stop, an e-mail address) is
** furniture line by line, in no section; a block that only gives an
** address in a sentence, or a name over a paragraph, is not. */
static void contact_block(void **state) {
  const char *in = "Questions\n\n"
                   "Terry Ortel, Hydrologist\n"
                   "U.S.G.S. Illinois Water Science Center\n"
                   "tortel@usgs.gov\n\n"
                   "Write to tortel@usgs.gov with questions.\n\n"
                   "Press Office\n"
                   "The office answers within a day\n"
                   "at press@ or by phone\n";
  static const ct_kind want[] = {CT_KIND_HEADING, CT_KIND_LINE, CT_KIND_LINE,
                                 CT_KIND_LINE, CT_KIND_SENTENCE,
                                 CT_KIND_HEADING, CT_KIND_SENTENCE};
  ct_text *t;
  ct_clause *c = check_kinds(in, want, 7, &t);
  size_t k;
  (void)state;
  for (k = 1; k < 4; k++) assert_int_equal(c[k].heading, 0);
  assert_int_equal(c[4].heading, 1);
  free(c);
  ct_text_free(t);
}

static void user_abbreviation(void **state) {
  ct_abbrevs *ab = ct_abbrevs_new(1);
  (void)state;
  check_with("Ofc. Smith left.\n", "S0 Ofc.\nS0 Smith left.", ab);
  assert_int_equal(ct_abbrevs_add(ab, "Ofc."), CT_OK);
  check_with("Ofc. Smith left.\n", "S0 Ofc. Smith left.", ab);
  assert_int_equal(ct_abbrevs_add(ab, "nodot"), CT_EUSAGE);
  ct_abbrevs_free(ab);
}

static void no_abbreviation_list(void **state) {
  (void)state;
  /* shapes still work without a list; listed titles do not */
  check_with("The U.S. Department met Dr. Kim.\n",
             "S0 The U.S. Department met Dr.\nS0 Kim.", NULL);
}

static void abbreviation_file(void **state) {
  ct_abbrevs *ab = ct_abbrevs_new(0);
  ct_error err;
  (void)state;
  assert_int_equal(ct_abbrevs_load(ab, "tests/data/seg_abbrevs.txt", &err),
                   CT_OK);
  check_with("Gov. Kim met Ofc. Lee.\n", "S0 Gov. Kim met Ofc. Lee.", ab);
  assert_int_equal(ct_abbrevs_load(ab, "tests/data/seg_abbrevs_bad.txt", &err),
                   CT_ESYNTAX);
  assert_string_equal(err.msg, "tests/data/seg_abbrevs_bad.txt:3: "
                               "abbreviation 'Gov' must end with a period");
  assert_int_equal(ct_abbrevs_load(ab, "tests/data/nonexistent.txt", &err),
                   CT_EIO);
  assert_string_equal(err.msg, "tests/data/nonexistent.txt: cannot read: "
                               "No such file or directory");
  ct_abbrevs_free(ab);
}

static void lines_mode(void **state) {
  const char *in = "  First line.  Still first.\n\n\tSecond line\r\nThird one.";
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  (void)state;
  assert_int_equal(ct_text_from_buffer("l", in, strlen(in), CT_INVALID_ERROR,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment_lines(t, &c, &n, &err), CT_OK);
  assert_int_equal(n, 3);
  assert_int_equal(c[0].kind, CT_KIND_LINE);
  assert_int_equal(c[0].start, 2);
  assert_int_equal(c[0].end, 27);
  assert_int_equal(c[1].line, 3);
  assert_int_equal(c[1].col, 2);
  assert_memory_equal(in + c[2].start, "Third", 5);
  assert_int_equal(c[0].heading, 0);     /* has final punctuation */
  assert_int_equal(c[1].heading, 0);     /* reads as a title ... */
  assert_int_equal(c[2].heading, 2);     /* ... so it heads the next line */
  assert_int_equal(c[1].title, 1);
  assert_int_equal(c[0].title, 0);
  assert_int_equal(c[2].title, 0);
  assert_string_equal(ct_kind_name(c[2].kind), "line");
  free(c);
  ct_text_free(t);
}

/* The first line may be a document's headline, longer than a heading,
** as the first line of a document is judged: the gold corpora's clauses
** are read this way, and their first is the document's title.  A line as
** long further down is a clause. */
static void lines_mode_headline(void **state) {
  const char *head = "Fact Sheet: President Donald J. Trump Secures Historic "
                     "Deals with China, Delivering for American Workers, "
                     "Farmers, and Industry";
  char in[1024];
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  (void)state;
  assert_true(strlen(head) > 100);       /* longer than a heading may be */
  snprintf(in, sizeof in, "%s\n%s\nChina will buy soybeans.\n%s\n", head,
           head, head);
  assert_int_equal(ct_text_from_buffer("l", in, strlen(in), CT_INVALID_ERROR,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment_lines(t, &c, &n, &err), CT_OK);
  assert_int_equal(n, 4);
  assert_int_equal(c[0].title, 1);        /* the headline */
  assert_int_equal(c[1].title, 1);        /* no clause yet: still one */
  assert_int_equal(c[2].title, 0);
  assert_int_equal(c[3].title, 0);        /* after a clause: a long line */
  assert_int_equal(c[2].heading, 2);
  free(c);
  ct_text_free(t);
}

static void kind_names(void **state) {
  (void)state;
  assert_string_equal(ct_kind_name(CT_KIND_HEADING), "heading");
  assert_string_equal(ct_kind_name(CT_KIND_BULLET), "bullet");
  assert_string_equal(ct_kind_name(CT_KIND_SENTENCE), "sentence");
  assert_string_equal(ct_kind_name(CT_KIND_LINE), "line");
}

static int setup(void **state) {
  (void)state;
  abbrevs = ct_abbrevs_new(1);
  return abbrevs == NULL;
}

static int teardown(void **state) {
  (void)state;
  ct_abbrevs_free(abbrevs);
  return 0;
}

/* The mask blanks exactly what ct_clause_text leaves out, in place:
** offsets stay, and a link's URL is spaces. */
static void structure_mask(void **state) {
  static const char in[] = "Read [the plan](https://x.org/climate) on **trade**.\n";
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  unsigned char buf[sizeof in];
  (void)state;
  assert_int_equal(ct_text_from_buffer("case", in, strlen(in),
                                       CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, &err), CT_OK);
  assert_int_equal(n, 1);
  memcpy(buf, in, sizeof in);
  assert_int_equal(ct_clause_mask(t, &c[0], NULL), 29);
  assert_int_equal(ct_clause_mask(t, &c[0], buf), 29);
  assert_string_equal((char *)buf, "Read  the plan" "                        "
                                   " on   trade  .\n");   /* 24: the URL */
  free(c);
  ct_text_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(blank_line_blocks),
    cmocka_unit_test(invisible_line_is_blank),
    cmocka_unit_test(heading_alone),
    cmocka_unit_test(heading_before_bullets),
    cmocka_unit_test(heading_first_line_of_block),
    cmocka_unit_test(wrapped_paragraph_not_heading),
    cmocka_unit_test(wrapped_paragraph_uppercase_continuation),
    cmocka_unit_test(short_line_lowercase_continuation),
    cmocka_unit_test(narrow_column_in_wide_block),
    cmocka_unit_test(heading_after_sentence_line),
    cmocka_unit_test(headline_before_text_line),
    cmocka_unit_test(lead_in_colon_is_sentence),
    cmocka_unit_test(sentence_over_lines),
    cmocka_unit_test(long_line_without_punct_is_sentence),
    cmocka_unit_test(headline_long_alone_at_top),
    cmocka_unit_test(headline_question_at_top),
    cmocka_unit_test(headline_not_two_sentences),
    cmocka_unit_test(caption_is_not_heading),
    cmocka_unit_test(footer_with_abbreviation_is_heading),
    cmocka_unit_test(empty_input),
    cmocka_unit_test(blank_input),
    cmocka_unit_test(markdown_headings),
    cmocka_unit_test(markdown_emphasis),
    cmocka_unit_test(markdown_emphasis_not_in_words),
    cmocka_unit_test(markdown_links),
    cmocka_unit_test(markdown_link_blank_url),
    cmocka_unit_test(markdown_link_tail_needs_opener),
    cmocka_unit_test(markdown_blockquote),
    cmocka_unit_test(markdown_table),
    cmocka_unit_test(markdown_comments),
    cmocka_unit_test(markdown_rules_and_setext),
    cmocka_unit_test(setext_underline_quote_depth),
    cmocka_unit_test(quote_opens_paragraph),
    cmocka_unit_test(heading_not_dangling),
    cmocka_unit_test(bullet_chars),
    cmocka_unit_test(bullet_chars_office),
    cmocka_unit_test(bullet_chars_korean),
    cmocka_unit_test(numbered_dot),
    cmocka_unit_test(numbered_paren),
    cmocka_unit_test(lettered),
    cmocka_unit_test(roman),
    cmocka_unit_test(nesting_by_indent),
    cmocka_unit_test(nesting_same_marker),
    cmocka_unit_test(nesting_with_tabs),
    cmocka_unit_test(bullet_two_sentences),
    cmocka_unit_test(bullet_continuation_line),
    cmocka_unit_test(paragraph_after_bullet),
    cmocka_unit_test(numbered_section_title),
    cmocka_unit_test(wrapped_title),
    cmocka_unit_test(wrapped_sentence_is_no_title),
    cmocka_unit_test(wrapped_filled_lines),
    cmocka_unit_test(wrapped_marker_is_text),
    cmocka_unit_test(wrapped_inline_list),
    cmocka_unit_test(wrapped_date_after_comma),
    cmocka_unit_test(wrapped_line_short_of_width),
    cmocka_unit_test(wrapped_headline),
    cmocka_unit_test(wrapped_narrow_column),
    cmocka_unit_test(wrapped_korean_columns),
    cmocka_unit_test(headline_over_paragraph_line),
    cmocka_unit_test(wrapped_items),
    cmocka_unit_test(item_lazy_continuation),
    cmocka_unit_test(list_depth_resets_after_paragraph),
    cmocka_unit_test(blank_lines_between_items_keep_depth),
    cmocka_unit_test(dash_inside_text_is_not_marker),
    cmocka_unit_test(initial_is_not_marker),
    cmocka_unit_test(decimal_is_not_marker),
    cmocka_unit_test(semicolon_bullet_one_clause),
    cmocka_unit_test(title_abbreviation),
    cmocka_unit_test(titles_mid_sentence),
    cmocka_unit_test(month_abbreviation),
    cmocka_unit_test(latin_eg_ie),
    cmocka_unit_test(latin_etc_vs),
    cmocka_unit_test(eg_in_parentheses),
    cmocka_unit_test(country_forms_before_names),
    cmocka_unit_test(country_form_then_lowercase),
    cmocka_unit_test(country_form_ends_sentence),
    cmocka_unit_test(opener_begins_a_name),
    cmocka_unit_test(country_form_at_end),
    cmocka_unit_test(country_forms_uk_dprk),
    cmocka_unit_test(hyphenated_country_forms),
    cmocka_unit_test(number_abbreviation),
    cmocka_unit_test(page_abbreviation),
    cmocka_unit_test(company_abbreviations),
    cmocka_unit_test(initials),
    cmocka_unit_test(money_and_decimals),
    cmocka_unit_test(times),
    cmocka_unit_test(ellipsis_dots),
    cmocka_unit_test(ellipsis_char),
    cmocka_unit_test(question_in_quotes),
    cmocka_unit_test(exclamation_in_parens),
    cmocka_unit_test(ends_in_closing_quote),
    cmocka_unit_test(ends_in_closing_bracket),
    cmocka_unit_test(question_and_exclamation),
    cmocka_unit_test(numbers_end_sentence),
    cmocka_unit_test(phase_number_ends_sentence),
    cmocka_unit_test(enumeration_in_sentence),
    cmocka_unit_test(enumeration_after_colon),
    cmocka_unit_test(inline_items_dot_paren),
    cmocka_unit_test(inline_items_paren_no_period),
    cmocka_unit_test(inline_items_letters_on_one_line),
    cmocka_unit_test(inline_items_bullet_and_number),
    cmocka_unit_test(inline_items_glued_bullet),
    cmocka_unit_test(inline_items_roman),
    cmocka_unit_test(inline_items_only_in_sequence),
    cmocka_unit_test(inline_items_not_a_reference),
    cmocka_unit_test(part_word_label_is_no_end),
    cmocka_unit_test(inline_items_letters),
    cmocka_unit_test(urls_and_email),
    cmocka_unit_test(url_at_sentence_end),
    cmocka_unit_test(dot_gov_banner),
    cmocka_unit_test(em_dash_parenthetical),
    cmocka_unit_test(nbsp_after_period),
    cmocka_unit_test(glued_heading),
    cmocka_unit_test(glued_dateline_kept),
    cmocka_unit_test(glued_heading_decodes_next),
    cmocka_unit_test(glued_heading_accented),
    cmocka_unit_test(glued_caps_heading),
    cmocka_unit_test(camel_case_name_not_glue),
    cmocka_unit_test(dateline_in_sentence),
    cmocka_unit_test(byline_not_heading),
    cmocka_unit_test(byline_accented),
    cmocka_unit_test(byline_needs_capital),
    cmocka_unit_test(date_line_not_heading),
    cmocka_unit_test(furniture_weather_place_date_nav),
    cmocka_unit_test(furniture_buttons),
    cmocka_unit_test(furniture_dates_and_bylines),
    cmocka_unit_test(furniture_photo_credits),
    cmocka_unit_test(furniture_boxes),
    cmocka_unit_test(dateline_alone_is_its_own_clause),
    cmocka_unit_test(gov_banner_is_furniture),
    cmocka_unit_test(glued_ascii_bullet_is_no_marker),
    cmocka_unit_test(date_prefix_is_its_own_clause),
    cmocka_unit_test(date_prefix_before_headline),
    cmocka_unit_test(short_lines_without_punctuation),
    cmocka_unit_test(wrapped_title_stays_together),
    cmocka_unit_test(korean_da),
    cmocka_unit_test(korean_yo),
    cmocka_unit_test(korean_no_space),
    cmocka_unit_test(korean_dot_between_nouns),
    cmocka_unit_test(korean_heading_and_bullets),
    cmocka_unit_test(korean_with_abbreviation),
    cmocka_unit_test(cjk_full_stop),
    cmocka_unit_test(cjk_full_stop_with_quote),
    cmocka_unit_test(crlf_line_ends),
    cmocka_unit_test(cr_line_ends),
    cmocka_unit_test(bom_skipped),
    cmocka_unit_test(invalid_bytes_replaced),
    cmocka_unit_test(ellipsis_spaced_not_end),
    cmocka_unit_test(ellipsis_four_dots_end),
    cmocka_unit_test(ellipsis_after_period_opens_next),
    cmocka_unit_test(ellipsis_at_end_of_quotation),
    cmocka_unit_test(no_space_after_period),
    cmocka_unit_test(note_ref_after_stop),
    cmocka_unit_test(note_ref_not_a_number),
    cmocka_unit_test(no_space_not_in_addresses),
    cmocka_unit_test(pronoun_i_ends_initial_does_not),
    cmocka_unit_test(clock_late_in_sentence_ends),
    cmocka_unit_test(numero_abbreviation),
    cmocka_unit_test(attribution_stays_with_quote),
    cmocka_unit_test(attribution_of_several_words),
    cmocka_unit_test(said_that_is_a_new_sentence),
    cmocka_unit_test(quotation_split_where_it_ends_sentences),
    cmocka_unit_test(quotation_with_comma_is_one_clause),
    cmocka_unit_test(korean_items),
    cmocka_unit_test(korean_endings),
    cmocka_unit_test(korean_dates),
    cmocka_unit_test(year_before_number_is_no_date),
    cmocka_unit_test(positions),
    cmocka_unit_test(heading_index_tracks_sections),
    cmocka_unit_test(furniture_gives_no_section),
    cmocka_unit_test(dated_byline_and_caption),
    cmocka_unit_test(contact_block),
    cmocka_unit_test(user_abbreviation),
    cmocka_unit_test(no_abbreviation_list),
    cmocka_unit_test(abbreviation_file),
    cmocka_unit_test(lines_mode),
    cmocka_unit_test(lines_mode_headline),
    cmocka_unit_test(kind_names),
    cmocka_unit_test(structure_mask),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
