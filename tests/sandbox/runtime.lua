-- a runtime error while the file runs
local x = nil
x.y = 1
