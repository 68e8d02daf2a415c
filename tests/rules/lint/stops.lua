-- The first mistake at the top level stops this file; the next file
-- still loads and reports its own.
label "s" {}
rule "s.a" { label = "s", words = { "a" }, wieght = 1 }
local x = nil
x.field = 1
rule "s.b" { label = "s", words = { "b" }, wieght = 1 }
