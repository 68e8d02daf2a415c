weights { rules = { ["a.one"] = 1, ["a.two"] = 2 } }
