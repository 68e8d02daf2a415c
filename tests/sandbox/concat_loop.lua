-- one instruction (s .. s) does 2 MiB of C work: the budget must stop
-- it at the allocation that spends it, not 1,000 instructions later
n = 0
local s = ("x"):rep(1 << 20)
local x
while true do n = n + 1; x = nil; x = s .. s end
