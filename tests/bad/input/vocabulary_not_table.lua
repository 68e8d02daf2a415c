label "x" {}
rule "x.learned" { label = "x", vocabulary = true }
weights { vocabulary = { ["x.learned"] = 0.5 } }
weights { vocabulary = "all" }
