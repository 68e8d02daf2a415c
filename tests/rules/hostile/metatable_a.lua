label "x" {}
-- tries to change string.upper for every other rule file
pcall(function() getmetatable("").__index.upper = function() return "PWNED" end end)
pcall(function() string.upper = function() return "PWNED" end end)
