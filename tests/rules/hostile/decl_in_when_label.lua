-- Calls label from a when function: a declaration made after loading.
label "a" {}
rule "r" { label = "a", when = function(c) label "b" {} return 1 end }
