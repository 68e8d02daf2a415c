-- Calls weights from a when function: a declaration made after loading.
label "a" {}
rule "r" { label = "a", when = function(c) weights { rules = { r = 2 } } return 1 end }
