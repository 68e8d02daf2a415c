-- leaky() enters a host section and raises before leaving it
local ok = pcall(leaky)
assert(not ok)
while true do end
