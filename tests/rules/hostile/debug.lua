label "x" {}
rule "x.attack" { label = "x", when = function(c)
  debug.sethook() return true
end }
