label "x" {}
rule "x.h" { label = "x", when = function(c) return c:has("a*b") end }
