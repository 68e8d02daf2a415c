label "l" {}
rule "l.when" { label = "l", when = function(c) ct.log("saw", c.text) return true end }
example { "Anything.", labels = { "l" } }
