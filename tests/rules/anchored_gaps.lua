-- Gaps in patterns anchored at the clause's start (^ or \A): PCRE2 tries
-- them at one start position, which gets the whole match limit, so they
-- run on long clauses even without a clock (e2e rule_regex_anchored_gaps,
-- which runs with --rule-time 0; unanchored, bad regex_gap_no_clock).
label "caret" {}
label "start" {}
label "found" {}

rule "caret.gap" { label = "caret", regex = [[^the alliance\b.*?\bcornerstone]] }
rule "start.gap" {
  label = "start", regex = [[\A\W*the\b.{0,9000}?\bcornerstone\b]]
}

rule "found.gap" {
  label = "found",
  when = function(c) return c:find("^the alliance.*?cornerstone") ~= nil end
}
