-- A rule set whose hand weights are wrong: "maritime" is written as strong
-- evidence for fisheries, but in the labelled documents it is as common in
-- clauses about navies as in clauses about fish; "fish stocks" is the
-- real sign.  clausetag train learns that from the gold files here.
label "fisheries" { threshold = 1.0 }
label "navy" { threshold = 1.0 }

rule "fisheries.stocks" { label = "fisheries", words = { "fish stocks", "catch limits" }, weight = 0.6 }
rule "fisheries.maritime" { label = "fisheries", words = { "maritime" }, weight = 1.0 }
rule "navy.ships" { label = "navy", words = { "warship*", "navy", "naval" }, weight = 1.0 }
