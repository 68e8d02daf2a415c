label "x" {}
rule "x.learned" { label = "x", vocabulary = true, words = { "climate" } }
