label "x" {}
rule "x.one" { label = "x", words = {"climate"} }
weights { rules = { ["x.one"] = 2e6 } }
