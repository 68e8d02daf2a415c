-- The rule set of rules.lua with examples of its own.  The first says
-- "maritime" alone (a maritime fisheries agency) is fisheries, which the
-- labelled documents, where "maritime" is as often naval, do not teach:
-- train names it when the learned weights break it (e2e train_examples).
label "fisheries" { threshold = 1.0 }
label "navy" { threshold = 1.0 }

rule "fisheries.stocks" { label = "fisheries", words = { "fish stocks", "catch limits" }, weight = 0.6 }
rule "fisheries.maritime" { label = "fisheries", words = { "maritime" }, weight = 1.0 }
rule "navy.ships" { label = "navy", words = { "warship*", "navy", "naval" }, weight = 1.0 }

example { "The Maritime Fisheries Agency opened an office.", labels = { "fisheries" } }
example { "Two warships visited the port.", labels = { "navy" } }
