-- r:find on a 16 MB subject
label "x" {}
local r = ct.re("z")
local s = string.rep("a", 16 * 1024 * 1024)
rule "x.find" { label = "x", when = function(c)
  return r:find(s) ~= nil
end }
