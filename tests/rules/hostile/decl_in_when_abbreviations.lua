-- Calls abbreviations from a when function: a declaration made after loading.
label "a" {}
rule "r" { label = "a", when = function(c) abbreviations { "Amb." } return 1 end }
