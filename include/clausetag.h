/*
** clausetag.h -- the public interface of libclausetag.
**
** clausetag reads diplomatic documents, cuts them into clauses and tags
** every clause with Lua rule files.  This header is the whole library
** interface: a C program includes it and links libclausetag (shared or
** static; `pkg-config --cflags --libs clausetag` gives the flags, and
** docs/library.md walks through a program, examples/tag.c).
**
** Ownership, in one sentence: every pointer a function hands out that is
** not `const` (as its result or through an out-parameter) belongs to the
** caller, who releases it with the free function of its type (ct_X_free
** for a ct_X object: ct_results_free for the ct_results of a
** classification; ct_clauses_free for clauses, ct_violations_free for
** violations, ct_align_free for alignment steps, ct_string_free for a
** char *), and every `const` pointer is borrowed from the object it came
** from and lives as long as that object.  The exceptions, by name: the
** FILE a writer writes to and the costs array of ct_engine_set_costs stay
** the caller's; a rule set must outlive the engines and writers made
** with it, and a writer must outlive its forks; ct_writer_close, not a
** _free, releases a writer, and ct_writer_join a fork too.
**
** Functions that can fail return a ct_status and, when given a ct_error,
** fill it with a message the user can act on ("FILE:LINE:COL: what is
** wrong").  Nothing in the library prints or exits.
*/
#ifndef CLAUSETAG_H
#define CLAUSETAG_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version this header belongs to; ct_version() is the library's,
** which differs when a program runs with another shared library. */
#define CT_VERSION "0.1.0"

/* Marks what the library exports: it is built with -fvisibility=hidden,
** so every other function is internal to it. */
#ifndef CT_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define CT_API __attribute__((visibility("default")))
#else
#define CT_API
#endif
#endif

/* The version of the library linked in, "0.1.0": CT_VERSION when it
** was built. */
CT_API const char *ct_version(void);

/* ---------------------------------------------------------------------
** Status codes and errors
** ------------------------------------------------------------------- */

typedef enum ct_status {
  CT_OK = 0,
  CT_ENOMEM,    /* out of memory */
  CT_EIO,       /* a file could not be opened, read or written */
  CT_EUTF8,     /* input is not valid UTF-8 */
  CT_EBINARY,   /* input holds NUL bytes: not a text file */
  CT_EUSAGE,    /* a bad argument from the caller */
  CT_ESYNTAX,   /* malformed data (abbreviation file, JSON line, rule file) */
  CT_ERULE,     /* a rule failed at run time */
  CT_ELIMIT,    /* a rule broke a sandbox limit (instructions, memory, regex) */
  CT_ETOOBIG,   /* input larger than the document size cap */
  CT_STATUS_COUNT
} ct_status;

/* A short English phrase for every status ("out of memory"). */
CT_API const char *ct_strerror(ct_status s);

/* Filled by failing calls: the status and the full user-facing message. */
typedef struct ct_error {
  ct_status status;
  char msg[1024];
} ct_error;

/* Fills err (when not NULL) as the library's own failures do: status s
** and a printf-style message, cut to fit msg, every control character
** made a space (a message is one line a terminal shows as it is).
** Returns s, for `return ct_error_set(err, CT_EIO, "%s: ...", path);` in
** a caller's own functions (a callback, a front end). */
CT_API ct_status ct_error_set(ct_error *err, ct_status s, const char *fmt,
                              ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---------------------------------------------------------------------
** Text: one input document as bytes, validated as UTF-8
**
** The bytes are kept exactly as read, so every offset the library
** reports is a byte offset into the input file.  A leading BOM is
** skipped (ct_text_body), LF, CRLF and CR all end lines.
** ------------------------------------------------------------------- */

typedef enum ct_invalid {
  CT_INVALID_ERROR,    /* invalid UTF-8 is an error (CT_EUTF8) */
  CT_INVALID_REPLACE   /* invalid sequences read as U+FFFD */
} ct_invalid;

typedef struct ct_text ct_text;

/* The largest document ct_text_read_file reads: 64 MiB. */
#define CT_DEFAULT_MAX_DOCUMENT_BYTES ((size_t)64 << 20)

/* Reads a whole file of at most CT_DEFAULT_MAX_DOCUMENT_BYTES; path "-"
** reads standard input.  Fails with CT_EIO (also "FILE: changed while
** being read (expected N bytes, read M)" when a regular file changes
** size or modification time during the read), CT_ETOOBIG ("FILE: larger
** than N bytes, the document size cap"), CT_EBINARY ("FILE:LINE:COL:
** binary file (NUL byte)", or "FILE:1:1: UTF-16LE text (byte order mark
** FF FE), not UTF-8: convert it first (...)" for text that starts with a
** UTF-16 or UTF-32 byte order mark) or CT_EUTF8 ("FILE:LINE:COL: invalid
** UTF-8 (byte 0xC3)") under CT_INVALID_ERROR.  Reading stops at the cap (a
** regular file known to be larger is not read) and after the first block
** holding a NUL byte, so an endless input costs no more memory than the
** cap. */
CT_API ct_status ct_text_read_file(const char *path, ct_invalid mode,
                                   ct_text **out, ct_error *err);

/* The same with a cap of max_bytes (SIZE_MAX: none). */
CT_API ct_status ct_text_read_file_max(const char *path, ct_invalid mode,
                                       size_t max_bytes, ct_text **out,
                                       ct_error *err);

/* The same checks on a buffer in memory; the bytes are copied. */
CT_API ct_status ct_text_from_buffer(const char *name, const void *data,
                                     size_t len, ct_invalid mode,
                                     ct_text **out, ct_error *err);

CT_API void ct_text_free(ct_text *t);

/* The name as given (path or name); all bytes, NUL-terminated; the byte
** count, BOM included; the offset after the BOM (0 or 3). */
CT_API const char *ct_text_name(const ct_text *t);
CT_API const char *ct_text_data(const ct_text *t);
CT_API size_t ct_text_size(const ct_text *t);
CT_API size_t ct_text_body(const ct_text *t);

/* 1-based line and column (in code points) of byte offset `off`; for a
** document read from HTML or PDF, of the source of that byte (see
** ct_text_source_linecol below). */
CT_API void ct_text_linecol(const ct_text *t, size_t off, size_t *line,
                            size_t *col);

/* A malloc'ed NUL-terminated copy of bytes [start, end), with invalid
** sequences written as U+FFFD.  With `collapse`, the copy is for a line
** a person reads: every run of white space (line breaks included) becomes
** one space, the ends are trimmed, and other control characters (C0, DEL,
** C1: a terminal escape) become U+FFFD.  NULL when out of memory. */
CT_API char *ct_text_span(const ct_text *t, size_t start, size_t end,
                          int collapse);

/* A malloc'ed copy of `s` (length `len`) in NFKC + case fold, the form
** rules match against.  NULL when out of memory. */
CT_API char *ct_fold(const char *s, size_t len);

/* Frees a string of ct_text_span, ct_fold, ct_clause_text, ct_json_quote,
** ct_xml_escape or ct_diff_write (they are malloc'ed, so free() does
** too); NULL does nothing. */
CT_API void ct_string_free(char *s);

/* ---------------------------------------------------------------------
** Documents in other formats: HTML pages and PDF files
**
** A reader extracts the text a person reads (HTML: what a browser shows,
** page furniture and hidden elements left out; PDF: the text layer, page
** after page, running heads and page numbers left out, hyphenation at
** line ends undone) and keeps the source beside it, with a monotonic
** map from every extracted byte back to the source.  Segmenting and
** classifying work on the extracted text (ct_text_data, clause and hit
** offsets), while ct_text_linecol and the ct_text_source_* functions
** answer in the source: the HTML file's own bytes, lines and columns, or
** for a PDF the page, and the line and column within its page of the
** text layer (poppler's text of each page, pages separated by '\f').
** For plain text all of these are the identity.
** ------------------------------------------------------------------- */

typedef enum ct_input_format {
  CT_INPUT_TEXT,       /* plain text or Markdown */
  CT_INPUT_HTML,       /* an HTML page (libxml2's HTML parser) */
  CT_INPUT_PDF         /* a PDF file's text layer (poppler) */
} ct_input_format;

/* HTML for *.html and *.htm, PDF for *.pdf (any case), else text. */
CT_API ct_input_format ct_input_format_of(const char *path);

/* "text", "html" or "pdf". */
CT_API const char *ct_input_format_name(ct_input_format f);

/* A PDF is read page by page up to this many pages, and a page's text up
** to this many bytes; a longer file or page fails with CT_ETOOBIG, since
** poppler's work grows with both. */
#define CT_PDF_MAX_PAGES 2000
#define CT_PDF_MAX_PAGE_BYTES ((size_t)1 << 20)

/* An HTML page may nest elements this deep (libxml2's own limit when it
** builds a tree); a deeper one fails with CT_ETOOBIG, since the parser
** searches the open elements at every end tag. */
#define CT_HTML_MAX_DEPTH 256

/* Reads path ("-": standard input) of at most max_bytes as `format`;
** CT_INPUT_TEXT is ct_text_read_file_max.  An HTML page must be UTF-8
** (its bytes are checked as a text file's are; a declared charset is
** ignored), and one nested deeper than CT_HTML_MAX_DEPTH fails with
** CT_ETOOBIG.  A PDF that poppler cannot open, is encrypted, has no text
** layer, or is over the caps above fails with a message naming the file
** (and the page), CT_ESYNTAX or CT_ETOOBIG. */
CT_API ct_status ct_text_read_format(const char *path, ct_input_format format,
                                     ct_invalid mode, size_t max_bytes,
                                     ct_text **out, ct_error *err);

/* The same on bytes in memory (copied); `name` names the document. */
CT_API ct_status ct_text_from_format(const char *name, const void *data,
                                     size_t len, ct_input_format format,
                                     ct_invalid mode, ct_text **out,
                                     ct_error *err);

CT_API ct_input_format ct_text_format(const ct_text *t);

/* The source range of extracted bytes [start, end): for HTML the bytes
** of the file from the first character of the range to the end of its
** last (tags and entity references inside included). */
CT_API void ct_text_source_span(const ct_text *t, size_t start, size_t end,
                                size_t *src_start, size_t *src_end);

/* Line and column (1-based, in code points) of a source offset, within
** its page for a PDF. */
CT_API void ct_text_source_linecol(const ct_text *t, size_t src, size_t *line,
                                   size_t *col);

/* The page (from 1) of extracted byte `off`; 0 for a text without pages
** (everything but PDF). */
CT_API size_t ct_text_page(const ct_text *t, size_t off);

/* ---------------------------------------------------------------------
** Abbreviations: words whose period does not end a sentence
** ------------------------------------------------------------------- */

typedef struct ct_abbrevs ct_abbrevs;

/* An empty list, or (with_defaults) the list shipped in
** rules/abbreviations.txt, compiled into the library. */
CT_API ct_abbrevs *ct_abbrevs_new(int with_defaults);
CT_API void ct_abbrevs_free(ct_abbrevs *a);

/* Adds one abbreviation, period included ("Amb.", "Adm."). */
CT_API ct_status ct_abbrevs_add(ct_abbrevs *a, const char *word);

/* Adds every entry of a file: one abbreviation per line, '#' comments. */
CT_API ct_status ct_abbrevs_load(ct_abbrevs *a, const char *path,
                                 ct_error *err);

/* ---------------------------------------------------------------------
** Segmentation: clauses of a document
** ------------------------------------------------------------------- */

typedef enum ct_kind {
  CT_KIND_HEADING,    /* a short stand-alone line without final punctuation,
                      ** or the document's headline */
  CT_KIND_BULLET,     /* a sentence of a list item */
  CT_KIND_SENTENCE,   /* a sentence of a paragraph (or a table cell) */
  CT_KIND_LINE        /* a line of page furniture (weather, date, byline,
                      ** navigation, buttons, box titles, photo credits:
                      ** never a heading, in no section), or one input
                      ** line, unsegmented (--input lines) */
} ct_kind;

CT_API const char *ct_kind_name(ct_kind k);   /* "heading", "bullet", ... */

typedef struct ct_clause {
  size_t index;       /* 1-based, in document order */
  ct_kind kind;
  int depth;          /* list nesting: 0 outside lists, 1 top-level item */
  size_t start, end;  /* byte offsets into the input, end exclusive */
  size_t line, col;   /* of start: 1-based, col in code points */
  size_t heading;     /* index of the section's heading clause, 0 if none */
  int title;          /* reads as a title: a heading, or (lines) a short
                      ** line without final punctuation */
} ct_clause;

/* Cuts a document into clauses (docs/cli.md, "How documents are cut").
** Markdown structure at a clause's edge is left out of its span, as list
** markers are; use ct_clause_text for the text without the structure
** inside it.
** `ab` may be NULL (shape rules only: initials, U.S.-style forms).  On
** success *out is an array of *n clauses (free with ct_clauses_free);
** a document with no text gives *n == 0. */
CT_API ct_status ct_segment(const ct_text *t, const ct_abbrevs *ab,
                            ct_clause **out, size_t *n, ct_error *err);

/* One clause of kind CT_KIND_LINE per non-blank line, white space at
** both ends left out (--input lines).  A line that reads as a heading
** (short, no final punctuation) is the `heading` of the lines after it,
** so rules keep their section context. */
CT_API ct_status ct_segment_lines(const ct_text *t, ct_clause **out, size_t *n,
                                  ct_error *err);

/* Frees the clauses of ct_segment or ct_segment_lines; NULL does
** nothing. */
CT_API void ct_clauses_free(ct_clause *c);

/* The text of clause c as ct_text_span gives it (collapse as there), with
** the Markdown structure inside it left out: emphasis markers, link
** syntax ("[text](url)" gives "text"), inline HTML comments and the
** blockquote markers of its continuation lines.  What every output format
** prints as the clause's text.  NULL when out of memory. */
CT_API char *ct_clause_text(const ct_text *t, const ct_clause *c,
                            int collapse);

/* Writes a space over every byte of Markdown structure inside clause c
** (the bytes ct_clause_text leaves out: emphasis marks, a link's "[" and
** "](url)", ...) in buf, a copy of t's bytes indexed as ct_text's data
** (NULL: only count them).  Returns how many bytes that is; 0 for a text
** a reader made (HTML, PDF).  Offsets stay as they are, so the rules
** match the copy without ever matching inside a link's URL. */
CT_API size_t ct_clause_mask(const ct_text *t, const ct_clause *c,
                             unsigned char *buf);

/* ---------------------------------------------------------------------
** Large text files in pieces
**
** A plain text file too large to hold whole can be cut, read and
** classified piece by piece, with memory that stays that of a few pieces:
** ct_plan_open reads it once, checking what ct_text_read_file would, and
** notes where it may be cut (line starts after a blank line, about every
** `piece` bytes); ct_stream_piece then reads and segments one piece at a
** time, in order, and gives exactly the clauses of the whole document
** (numbered as there), and ct_engine_classify_part (below) classifies
** them.
** ------------------------------------------------------------------- */

typedef struct ct_plan ct_plan;

/* Plans `path` (a regular file, or "-": standard input) in pieces of
** about `piece` bytes, each at most `max` bytes (--max-document-bytes).
** Fails as ct_text_read_file_max does (CT_EIO, CT_EBINARY, CT_EUTF8
** under CT_INVALID_ERROR, CT_ETOOBIG: no cut within `max`), or
** CT_ENOMEM.  Standard input that is a regular file (`< FILE`) is read
** again as a file is, from where it stood.  Any other (a pipe), read
** only once, is kept by the plan for its pieces: its first MiB in memory, the rest in an unlinked temporary
** file in $TMPDIR (else /tmp), up to 64 times `max` (past that
** CT_ETOOBIG, "<stdin>: larger than N bytes, 64 times the document size
** cap"; a disk that fills, CT_EIO); with no temporary file to be had, in
** memory up to `max`.  Its name is then "<stdin>". */
CT_API ct_status ct_plan_open(const char *path, ct_invalid mode, size_t piece,
                              size_t max, ct_plan **out, ct_error *err);
CT_API void ct_plan_free(ct_plan *p);

/* The pieces the plan may have (a piece can take in the ones after it:
** see ct_stream_piece) and the file's name as given. */
CT_API size_t ct_plan_pieces(const ct_plan *p);
CT_API const char *ct_plan_name(const ct_plan *p);

/* What the pieces read so far leave for the next one. */
typedef struct ct_carry {
  size_t cut;              /* the piece the next read starts at;
                           ** ct_plan_pieces(p) after the last */
  size_t run_from;         /* the segmenter's state, for the next piece */
  size_t run_line;
  size_t run_col;
  size_t clauses;          /* clauses so far */
  size_t heading;          /* the section heading at the cut (its clause
                           ** index), or 0 */
  int sentence;
  int nlevels;             /* the list levels open at the cut: the */
  size_t levels[16];       /* indentation of each, outermost first */
} ct_carry;

/* The carry before the first piece. */
CT_API void ct_carry_init(ct_carry *c);

/* Reads piece c->cut (< ct_plan_pieces(p)) and cuts it: *text holds its
** bytes (offsets it reports are the file's), *clauses its *n clauses,
** numbered as in the whole document (index, heading, line), with offsets
** into *text.  c is updated for the next piece; a piece goes on past
** later cuts when the file cannot be cut there alone, so c->cut may skip
** some.  `max` bounds a piece: a longer one fails with CT_ETOOBIG.
** CT_EIO ("FILE: changed while being read ...") when the file changed
** since it was planned. */
CT_API ct_status ct_stream_piece(const ct_plan *p, ct_invalid mode,
                                 const ct_abbrevs *ab, size_t max,
                                 ct_carry *c, ct_text **text,
                                 ct_clause **clauses, size_t *n,
                                 ct_error *err);

/* A new text: t's bytes followed by data[0..len), named as t and
** reporting offsets as t does (a piece keeps its file's), so that a
** clause of an earlier piece (a section heading, copied with its bytes)
** can be written with the clauses of a later one.  Plain text only
** (CT_EUSAGE for a text an HTML or PDF reader made); the bytes are
** checked as ct_text_from_buffer checks them. */
CT_API ct_status ct_text_extend(const ct_text *t, const void *data,
                                size_t len, ct_invalid mode, ct_text **out,
                                ct_error *err);

/* ---------------------------------------------------------------------
** Rule sets: the labels, rules and examples of Lua rule files
**
** A rule set is loaded once and is read-only afterwards: any number of
** engines (one per thread) can classify with it at the same time.
** ------------------------------------------------------------------- */

typedef struct ct_limits {
  unsigned long rule_budget;   /* VM instructions per `when` call */
  size_t rule_memory;          /* bytes per Lua state */
  size_t max_clause_bytes;     /* regexes see at most this much of a
                               ** clause, as one line: a run of white
                               ** space with a tab, line end or Unicode
                               ** space in it reads as one space */
  unsigned long match_limit;   /* PCRE2 steps per search, shared by its
                               ** start positions (an anchored pattern
                               ** has one); with rule_time_ms above 0 a
                               ** long search gives each more (rules.md,
                               ** "Fast patterns") */
  unsigned long rule_time_ms;  /* wall clock per `when` call, per rule
                               ** file load, and for the regex rules of
                               ** one clause together (read inside long
                               ** searches too); 0: none.  The backstop
                               ** for C work no count sees */
} ct_limits;

#define CT_DEFAULT_RULE_BUDGET 1000000UL
#define CT_DEFAULT_RULE_MEMORY ((size_t)64 << 20)
#define CT_DEFAULT_MAX_CLAUSE_BYTES ((size_t)8192)
#define CT_DEFAULT_MATCH_LIMIT 1000000UL
#define CT_DEFAULT_RULE_TIME_MS 5000UL

/* Rule weights lie within -CT_WEIGHT_MAX..CT_WEIGHT_MAX, thresholds within
** (0, CT_WEIGHT_MAX], and one rule adds at most CT_WEIGHT_MAX to a score
** (else the rule fails): every score is finite. */
#define CT_WEIGHT_MAX 1e6

/* Label names and rule ids: at most CT_NAME_MAX bytes of letters,
** combining marks, digits and _ . - : / + (checked when a file loads). */
#define CT_NAME_MAX 128

CT_API void ct_limits_default(ct_limits *lim);

typedef struct ct_ruleset ct_ruleset;

typedef struct ct_label_info {
  const char *name, *title, *description, *color;   /* NULL when not given */
  double threshold;                /* in effect: learned, else declared */
  double declared_threshold;       /* as written in the label {...} */
  int learned;                     /* threshold comes from weights {...} */
  double prior;                    /* the share of the training clauses
                                   ** that have the label (weights {
                                   ** priors }, clausetag train), or -1
                                   ** when none is known */
  const char *file;
  int line;
} ct_label_info;

/* Where a rule looks besides the clause's own text (`context`). */
typedef enum ct_context {
  CT_CONTEXT_NONE,      /* the clause itself */
  CT_CONTEXT_SECTION,   /* fires when the section heading has the label */
  CT_CONTEXT_PREVIOUS,  /* fires when the previous clause has the label */
  CT_CONTEXT_RECENT,    /* fires with the label's recent share
                        ** (ct_recent_share) */
  CT_CONTEXT_NEXT       /* fires when the next clause has the label (its
                        ** labels before any such rule ran), also on a
                        ** heading; weighed after every other rule, and
                        ** seen by none; a rule set with one classifies
                        ** whole documents only */
} ct_context;

/* A context's name as rule files write it ("section", "previous",
** "recent", "next"); NULL for CT_CONTEXT_NONE and unknown values. */
CT_API const char *ct_context_name(ct_context c);

/* Which clauses a rule applies to (`scope`). */
typedef enum ct_scope {
  CT_SCOPE_ALL,         /* every clause */
  CT_SCOPE_TITLE,       /* titles: headings, title-like lines */
  CT_SCOPE_BODY         /* everything but titles */
} ct_scope;

typedef struct ct_rule_info {
  const char *id, *description;
  size_t label;                    /* index into the labels */
  double weight;                   /* in effect: learned, else declared */
  double declared;                 /* as written in the rule {...} */
  int learned;                     /* weight comes from weights {...} */
  int words, regex, unless, when;  /* which matchers the rule has */
  int focus;                       /* fires with its label's evidence share */
  int vocabulary;                  /* its words are learned: weights {
                                   ** vocabulary = ...}, clausetag train */
  ct_context context;
  ct_scope scope;
  const char *file;
  int line;
} ct_rule_info;

typedef struct ct_example_info {
  const char *text;
  const size_t *labels;            /* label indexes, in declaration order */
  size_t nlabels;
  const char *file;
  int line;
} ct_example_info;

/* Loads rule files: each path a *.lua file or a directory (its *.lua files,
** sorted).  Every file is loaded and every error found, up to
** CT_DEFAULT_MAX_ERRORS (see ct_ruleset_load_with); err gets the first,
** "FILE:LINE:COL: what is wrong" (a syntax error, a duplicate rule id
** naming both places, an unknown key with the known one it is nearest
** to, an undeclared label, a regex that does not compile), and the
** status is that error's: CT_ESYNTAX, CT_ERULE when a file fails while
** running, CT_ELIMIT, CT_EIO.  `lim` may be NULL (defaults). */
CT_API ct_status ct_ruleset_load(const char *const *paths, size_t npaths,
                                 const ct_limits *lim, ct_ruleset **out,
                                 ct_error *err);

/* A problem found in rule files, as a compiler reports one. */
typedef enum ct_severity {
  CT_SEVERITY_ERROR,      /* the rule set does not load */
  CT_SEVERITY_WARNING     /* it loads, but something in it is likely wrong:
                          ** a label no rule scores for, or whose rules
                          ** cannot reach its threshold, a word written
                          ** as a pattern ('|', '\\', '?', '^'), a word
                          ** twice, a regex that matches the empty string
                          ** or has a piece matching only a tab, a line
                          ** end or a Unicode space (never there: a clause
                          ** reads to a regex as one line), an `unless`
                          ** that cancels every word of its rule */
} ct_severity;

typedef struct ct_diagnostic {
  ct_severity severity;
  ct_status status;       /* an error's kind; CT_OK for a warning */
  const char *file;       /* NULL: about no one file (a limit of the whole
                          ** rule set, too many errors) */
  int line, col;          /* 1-based, col in code points; 0: not known */
  const char *message;    /* what is wrong, without the place */
} ct_diagnostic;

typedef void ct_diagnostic_fn(void *ud, const ct_diagnostic *d);

/* One line for a person: "FILE:LINE:COL: MESSAGE" for an error,
** "FILE:LINE:COL: warning: MESSAGE" for a warning (FILE:LINE: or FILE:
** when the place is not known), "clausetag: MESSAGE" without a file.
** Cut to `size` bytes (at a character boundary). */
CT_API void ct_diagnostic_format(const ct_diagnostic *d, char *buf,
                                 size_t size);

/* What rule code passes to ct.log, with where it was called: "FILE:LINE:
** log: MESSAGE", and while a `when` runs " (rule 'ID' at FILE:LINE,
** clause DOC:LINE:COL)" after it.  One line, control characters as
** spaces. */
typedef void ct_log_fn(void *ud, const char *line);

/* Loading stops after this many errors. */
#define CT_DEFAULT_MAX_ERRORS 20

typedef struct ct_load_options {
  const ct_limits *limits;        /* NULL: the defaults */
  ct_diagnostic_fn *on_diagnostic; /* every error and warning, in the order
                                  ** found; NULL: only err's first error */
  void *ud;                       /* for on_diagnostic */
  size_t max_errors;              /* stop after this many; 0: the default */
  int warnings;                   /* also look for warnings (they never
                                  ** stop the load) */
  ct_log_fn *on_log;              /* ct.log at the top level of rule files
                                  ** while they load; NULL: ct.log does
                                  ** nothing */
  void *log_ud;
} ct_load_options;

/* ct_ruleset_load, reporting every error (and, with o->warnings, every
** warning) to o->on_diagnostic.  A file that fails at its top level
** (a syntax error, a runtime error) stops there, and the next file is
** loaded; a declaration with a mistake is reported with every mistake in
** it, and the file goes on.  A broken sandbox limit (instructions,
** memory, time) or running out of memory stops the whole load at once.
** Checks across files (undeclared labels, weights) are made only when
** every file ran to its end, so that one broken file does not make every
** other one look wrong.  Returns the status of the first error, or
** CT_OK (warnings do not fail the load).  `o` may be NULL. */
CT_API ct_status ct_ruleset_load_with(const char *const *paths, size_t npaths,
                                      const ct_load_options *o,
                                      ct_ruleset **out, ct_error *err);
CT_API void ct_ruleset_free(ct_ruleset *rs);

CT_API size_t ct_ruleset_nlabels(const ct_ruleset *rs);
CT_API const ct_label_info *ct_ruleset_label(const ct_ruleset *rs, size_t i);
CT_API size_t ct_ruleset_nrules(const ct_ruleset *rs);
CT_API const ct_rule_info *ct_ruleset_rule(const ct_ruleset *rs, size_t i);
/* The phrases of rule i: its `words`, then its `unless` list, each in
** the order of its rule file.  Phrase k as written there (NULL when i or k
** is out of range), *unless (if not NULL) set for an `unless` phrase. */
CT_API size_t ct_ruleset_rule_nphrases(const ct_ruleset *rs, size_t i);
CT_API const char *ct_ruleset_rule_phrase(const ct_ruleset *rs, size_t i,
                                          size_t k, int *unless);
CT_API size_t ct_ruleset_nexamples(const ct_ruleset *rs);
CT_API const ct_example_info *ct_ruleset_example(const ct_ruleset *rs,
                                                 size_t i);
/* The labels example i checks, into check[0..nlabels): those its own
** file declares or scores for with a rule, and those it names, so that
** files written apart can be tested together (a file of examples alone
** checks every label); with `exact`, every label. */
CT_API void ct_ruleset_example_checks(const ct_ruleset *rs, size_t i,
                                      int exact, unsigned char *check);
CT_API size_t ct_ruleset_nfiles(const ct_ruleset *rs);
CT_API const char *ct_ruleset_file(const ct_ruleset *rs, size_t i);

/* The shipped abbreviations plus every abbreviations{} of the rule files:
** pass it to ct_segment. */
CT_API const ct_abbrevs *ct_ruleset_abbrevs(const ct_ruleset *rs);

/* Adds an abbreviation file (--abbrev) to the rule set's list.  Call it
** before ct_engine_new: engines and segmenting read the list without a
** lock, so it must not change while either uses the rule set. */
CT_API ct_status ct_ruleset_add_abbrevs(ct_ruleset *rs, const char *path,
                                        ct_error *err);

/* Sets the weight of every rule (rule_w[0..nrules)) and the threshold of
** every label (thresholds[0..nlabels)) in effect, as a weights {...}
** declaration does; NULL for either leaves it as it is.  Weights must lie
** within -CT_WEIGHT_MAX..CT_WEIGHT_MAX and thresholds within
** (0, CT_WEIGHT_MAX] (else CT_EUSAGE).  For
** programs that learn weights: call it while no engine classifies with
** the rule set. */
CT_API ct_status ct_ruleset_set_weights(ct_ruleset *rs, const double *rule_w,
                                        const double *thresholds,
                                        ct_error *err);

/* Sets every label's prior (priors[0..nlabels), each from 0 to 1, or -1
** for none known; else CT_EUSAGE), as weights { priors = {...} } does;
** NULL: none known.
** Where the rule set knows its priors, a document starts as if a clause
** with the average labels came before it (ct_recent_start).  Call it
** while no engine classifies with the rule set. */
CT_API ct_status ct_ruleset_set_priors(ct_ruleset *rs, const double *priors,
                                       ct_error *err);

/* Writes what `clausetag rules -f FORMAT` writes for rs: "text", two
** aligned tables (labels: name, threshold, title; rules: id, label,
** weight, matchers, FILE:LINE), or "jsonl", one object per label, then
** per rule with its words.  Fails with CT_EUSAGE for another format,
** CT_ENOMEM, or CT_EIO ("write error: ...", errno left as the failed
** write set it). */
CT_API ct_status ct_ruleset_write_listing(const ct_ruleset *rs,
                                          const char *format, FILE *out,
                                          ct_error *err);

/* Writes the weights and thresholds in effect as a rule file that
** declares them (weights {...}), led by `comment` lines ("-- ..."; NULL
** for none). */
CT_API ct_status ct_ruleset_write_weights(const ct_ruleset *rs, FILE *out,
                                          const char *comment, ct_error *err);

/* ---------------------------------------------------------------------
** Engines: classification, one engine per thread
** ------------------------------------------------------------------- */

typedef struct ct_engine ct_engine;

/* An engine owns a sandboxed Lua state with the rule files loaded in it.
** The rule set must outlive it. */
CT_API ct_status ct_engine_new(const ct_ruleset *rs, ct_engine **out,
                               ct_error *err);
CT_API void ct_engine_free(ct_engine *e);

/* Without a handler, the first rule that fails at run time (an error, a
** broken limit, a bad return value) stops ct_engine_classify with
** CT_ERULE or CT_ELIMIT.  With one, each failure is passed to it and the
** rule counts as not firing on that clause (--keep-going). */
typedef void ct_rule_error_fn(void *ud, const ct_error *err);
CT_API void ct_engine_on_error(ct_engine *e, ct_rule_error_fn *fn, void *ud);

/* ct.log(...) in a `when` hands fn a line (see ct_log_fn) naming the
** rule and the clause; without a function (the default) ct.log returns
** at once, so rule files keep their ct.log calls at no cost. */
CT_API void ct_engine_on_log(ct_engine *e, ct_log_fn *fn, void *ud);

/* What the rules cost, for a profile (`clausetag profile`). */
typedef struct ct_rule_cost {
  double seconds;             /* wall clock in the rule's regex searches
                              ** and `when` calls */
  unsigned long when_calls;
} ct_rule_cost;

/* From now on the engine adds each rule's cost to costs[rule] (an array
** of ct_ruleset_nrules entries, the caller's); NULL stops.  Measuring
** reads the clock twice per clause for each rule with a regex or a
** `when`, so it is off unless asked for. */
CT_API void ct_engine_set_costs(ct_engine *e, ct_rule_cost *costs);

/* Whether the results carry their hits (the default) or only scores and
** labels: with keep 0, every ct_result's nhits is 0 and the scores and
** labels are the same as with hits.  Recording the hits, and finding the
** term that counts most in a vocabulary sum, is about 5% of classifying
** with the shipped rules, so a caller whose output shows no hits (see
** ct_writer_reads_hits) turns them off. */
CT_API void ct_engine_keep_hits(ct_engine *e, int keep);

typedef struct ct_hit {
  size_t rule;          /* index into the rules */
  size_t label;         /* the rule's label */
  double weight;        /* what the rule added to the label's score:
                        ** strength times the rule's weight */
  double strength;      /* how strongly it fired: 1 for words and regex;
                        ** a `when`'s number over the declared weight;
                        ** a focus rule's evidence share; a recent
                        ** rule's recent share (ct_recent_share) */
  size_t start, end;    /* input bytes that fired it (a `when`-only rule:
                        ** the whole clause) */
} ct_hit;

typedef struct ct_result {
  const double *scores;     /* one per label: sum of fired rules' weights */
  const unsigned char *has; /* one per label: 1 when score >= threshold */
  const ct_hit *hits;       /* in rule order */
  size_t nhits;
  const unsigned char *context_has;  /* the labels other clauses' context
                            ** rules read: `has` before any `context =
                            ** "next"` rule (`has` itself without one) */
} ct_result;

/* The results of classifying clauses: one ct_result per clause, in
** clause order.  The object owns the scores, labels and hits its results
** point to, which live until ct_results_free. */
typedef struct ct_results ct_results;

/* Classifies the clauses of one document in order (so a `when` sees the
** labels of the heading and the previous clause).  `doc_id` is what rules
** see as c.doc.id (NULL: none).  On success *out holds n results (none
** for n == 0), freed with ct_results_free. */
CT_API ct_status ct_engine_classify(ct_engine *e, const ct_text *t,
                                    const ct_clause *c, size_t n,
                                    const char *doc_id, ct_results **out,
                                    ct_error *err);

/* How many results r holds (the clauses classified); 0 for NULL. */
CT_API size_t ct_results_count(const ct_results *r);

/* Result i (0-based: clause c[i] of the call), or NULL when i is not
** below ct_results_count(r). */
CT_API const ct_result *ct_results_get(const ct_results *r, size_t i);

/* All results as one array of ct_results_count(r) entries, in clause
** order, so that ct_results_get(r, i) is &ct_results_array(r)[i]; NULL
** when there are none. */
CT_API const ct_result *ct_results_array(const ct_results *r);

/* Frees the results of one ct_engine_classify or ct_engine_classify_part
** call with everything they point to; NULL does nothing. */
CT_API void ct_results_free(ct_results *r);

/* Why result r, of a clause of text t classified with rs, has its
** labels, as `clausetag classify --explain` writes it under the clause:
** a line per hit in reading order (the labels given first, the largest
** weights first within a label), "    + RULE -> LABEL +W "MATCH"" (a
** rule without words or regex names its reason instead: "(when)",
** "(focus)", "(section)", ...), then "    = LABEL +SCORE >= THRESHOLD,
** ..." for every label with a score.  With `labels` (one flag per label
** of rs; NULL: all), only the hits and scores of the flagged labels, as
** `clausetag test` shows the labels an example got wrong.  With
** CT_EXPLAIN_SPANS a match is followed by its input bytes, " [START-END]"
** (ct_text_source_span).  "" when no rule fired for them (or r is NULL);
** NULL when out of memory.  Freed with ct_string_free. */
#define CT_EXPLAIN_SPANS 1u
CT_API char *ct_result_explain(const ct_ruleset *rs, const ct_text *t,
                               const ct_result *r,
                               const unsigned char *labels, unsigned flags);

/* A document can also be classified part by part, so that memory does
** not grow with its size (clausetag reads a large text file in pieces
** so).  A part is a run of the document's clauses, in order, with what
** the clauses before it left that context rules read: the labels of a
** section heading that lies before the part and of the clause just
** before it. */
typedef struct ct_part {
  size_t before;                     /* clauses of the document before the
                                     ** part: c[0].index == before + 1 */
  size_t heading;                    /* a heading before the part that its
                                     ** clauses name (c[i].heading), or 0 */
  const unsigned char *heading_has;  /* that heading's labels (ct_result
                                     ** .context_has), or NULL */
  const unsigned char *prev_has;     /* the labels of clause `before`
                                     ** (.context_has), or NULL when
                                     ** before == 0 */
  const double *recent;              /* what clauses 1..before left for
                                     ** `context = "recent"` (ct_recent_add),
                                     ** or NULL when before == 0 */
  size_t ahead;                      /* the last `ahead` clauses of c are
                                     ** the next part's first, given only
                                     ** to be looked ahead to (`context =
                                     ** "next"`) and not in the results;
                                     ** 0 when the part ends the document */
} ct_part;

/* `context = "recent"` reads how much of what came just before a clause
** had the rule's label: over the document's earlier clauses that are not
** titles, each counting half as much as the one after it, the share that
** had the label.  Its state is nlabels + 1 numbers: per label the
** weighted count of clauses with it, then the weighted count of all.
** ct_recent_start sets the state a document
** starts with: all 0, or, when the rule set knows its labels' priors
** (ct_label_info.prior), one clause with those shares, so that the first
** clauses lean as much as an average clause does.  ct_recent_add adds a
** classified clause (a title changes nothing), as the engine does after
** each clause; whoever classifies a document part by part keeps the
** state for ct_part.recent, adding each result's context_has. */
CT_API void ct_recent_start(const ct_ruleset *rs, double *recent);
CT_API void ct_recent_add(double *recent, size_t nlabels, const ct_clause *c,
                          const unsigned char *has);

/* The share of label l in a recent state, 0 for a share under 1% (a
** label last seen seven such clauses back or more). */
CT_API double ct_recent_share(const double *recent, size_t nlabels,
                              size_t l);

/* Classifies clauses c[0..n) of a part: their index and heading are the
** document's numbers, their offsets point into t (the part's text, which
** holds at least their bytes; hit offsets in the results point into it
** too).  Given the labels the earlier parts got, and with `context =
** "next"` rules the next part's first clause (ct_part.ahead, its bytes in
** t too), the results are those of the same clauses when the whole
** document is classified at once.  Only for rule sets without `when`
** (CT_EUSAGE otherwise): a `when` may look at any clause of the document
** and keep state from one to the next. */
CT_API ct_status ct_engine_classify_part(ct_engine *e, const ct_text *t,
                                         const ct_clause *c, size_t n,
                                         const char *doc_id,
                                         const ct_part *part,
                                         ct_results **out, ct_error *err);

/* ---------------------------------------------------------------------
** Policies: what a classified document must or must not hold
**
** The checks of `clausetag classify --require`, `--forbid` and
** `--fail-on-unlabeled`, for a program that gates on labels as the
** command line does.  A writer given policies checks every document it
** writes and reports the violations in the formats that have a place for
** them (sarif, junit, html).
** ------------------------------------------------------------------- */

typedef enum ct_policy_kind {
  CT_POLICY_REQUIRE,          /* some clause must have the label */
  CT_POLICY_FORBID,           /* no clause may have the label */
  CT_POLICY_UNLABELED         /* every clause must have a label */
} ct_policy_kind;

typedef struct ct_policy {
  ct_policy_kind kind;
  const char *label;          /* NULL for CT_POLICY_UNLABELED */
  size_t label_index;         /* into the rule set's labels: set by
                              ** ct_policies_resolve */
} ct_policy;

/* One broken policy on one document. */
typedef struct ct_violation {
  size_t policy;              /* index into the policies checked */
  size_t clause;              /* 1-based clause that broke it; 0: the
                              ** document as a whole (require) */
  const char *message;        /* "policy --require health: no clause
                              ** labelled health" */
} ct_violation;

/* Sets each policy's label_index from its label's name in rs.  Fails
** with CT_EUSAGE, "unknown label 'x' for --require (known labels: a, b
** and c)", for a label rs does not declare. */
CT_API ct_status ct_policies_resolve(ct_policy *p, size_t n,
                                     const ct_ruleset *rs, ct_error *err);

/* Checks resolved policies p[0..np) on a classified document, r the
** results of its clauses (NULL: a document without clauses): *out gets
** its violations, the document's own first (require), then clause by
** clause, in the order of p; *nout may be 0 (then *out is NULL).  Free
** them with ct_violations_free.  CT_OK or CT_ENOMEM. */
CT_API ct_status ct_policies_check(const ct_policy *p, size_t np,
                                   const ct_ruleset *rs, const ct_results *r,
                                   ct_violation **out, size_t *nout,
                                   ct_error *err);
CT_API void ct_violations_free(ct_violation *v, size_t n);

/* ---------------------------------------------------------------------
** Writers: results in every output format of the command line
**
** A writer turns documents into exactly the bytes `clausetag segment -f
** FORMAT` (no rule set) or `clausetag classify -f FORMAT` (with one)
** writes for them, in the order given.  Output is batched; the first
** write error is kept and returned by every later call.
** ------------------------------------------------------------------- */

typedef struct ct_writer ct_writer;

/* Writer flags (ct_writer_options.flags). */
#define CT_WRITE_EXPLAIN 1u   /* every rule hit (classify --explain) */
#define CT_WRITE_COLOR 2u     /* terminal colours (classify's text) */
#define CT_WRITE_PAGES 4u     /* a page column in tsv (the run reads PDFs) */
#define CT_WRITE_LABELS 8u    /* sarif: a note for every labelled clause too
                              ** (default: policy violations only) */
/* Selections, instead of the clauses (classify formats; at most one):
** what `classify -c`, `-l` and `-q` write.  With labels (see
** ct_writer_options) they look at the clauses with a selected label only,
** else at the clauses with any label. */
#define CT_WRITE_COUNT 16u    /* a line per document, its clauses per label:
                              ** text, or a header and rows with "tsv", an
                              ** object with "jsonl" */
#define CT_WRITE_NAMES 32u    /* the name of each document with a selected
                              ** clause, a line each ("text" only) */
#define CT_WRITE_QUIET 64u    /* nothing ("text" only) */

/* Where a writer's bytes go instead of a FILE: data[0..len) in order;
** returns 0, or an errno value when the bytes could not be written (the
** writer then fails with CT_EIO, "write error: <strerror>"). */
typedef int ct_write_fn(void *ud, const void *data, size_t len);

typedef struct ct_writer_options {
  const ct_ruleset *rules;    /* classify formats, for results from this
                              ** rule set; NULL: segment formats */
  unsigned flags;             /* CT_WRITE_* */
  const ct_policy *policies;  /* checked on every document (copied;
                              ** resolved by ct_writer_new); NULL: none */
  size_t npolicies;
  ct_write_fn *write;         /* with out NULL: the bytes go to it */
  void *write_ud;
  const char *const *labels;  /* `classify --label`: only the clauses with
                              ** one of these labels are written (in
                              ** "summary" formats: counted); NULL: all */
  size_t nlabels;
} ct_writer_options;

/* A writer of `format` to `out` (which stays the caller's, open until
** ct_writer_close; NULL: to o->write): with o->rules "text", "jsonl", "tsv", "sarif",
** "junit" or "html", without "text", "lines", "jsonl" or "tsv".  `o` may
** be NULL (segment formats, no flags).  Fails with CT_EUSAGE ("unknown
** format 'x' (known: text, lines, jsonl and tsv)", an unknown policy
** label, "unknown label 'x' for --label (known labels: a, b and c)",
** labels or a selection flag without a rule set, two selection flags,
** a selection the format does not write, labels with "sarif", "junit" or
** "html", which report every clause; neither out nor o->write) or
** CT_ENOMEM. */
CT_API ct_status ct_writer_new(const char *format, FILE *out,
                               const ct_writer_options *o, ct_writer **w,
                               ct_error *err);

/* Writes one document: its clauses c[0..n) and, for classify formats,
** their results (ct_engine_classify's for the same clauses; NULL when
** n == 0); segment formats take r == NULL.  Fails with CT_EUSAGE (a
** classify format without results for every clause), CT_EIO ("write
** error: ...") or CT_ENOMEM. */
CT_API ct_status ct_writer_write(ct_writer *w, const ct_text *t,
                                 const ct_clause *c, size_t n,
                                 const ct_results *r, ct_error *err);

/* What the caller knows of a document besides its clauses: what its
** record brought in a JSON Lines stream (`--input jsonl`) and where it
** was, and the violations of the writer's policies if the caller has
** checked them already.  Zeroed, it brings nothing. */
typedef struct ct_writer_doc {
  const char *id_json;      /* the record's "id" as JSON text, which the
                            ** JSON formats write instead of "file"; NULL:
                            ** none (an answer writes null) */
  const char *meta_json;    /* its "meta" object as JSON text, or NULL */
  size_t line;              /* its line in the stream (answers) */
  const char *errors;       /* what failed in it and was passed over
                            ** (`--keep-going`), a line each, or NULL */
  int checked;              /* nonzero: violations[0..nviolations) are
                            ** ct_policies_check's for the writer's
                            ** policies and these results, and the writer
                            ** does not check them again */
  const ct_violation *violations;
  size_t nviolations;
} ct_writer_doc;

/* ct_writer_write for a document of a stream: the same, with the
** record's id and meta in its JSON records (doc NULL: none). */
CT_API ct_status ct_writer_write_doc(ct_writer *w, const ct_text *t,
                                     const ct_clause *c, size_t n,
                                     const ct_results *r,
                                     const ct_writer_doc *doc, ct_error *err);

/* The stream contract of `--input jsonl -f jsonl`: every record is
** answered, after its clause records, by one closing record, so that a
** reader knows the answer is complete:
**   {"id":ID,"meta":M,"type":"document","line":N,"status":"ok",
**    "clauses":N,"labels":[...]}
** ("status":"partial" and "errors":[...] when doc->errors holds lines;
** "meta" only when there is one; "labels", the labels of at least one
** clause in declaration order, only with a rule set).  ct_writer_answer
** writes it for a document just written with its results r (n clauses;
** with labels selected, only the clauses written count);
** ct_writer_answer_error writes, for a record that could not be read or
** processed, {"id":ID,"meta":M,"type":"error","line":N,"status":"error",
** "error":"MESSAGE"}.  Both hand the record to the stream at once.
** CT_EIO or CT_ENOMEM. */
CT_API ct_status ct_writer_answer(ct_writer *w, const ct_writer_doc *doc,
                                  const ct_results *r, size_t n,
                                  ct_error *err);
CT_API ct_status ct_writer_answer_error(ct_writer *w,
                                        const ct_writer_doc *doc,
                                        const char *message, ct_error *err);

/* How many policy violations the documents written so far had (the
** command line's exit status 1). */
CT_API size_t ct_writer_violations(const ct_writer *w);

/* Ends the output (what wraps the whole run: SARIF's closing, an HTML
** report's summary), flushes it to the stream and frees the writer;
** CT_EIO when any write of the run failed.  NULL does nothing. */
CT_API ct_status ct_writer_close(ct_writer *w, ct_error *err);

/* The format names ct_writer_new takes with a rule set (classify
** nonzero: "text", "jsonl", "tsv", "sarif", "junit", "html", "summary",
** "summary-tsv") or without ("text", "lines", "jsonl", "tsv"), the
** command line's default first; NULL-ended and static. */
CT_API const char *const *ct_writer_formats(int classify);

/* Does w write each document apart from the others: nothing around or
** between documents but what it wrote when made (a tsv header), as
** "text", "lines", "jsonl" and "tsv" do, and -c (CT_WRITE_COUNT) with
** "text" does not?  Then documents can be formatted in parallel by forks
** and a document in parts (ct_writer_write_part). */
CT_API int ct_writer_apart(const ct_writer *w);

/* Does w read the hits of the results it writes (--explain, sarif's and
** summary's rule, html's marks)?  When it does not, the engine that
** classifies for it may drop them (ct_engine_keep_hits) for the same
** bytes, faster. */
CT_API int ct_writer_reads_hits(const ct_writer *w);

/* Parallel writing, for a writer that writes documents apart: a fork is
** a writer of w's format and settings (policies included) that keeps
** the bytes of the documents written to it: in memory up to 1 MiB, the
** rest in an unnamed temporary file in $TMPDIR, else /tmp (made mode
** 0600 and unlinked at once; when none can be made or written, in
** memory too), so that a fork's memory stays small whatever the size of
** its output; ct_writer_join
** then writes them to w's output as if w had written those documents,
** and adds its counts (clauses, violations) to w's.  Each thread writes
** to its own fork; forks are joined in the order their documents are to
** appear, from w's thread.  ct_writer_fork reads only w's settings, so it
** may be called from another thread while w is written.
** ct_writer_fork fails with CT_EUSAGE ("cannot fork a writer of format
** 'sarif': it does not write documents apart") or CT_ENOMEM.
** ct_writer_join frees the fork (ct_writer_close frees one unjoined,
** writing nothing), except when it fails with CT_EUSAGE ("cannot join a
** writer that is not a fork of this one"), and else fails like
** ct_writer_write: CT_EIO ("write error: ...", or "read error: temporary
** file: ..." for the fork's spilled bytes) or CT_ENOMEM. */
CT_API ct_status ct_writer_fork(const ct_writer *w, ct_writer **fork,
                                ct_error *err);
CT_API ct_status ct_writer_join(ct_writer *w, ct_writer *fork,
                                ct_error *err);

/* Writes part of a document: clauses c[0..n) of a piece that continues
** the document written before it (ct_stream_piece's clauses, with
** ct_engine_classify_part's results r for classify formats), exactly as
** writing the whole document writes them.  `heading` is the clause
** before c[0] that clauses of c name as their heading (.heading is its
** .index), with offsets into t (which holds its bytes too); NULL when
** none does.  Fails with CT_EUSAGE ("cannot write part of a document in
** format 'sarif': it does not write documents apart", "cannot write part
** of a document with policies: they look at whole documents", or results
** missing as for ct_writer_write), CT_EIO or CT_ENOMEM. */
CT_API ct_status ct_writer_write_part(ct_writer *w, const ct_text *t,
                                      const ct_clause *heading,
                                      const ct_clause *c, size_t n,
                                      const ct_results *r, ct_error *err);

/* ---------------------------------------------------------------------
** Escaping: strings as the writers write them
**
** For a program that writes its own records beside a writer's (the
** command line's profile and test reports, a --input jsonl id): the
** escapes the JSON, XML and text formats use, so that its bytes match
** theirs.
** ------------------------------------------------------------------- */

/* s[0..n) as a quoted JSON string, malloc'ed (free with ct_string_free):
** '"', '\\' and the C0 controls escaped, everything else literal UTF-8,
** an invalid UTF-8 sequence written as U+FFFD, a NUL byte as \u0000.
** NULL when out of memory. */
CT_API char *ct_json_quote(const char *s, size_t n);

/* s[0..n) as XML (and HTML) text or a quoted attribute value, malloc'ed
** (free with ct_string_free): & < > " ' as references, tab and line
** breaks as character references, an invalid UTF-8 sequence and what XML
** 1.0 cannot carry (other C0 controls, U+FFFE, U+FFFF) as U+FFFD.  NULL
** when out of memory. */
CT_API char *ct_xml_escape(const char *s, size_t n);

/* s[0..n) as one field of a text line or a TSV row (the text and tsv
** formats' file names, ids and titles): tabs and line breaks as spaces,
** the other C0 controls, DEL and the C1 controls as U+FFFD, so that text
** from a document, a rule file or a gold file cannot forge lines or drive
** a terminal.  Malloc'ed (free with ct_string_free); NULL when out of
** memory. */
CT_API char *ct_line_field(const char *s, size_t n);

/* "did you mean ...?": the name of names[0..n) (NULL-ended when n is
** (size_t)-1) nearest to `word`, when it is near enough for word to be
** a typo of it, else NULL.  The distance counts a character inserted,
** deleted, changed, or two neighbours swapped (ASCII case aside): at
** most 1 for a word of 3 or 4 characters, 2 up to 8, 3 beyond, none
** below 3.  Ties go to the first name.  What rule files' messages and
** the CLI's suggest ("unknown key 'wieght' (did you mean 'weight'?)"). */
CT_API const char *ct_suggest(const char *word, const char *const *names,
                              size_t n);

/* ---------------------------------------------------------------------
** Aligning the clauses of two versions of a document
**
** What `clausetag diff` pairs: given the clause texts of an old and a
** new version (white space collapsed, as ct_clause_text(t, c, 1) gives
** them), the steps that walk both in order, each a pair of clauses or a
** clause of one side alone.  Order is kept and every clause appears once;
** two clauses pair only when their similarity (ct_align_similarity, the
** Dice coefficient of their folded word sets; Korean, kana and CJK words
** as pairs of characters) reaches the threshold, and among the
** order-keeping alignments the one with the largest sum of similarities
** is chosen, an exact copy over a reworded one.  Between two pairs, the
** old side's clauses alone (dropped) come before the new side's (new).
** Time and memory stay linear however large the documents: unique
** identical texts are paired first, and each gap between them is searched
** over at most max_cells cells (near its diagonal when it is larger,
** reported in ct_align_stats.banded).  The same texts always give the
** same steps.
** ------------------------------------------------------------------- */

#define CT_ALIGN_NONE ((size_t)-1)

/* Defaults: pair clauses sharing at least half their words; 64 Mi cells
** (64 MiB of directions; a few seconds of work at most, reached by two
** 26 MB documents of repeated text, where no clause is unique). */
#define CT_ALIGN_THRESHOLD 0.5
#define CT_ALIGN_MAX_CELLS ((size_t)64 << 20)

typedef struct ct_align_options {
  double threshold;     /* 0 < threshold <= 1: the least similarity of a
                        ** pair */
  size_t max_cells;     /* the budget of the dynamic programme, > 0 */
} ct_align_options;

CT_API void ct_align_options_default(ct_align_options *o);

/* One step of the alignment: a pair, or a clause of one side alone. */
typedef struct ct_align_pair {
  size_t a, b;          /* indexes into a and b; CT_ALIGN_NONE: none */
  double similarity;    /* of a pair (1 for equal word sets); 0 alone */
  int exact;            /* a pair whose texts are byte for byte equal */
} ct_align_pair;

typedef struct ct_align_stats {
  size_t anchors;       /* pairs of unique identical texts found first */
  size_t cells;         /* cells of the dynamic programme */
  int banded;           /* a gap was too large and was searched in a band */
} ct_align_stats;

/* Aligns texts a[0..na) with b[0..nb) (UTF-8, NUL-terminated).  *out gets
** *nout steps (at most na + nb), freed with ct_align_free; o NULL: the
** defaults; stats may be NULL.  Fails only with CT_ENOMEM, or CT_EUSAGE
** for options out of range. */
CT_API ct_status ct_align(const char *const *a, size_t na,
                          const char *const *b, size_t nb,
                          const ct_align_options *o, ct_align_pair **out,
                          size_t *nout, ct_align_stats *stats,
                          ct_error *err);
CT_API void ct_align_free(ct_align_pair *steps);

/* The similarity of two texts, from 0 to 1 (1: the same words); two
** texts without words are 1 when equal, else 0.  -1 when out of memory. */
CT_API double ct_align_similarity(const char *x, const char *y);

/* ---------------------------------------------------------------------
** Reports of what a new version adds, drops and changes
**
** The reports of `clausetag diff`, label by label, for two classified
** versions and their alignment (ct_align).  Each step is new (a clause
** of the new version alone), dropped (of the old version alone),
** unchanged (a pair with the same collapsed text and the same labels) or
** changed; it belongs to the section of every label either side has, and
** to "(no label)" when neither has one.  The same input gives the same
** bytes.
** ------------------------------------------------------------------- */

/* One side of the comparison, classified. */
typedef struct ct_diff_doc {
  const char *name;            /* what the report calls it */
  const ct_text *text;
  const ct_clause *clauses;
  const ct_result *results;    /* one per clause (ct_results_array);
                               ** NULL when n == 0 */
  const char *const *texts;    /* each clause's text as ct_align took it,
                               ** ct_clause_text(text, &clauses[i], 1) */
  size_t n;
} ct_diff_doc;

typedef struct ct_diff {
  const ct_ruleset *rs;        /* the rule set both were classified with */
  ct_diff_doc old_doc, new_doc;
  const ct_align_pair *steps;  /* ct_align(old texts, new texts) */
  size_t nsteps;
} ct_diff;

/* ct_diff_write flag: list unchanged steps too in the text report
** (`clausetag diff --all`). */
#define CT_DIFF_LIST_UNCHANGED 1u

/* The report of d in `format`, exactly what `clausetag diff -f FORMAT`
** writes: "text" (the totals, then per label a line of counts and its
** steps: + new, - dropped, ~ changed), "jsonl" (an object per step) or
** "html" (one self-contained page).  *out gets *len bytes, NUL-terminated
** and malloc'ed (free with ct_string_free).  Fails with CT_EUSAGE,
** "unknown format 'x' (known: text, jsonl and html)", or CT_ENOMEM. */
CT_API ct_status ct_diff_write(const char *format, const ct_diff *d,
                               unsigned flags, char **out, size_t *len,
                               ct_error *err);

/* The steps of d that are not unchanged: 0 when the versions say the
** same (`clausetag diff` exits 0, else 1). */
CT_API size_t ct_diff_differences(const ct_diff *d);

/* ---------------------------------------------------------------------
** Learning weights from labelled clauses
**
** A label's score is the sum of strength times weight over the rules that
** fire (ct_hit), and the label is given when the score reaches the
** threshold.  ct_train fits every rule's weight and every label's
** threshold to labelled documents: per label, a logistic regression of
** "the clause has the label" on the strengths of the label's rules,
** P = 1 / (1 + exp(-4 (score - threshold))), with the weights pulled
** toward the declared ones (so a rule the data says little about keeps
** its declared weight).  Context rules see the labels of the clauses
** before them, which depend on the weights: each round classifies with
** the weights of the round before and fits again.
** ------------------------------------------------------------------- */

typedef struct ct_labelled {
  const ct_text *text;
  const ct_clause *clauses;        /* the document's clauses, in order */
  size_t n;
  const unsigned char *gold;       /* n * nlabels: 1 where the clause has
                                   ** the label, in rule-set label order */
  const double *weight;            /* n * nlabels: how much each clause
                                   ** counts for each label (0: not at
                                   ** all; a rule file's example counts
                                   ** only for the labels it checks); NULL:
                                   ** 1 everywhere */
} ct_labelled;

typedef struct ct_train_options {
  double l2;              /* pull toward the declared weights, per unit of
                          ** squared difference (default 1) */
  unsigned rounds;        /* classify-and-fit rounds (default 2) */
  int f1_thresholds;      /* 1 (default): each threshold is then moved to
                          ** where F1 on the training clauses is highest;
                          ** 0: where the fitted probability is 1/2 */
  double vocabulary_l2;   /* vocabulary rules: pull of each term's weight
                          ** toward 0, divided by the clauses that hold
                          ** the term (default 5) */
} ct_train_options;

CT_API void ct_train_options_default(ct_train_options *o);

/* Fits the weights and thresholds to docs[0..ndocs) and sets them in rs
** (ct_ruleset_set_weights), starting from the declared ones whatever is in
** effect, and each label's prior, its share of the clauses that are not
** titles (ct_ruleset_set_priors); then the terms of the vocabulary
** rules (`vocabulary = true`), to what the others leave.  Learned values
** are rounded to 4 decimals.  No engine may be classifying with rs
** meanwhile.  A failing rule fails training (its
** message names the rule and clause). */
CT_API ct_status ct_train(ct_ruleset *rs, const ct_labelled *docs,
                          size_t ndocs, const ct_train_options *o,
                          ct_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CLAUSETAG_H */
