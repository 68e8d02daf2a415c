label "x" {}
rule "x.attack" { label = "x", when = function(c)
  load(string.dump(function() return 1 end)) return true
end }
