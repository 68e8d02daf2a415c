-- "":rep(2^62) allocates nothing but loops 2^62 times in C.
local s = string.rep("", 2^62)
