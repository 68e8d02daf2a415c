-- 40 MiB copied per instruction: the deadline must stop it at the
-- allocation that passes it, not 1,000 instructions later
n = 0
local s = ("x"):rep(20 << 20)
local x
while true do n = n + 1; x = nil; x = s .. s end
