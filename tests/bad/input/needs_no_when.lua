label "x" {}
rule "x.needs" { label = "x", context = "section", needs = { "energy" } }
