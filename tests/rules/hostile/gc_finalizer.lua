label "x" {}
rule "x.attack" { label = "x", when = function(c)
  setmetatable({}, { __gc = function() while true do end end }) return true
end }
