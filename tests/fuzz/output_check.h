/*
** output_check.h -- one document through every output format, as the
** fuzz targets check it (fuzz_classify, fuzz_jsonl).
*/
#ifndef CT_FUZZ_OUTPUT_CHECK_H
#define CT_FUZZ_OUTPUT_CHECK_H

#include "clausetag.h"
#include "output/writer.h"

/* Writes the document (text t, clauses c[0..n), what doc says) through
** every format of `table` (ct_segment_formats, or ct_classify_formats
** with rs and doc->results) into memory, with --explain and, when rs is
** given, a --fail-on-unlabeled policy.  Aborts (FUZZ_FAIL) unless every
** format succeeds, the structured ones (jsonl, sarif, junit, html) write
** valid UTF-8, the jsonl format writes one JSON object per clause,
** each with its clause number, start, end, exact text and the record's
** id, and the sarif format one JSON document. */
void fz_check_output(const ct_format *const *table, const ct_ruleset *rs,
                     const ct_text *t, const ct_clause *c, size_t n,
                     const ct_docinfo *doc);

#endif
