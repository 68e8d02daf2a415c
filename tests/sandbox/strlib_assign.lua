string.upper = function() return "PWNED" end
