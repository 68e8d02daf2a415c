-- A rule set whose words are too few: "fish stocks" and "catch limits"
-- are about fisheries and "navy" about navies, but the labelled documents
-- also speak of trawlers, tuna and quotas, of destroyers and sailors.
-- The vocabulary rules learn those words from the gold files here
-- (docs/rules.md, "Learned vocabulary").
label "fisheries" {}
label "navy" {}

rule "fisheries.stocks" { label = "fisheries", words = { "fish stocks", "catch limits" } }
rule "navy.ships" { label = "navy", words = { "navy", "naval", "warship*" } }
rule "fisheries.learned" { label = "fisheries", vocabulary = true }
rule "navy.learned" { label = "navy", vocabulary = true }
