-- float keys that differ only in their low mantissa bits share one hash
-- chain: each insertion walks the whole chain, while the file loads
local t = {}
for k = 1, 200000 do t[0.5 + k * 2^-53] = true end
label "x" {}
