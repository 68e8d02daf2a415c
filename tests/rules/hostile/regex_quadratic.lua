label "x" {}
rule "x.quadratic" { label = "x", regex = [[(?=.*abcd)]] }
