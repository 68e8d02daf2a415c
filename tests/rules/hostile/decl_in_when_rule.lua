-- Calls rule from a when function: a declaration made after loading.
label "a" {}
rule "r" { label = "a", when = function(c) rule "x" { label = "a", words = {"y"} } return 1 end }
