label "x" {}
rule "x.has" { label = "x", when = function(c)
  return c.text ~= "" and c:has()
end }
