label "x" {}
rule "x.catastrophic" { label = "x", regex = [[^(a+)+$]] }
