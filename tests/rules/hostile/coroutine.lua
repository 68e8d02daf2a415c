label "x" {}
rule "x.attack" { label = "x", when = function(c)
  coroutine.wrap(function() while true do end end)() return true
end }
