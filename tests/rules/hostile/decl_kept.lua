-- Keeps the rule function in a local and calls it from a when function.
label "a" {}
local r = rule
rule "r" { label = "a", when = function(c) r "z" { label = "a", words = "q" } end }
