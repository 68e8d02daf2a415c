label "x" {}
rule "x.learned" { label = "x", vocabulary = true }
weights { vocabulary = { ["x.learned"] = 0.5 } }
weights { vocabulary = "all" }
weights { vocabulary = { [1] = { ["a"] = 1 }, ["x.learned"] = { [2] = 0.5, ["ok"] = 0.25 } } }
