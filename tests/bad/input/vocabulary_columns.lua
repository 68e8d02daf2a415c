-- 20,000 vocabulary rules and 5,000 terms: 20,000 * 5,000 weights would
-- take 800 MB outside the Lua state; the rule memory limit stops it.
label "x" {}
local terms = {}
for i = 1, 5000 do terms["t" .. i] = 0.5 end
local vocabulary = {}
for i = 1, 20000 do
  rule ("x.v" .. i) { label = "x", vocabulary = true }
end
vocabulary["x.v1"] = terms
weights { vocabulary = vocabulary }
