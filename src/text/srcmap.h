/*
** srcmap.h -- documents whose text was extracted from a source.
**
** A reader (src/input/) appends the text a person reads piece by piece,
** each piece with the range of source bytes it came from, and marks the
** structure it knows (headings, list items with their depth, paragraphs,
** pages).  ct_srcmap_finish turns that into an ordinary ct_text whose
** data is the extracted text, so the segmenter and the rule engine work
** on it unchanged, and whose src is the source, so every offset can be
** reported where it came from.
**
** The map is a list of runs in text order.  A run either copies its
** source byte for byte (text length == source length: a position inside
** maps to the same position inside) or stands for it as a whole (an
** entity, a run of white space collapsed to one space, a hyphen and line
** break taken out): a range that starts inside it starts at its source
** start, a range that ends inside it ends at its source end.  Pieces come
** in source order, so the map is monotonic: a later byte of text never
** maps before an earlier one.  Bytes the reader adds that are in no
** source (the line breaks between blocks) are runs of source length 0.
*/
#ifndef CT_SRCMAP_H
#define CT_SRCMAP_H

#include "core/buf.h"
#include "text/text.h"

typedef struct ct_srcrun {
  size_t text, tlen;   /* extracted bytes [text, text + tlen) */
  size_t src, slen;    /* came from source bytes [src, src + slen) */
} ct_srcrun;

/* What a reader knows of a block of text (segment.c cuts it further). */
typedef enum ct_block_kind {
  CT_BLOCK_PARAGRAPH,  /* sentences; a line break ends one only where
                       ** the line before has no final punctuation */
  CT_BLOCK_HEADING,    /* one heading clause, however long */
  CT_BLOCK_ITEM        /* a list item: bullet sentences at `depth` */
} ct_block_kind;

typedef struct ct_block {
  size_t start, end;   /* extracted bytes */
  ct_block_kind kind;
  int depth;           /* list nesting of an item, from 1 */
} ct_block;

typedef struct ct_srcmap {
  ct_buf text;
  ct_srcrun *runs;
  size_t nruns, rcap;
  ct_block *blocks;    /* with use_blocks, in order; the last may be open */
  size_t nblocks, bcap;
  int open;            /* the last block is still taking text */
  size_t *pages;       /* source offsets where pages start */
  size_t npages, pcap;
  size_t *lows;        /* the text's length after each trim or truncation
                       ** that shortened it, kept to the end: a mark reads
                       ** those after it (ct_srcmap_truncate) */
  size_t nlows, lowcap;
  size_t block_lows;   /* nlows when the open block began */
  int oom;             /* sticky: an append ran out of memory */
} ct_srcmap;

/* Appends n bytes of text that came from source [src, src + slen). */
void ct_srcmap_add(ct_srcmap *m, const char *s, size_t n, size_t src,
                   size_t slen);

/* One space for white space at source [src, src + slen), unless the text
** is empty or already ends in white space (as a browser collapses it). */
void ct_srcmap_space(ct_srcmap *m, size_t src, size_t slen);

/* Ends the line (newlines = 1) or the block (2) at source offset src: the
** text then ends with that many '\n', white space before them dropped.
** Nothing at the start of the text. */
void ct_srcmap_break(ct_srcmap *m, size_t src, int newlines);

/* Opens a block of kind/depth at the end of the text (closing the open
** one); ct_srcmap_end_block closes it.  Empty blocks are dropped. */
void ct_srcmap_block(ct_srcmap *m, ct_block_kind kind, int depth);
void ct_srcmap_end_block(ct_srcmap *m);

/* A point of the map to go back to: for what a reader knows is not text
** only once it has read all of it (a row of links, furniture named by a
** class).  Text, runs and blocks after the mark go; a block open at the
** mark is open again.  ct_srcmap_drop_block takes the open block out. */
typedef struct ct_srcmark {
  size_t text, nblocks, nlows;
  int open;
} ct_srcmark;

void ct_srcmap_mark(const ct_srcmap *m, ct_srcmark *k);
void ct_srcmap_truncate(ct_srcmap *m, const ct_srcmark *k);
void ct_srcmap_drop_block(ct_srcmap *m);

/* A page starts at source offset src. */
void ct_srcmap_page(ct_srcmap *m, size_t src);

/* The ct_text of the extracted text, named like src, mapped to src and
** owning it (src is taken whatever happens); m is emptied. */
ct_status ct_srcmap_finish(ct_srcmap *m, ct_text *src, ct_input_format f,
                           ct_text **out, ct_error *err);

void ct_srcmap_free(ct_srcmap *m);

/* The source offset where extracted byte `off` starts (off == the text's
** length: the end of the source). */
size_t ct_srcmap_start(const ct_text *t, size_t off);

#endif
