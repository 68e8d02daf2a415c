-- one r:find of fifteen lookaheads over 16,000 bytes: a second or two of
-- work within the match limit, stopped by --rule-time between the
-- windows of the search
label "x" {}
local a = {}
for i = 1, 15 do a[#a + 1] = "(?=[^z]*+z" .. i .. ")" end
local r = ct.re(".(?:" .. table.concat(a, "|") .. ")")
rule "x.time" { label = "x", when = function(c)
  return r:find(("a"):rep(16000)) ~= nil
end }
