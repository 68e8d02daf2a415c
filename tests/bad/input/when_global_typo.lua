label "x" {}
rule "x.len" { label = "x", when = function(c)
  return striing.len(c.text) > 10
end }
