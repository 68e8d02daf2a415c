-- Lua patterns would backtrack for minutes in C; find searches plain text
local s = string.rep("a", 20000)
assert(string.find(s, ".-.-.-.-b") == nil)
assert(s:find(".-.-.-.-b") == nil)
local a, b = ("x.-y"):find(".-")
assert(a == 2 and b == 3)
