/*
** breaks.h -- the part of a regex that can never match in a clause.
**
** A clause reads to a regex as one line (subject.h): every run of white
** space but ASCII spaces alone is one space, so no tab, line end,
** no-break or other Unicode space is left in it.  A pattern piece that
** matches only such characters never matches there, and a rule written
** for text as it was (`\r?\n`, `[\r\n]+`, `\x{a0}`) should hear so from
** `clausetag lint`.
**
** The reader knows PCRE2's syntax as far as that needs: escapes that name
** one character (\n \r \t \f \xhh \x{h..} \0oo \o{o..} \cX \N{U+h..}) and
** the classes \v and \R; a literal character in the pattern; a bracket
** class whose every member is one of these (`[\r\n]`, not `[ \t]`, which
** still matches a space, nor `[^\n]`); \Q...\E, (?#...) and comments;
** and the x option, under which literal white space outside a class is
** layout, not a character (scoped by groups as PCRE2 scopes it).  A
** pattern it does not follow is read as far as it can; it may miss a
** piece, never report one that can match.
*/
#ifndef CT_BREAKS_H
#define CT_BREAKS_H

#include <stddef.h>

/* The first piece of `pattern` (one PCRE2 accepted) that can only match
** white space a clause never holds for a regex, named in out for a
** message: as it is spelled, in quotes (`'\r'`, `'[\r\n]'`, cut with
** "..." to fit n bytes with the NUL), or as "the character U+0009" when
** the pattern holds the character itself.  NULL when there is none (or
** n is below 24). */
const char *ct_regex_break(const char *pattern, char *out, size_t n);

#endif
