label "g" {}
local up = strng.upper("x")
