label "x" {}
rule "x.a" { label = "x", when = function(c) return 1e308 end }
rule "x.b" { label = "x", when = function(c) return 1e308 end }
