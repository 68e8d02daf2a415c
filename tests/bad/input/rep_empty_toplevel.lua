-- string.rep of an empty string 2^62 times, while the file loads
local s = string.rep("", 2^62)
label "x" {}
