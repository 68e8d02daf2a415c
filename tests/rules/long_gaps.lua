-- Gaps between two words that backtrack, a step for every character
-- tried: under --rule-time they run on clauses of any length
-- (e2e rule_regex_long_gaps; without a clock, bad regex_gap_no_clock).
label "lazy" {}
label "bounded" {}
label "greedy" {}
label "found" {}

rule "lazy.gap" { label = "lazy", regex = [[alliance.*?cornerstone]] }
rule "bounded.gap" {
  label = "bounded", regex = [[alliance[^.]{0,100}?cornerstone]]
}
rule "greedy.gap" {
  label = "greedy", regex = [[\balliance\b.{0,200}\bcornerstone\b]]
}

rule "found.gap" {
  label = "found",
  when = function(c) return c:find("alliance.*?cornerstone") ~= nil end
}
