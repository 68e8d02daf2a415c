label "x" {}
rule "x.attack" { label = "x", when = function(c)
  while true do pcall(function() while true do end end) end
end }
