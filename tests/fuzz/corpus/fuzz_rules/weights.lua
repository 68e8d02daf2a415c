label "a" {}
label "b" { threshold = 2 }
rule "a.one" { label = "a", words = "alpha" }
rule "b.one" { label = "b", words = "beta", weight = 0.5 }
weights { rules = { ["a.one"] = 0.25 }, thresholds = { b = 0.5 } }
