-- pairs must not depend on Lua's per-run hash seed
local t = { [10] = 1, [2] = 1, [1.5] = 1, [true] = 1, [false] = 1 }
for _, w in ipairs { "kappa", "alpha", "eta", "beta", "Zeta", "al", "" } do
  t[w] = 1
end
t[1] = 1
local seen = {}
for k, v in pairs(t) do
  seen[#seen + 1] = tostring(k)
  if k == "alpha" then t.beta = nil end     -- clearing fields is allowed
end
order = table.concat(seen, ",")
local n = 0
for _ in pairs({}) do n = n + 1 end
assert(n == 0)
assert(next({}) == nil)
