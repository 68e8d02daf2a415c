local s = string.rep("a", 5000) .. "b"
local m = string.match(s, "^(a+)+$")
