label "x" {}
rule "x.attack" { label = "x", when = function(c)
  return string.match(string.rep("a", 350), ".-.-.-b") ~= nil
end }
