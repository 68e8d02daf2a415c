-- Gaps in patterns that PCRE2 tries at one start position: anchored at
-- the clause's start (^, \A), or beginning with .* or (?m)^ on a clause
-- of one line.  That position gets the whole match limit, so the gaps
-- run on long clauses even without a clock (e2e
-- rule_regex_one_position_gaps, which runs with --rule-time 0; a gap
-- tried at every position: bad regex_gap_no_clock).
label "caret" {}
label "start" {}
label "leading" {}
label "lines" {}
label "found" {}

rule "caret.gap" { label = "caret", regex = [[^the alliance\b.*?\bcornerstone]] }
rule "start.gap" {
  label = "start", regex = [[\A\W*the\b.{0,9000}?\bcornerstone\b]]
}
rule "leading.gap" { label = "leading", regex = [[.*\balliance\b.*cornerstone]] }
rule "lines.gap" { label = "lines", regex = [[(?m)^.*?\bcornerstone]] }

rule "found.gap" {
  label = "found",
  when = function(c) return c:find("^the alliance.*?cornerstone") ~= nil end
}
