label "x" {}
rule "x.attack" { label = "x", when = function(c)
  return "yes"
end }
