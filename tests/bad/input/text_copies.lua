-- holding copies of the clause text
label "x" {}
local keep = {}
rule "x.copies" { label = "x", when = function(c)
  while true do keep[#keep + 1] = c.text end
end }
