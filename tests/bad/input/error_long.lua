label "x" {}
rule "x.long" { label = "x", when = function(c)
  error(string.rep("é", 2000))
end }
