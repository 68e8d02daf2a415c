label "x" {}
rule "x.has" { label = "x", when = function(c)
  return c:has(string.rep("climate ", 200))
end }
