weights { rule = { ["a.one"] = 1 } }
