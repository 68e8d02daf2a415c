label "x" {}
rule "x.\27[2J\27[31mred" { label = "x", words = {"climate"} }
