label "x" {}
rule "x.big" { label = "x", weight = 1e300, words = {"climate"} }
