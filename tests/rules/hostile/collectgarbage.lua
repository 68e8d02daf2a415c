label "x" {}
rule "x.attack" { label = "x", when = function(c)
  collectgarbage("stop") return true
end }
