label "a" {}
rule "a.x" { label = "a", context = "above", weight = 0.5 }
