-- r:find on a 16 MB subject (needs --rule-budget 2000000 to build: 32 MiB charged as allocated)
label "x" {}
local r = ct.re("z")
local s = string.rep("a", 16 * 1024 * 1024)
rule "x.find" { label = "x", when = function(c)
  return r:find(s) ~= nil
end }
