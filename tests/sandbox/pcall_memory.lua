local ok = pcall(string.rep, "x", 2^30)
survived = true
