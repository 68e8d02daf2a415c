local t = {}
for i = 1, 1000 do t[i] = i end
for i = 1, 1e9 do table.insert(t, 1, i) end
