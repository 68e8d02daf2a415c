label "x" {}
rule "x.nan" { label = "x", weight = 0/0, words = {"climate"} }
