-- Calls example from a when function: a declaration made after loading.
label "a" {}
rule "r" { label = "a", when = function(c) example { "t", labels = {} } return 1 end }
