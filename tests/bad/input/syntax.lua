label "x" {}
rule "x.one" { label = "x", words = {"climate"}
