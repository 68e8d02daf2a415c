label "x" {}
rule "x.attack" { label = "x", when = function(c)
  local t, i = {}, 0 while true do i = i + 1 t[i] = ("x"):rep(64) .. i end
end }
