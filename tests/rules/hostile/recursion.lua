label "x" {}
rule "x.attack" { label = "x", when = function(c)
  local function f(n) return 1 + f(n + 1) end return f(1) > 0
end }
