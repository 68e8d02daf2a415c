-- fifteen lookaheads that each scan the rest of the subject: one
-- backtracking step reads up to 64 KiB, so the match limit is scaled
-- down with the subject's length
label "x" {}
local a = {}
for i = 1, 15 do a[#a + 1] = "(?=[^z]*+z" .. i .. ")" end
local r = ct.re(".(?:" .. table.concat(a, "|") .. ")")
rule "x.scan" { label = "x", when = function(c)
  return r:find(("a"):rep(65000)) ~= nil
end }
