local t, i = {}, 0
while true do i = i + 1; t[i] = ("x"):rep(100) .. i end
