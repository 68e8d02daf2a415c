label "x" {}
rule "x.r" { label = "x", when = function(c)
  local ok = pcall(function() return c:find("^(a+)+$") end)
  return true
end }
