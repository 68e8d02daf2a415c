label "x" {}
rule "x.attack" { label = "x", when = function(c)
  return #string.rep("x", 2^27) > 0
end }
