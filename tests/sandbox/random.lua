local r = {}
for i = 1, 5 do r[i] = math.random(1, 1000000) end
sequence = table.concat(r, ",")
