/*
** rules_out.h -- `clausetag rules`: a rule set's labels and rules, as an
** aligned table for people or JSON Lines for scripts.
*/
#ifndef CT_RULES_OUT_H
#define CT_RULES_OUT_H

#include "core/buf.h"

/* Two tables: LABEL THRESHOLD TITLE, then RULE LABEL WEIGHT MATCHERS
** FILE:LINE, each with a header line and columns padded to line up. */
ct_status ct_rules_list_text(ct_buf *b, const ct_ruleset *rs);

/* One object per label ("type":"label"), then one per rule
** ("type":"rule"), in declaration order. */
ct_status ct_rules_list_jsonl(ct_buf *b, const ct_ruleset *rs);

#endif
