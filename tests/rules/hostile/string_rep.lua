label "x" {}
rule "x.attack" { label = "x", when = function(c)
  return #string.rep("x", 2^31) > 0
end }
