-- __gc finalizers run with hooks off: the loop would never be stopped
local t = setmetatable({}, { __gc = function() while true do end end })
