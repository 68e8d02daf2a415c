weights { rules = { ["a.one"] = 0/0 } }
