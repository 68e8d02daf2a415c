label "x" {}
rule "x.attack" { label = "x", when = function(c)
  while true do end
end }
