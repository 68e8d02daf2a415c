/*
** input.h -- readers of documents that are not plain text.
**
** Each reader turns the bytes of one document into a ct_text whose data
** is the text a person reads and whose source map (text/srcmap.h) leads
** every extracted byte back to where it came from, so clauses, hits,
** lines and columns are reported in the source.  A reader never prints,
** never exits, holds nothing between calls, and fails with a status and
** a message that names the document (and the page or line where it
** can): bad input costs only itself.
**
**   html.c  libxml2's HTML parser, driven as SAX; structure (headings,
**           list items with their depth, paragraphs, line breaks) passed
**           on as blocks; page furniture and hidden elements dropped
**   pdf.c   poppler's text layer, page by page; running heads, page
**           numbers and repeated footers dropped, hyphenation at line
**           ends undone, paragraphs from the vertical gaps between lines
**
** The public entry points (ct_text_read_format, ct_text_from_format) are
** in read.c and documented in clausetag.h.
*/
#ifndef CT_INPUT_H
#define CT_INPUT_H

#include <stdint.h>
#include "clausetag.h"

/* Can code point cp be part of a note reference (a superscript "1",
** "3-5", "1,2", "*", a dagger, "§"), which both readers leave out of the
** text when the page marks it as a superscript? */
static inline int ct_note_char(int32_t cp) {
  return (cp >= '0' && cp <= '9') || cp == '*' || cp == ',' || cp == '-' ||
         cp == 0x2013 || cp == 0x2020 || cp == 0x2021 || cp == 0xA7;
}

/* The text of the HTML page `src` (its bytes checked as a text file's
** are); src is taken whatever happens. */
ct_status ct_html_extract(ct_text *src, ct_text **out, ct_error *err);

/* The text layer of the PDF in data[0..len), named `name`, of at most
** max_bytes of text. */
ct_status ct_pdf_extract(const char *name, const void *data, size_t len,
                         size_t max_bytes, ct_text **out, ct_error *err);

#endif
