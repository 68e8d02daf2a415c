label "x" {}

-- the rule fails on every clause: the example's run is an error, not a
-- failure, and the message names the example's line as the clause
rule "x.fail" { label = "x", when = function(c) error("kaboom") end }

example { "Some text.", labels = {} }
example { "More text.", labels = {} }
