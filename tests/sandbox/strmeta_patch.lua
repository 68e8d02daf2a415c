-- env A tries to change what every other rule file sees
getmetatable("").__index.upper = function() return "PWNED" end
