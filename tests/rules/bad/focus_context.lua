label "a" {}
rule "a.x" { label = "a", focus = true, context = "section" }
