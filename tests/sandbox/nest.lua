function ok() return nest(function() return "inner" end) end
function spin() return nest(function() while true do end end) end
function fail() return nest(function() error("inner failure") end) end
