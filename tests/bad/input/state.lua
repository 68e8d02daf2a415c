-- Rule code that tries to make output depend on -j or on the run: a
-- global and an upvalue carried from one document to the next, the
-- math.random sequence, tostring of a table and the order of next.
-- Its score encodes all four, so any difference shows in the output.
label "x" {}
seen = 0
local calls = 0
rule "x.state" { label = "x", when = function(c)
  seen = seen + 1
  calls = calls + 1
  local t, order = {}, {}
  for i = 1, 8 do t[{}] = i; t["k" .. i] = i end
  for _, v in pairs(t) do order[#order + 1] = v end
  local addr = tostring({}):byte(-1) + #tostring({})
  return seen * 10000 + calls * 1000 + math.random(99) * 10 + order[1]
         + addr / 100
end }
