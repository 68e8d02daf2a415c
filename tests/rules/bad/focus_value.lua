label "a" {}
rule "a.x" { label = "a", focus = "yes" }
