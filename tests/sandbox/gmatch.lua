local n = 0
for w in ("a b c"):gmatch("%a") do n = n + 1 end
