label "a" {}
rule "a.x" { label = "a", words = "x", scope = "titles" }
