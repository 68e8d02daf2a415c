weights { rules = { ["a.one"] = 1 } }

weights { rules = { ["a.one"] = 2 } }
