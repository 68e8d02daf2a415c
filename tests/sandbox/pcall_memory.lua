local ok = pcall(function() local s = "x" while true do s = s .. s end end)
survived = true
