label "x" {}
rule "x.tab\tcol" { label = "x", words = {"climate"} }
