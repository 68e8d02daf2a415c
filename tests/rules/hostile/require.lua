label "x" {}
rule "x.attack" { label = "x", when = function(c)
  require("os") return true
end }
