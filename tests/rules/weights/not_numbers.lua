weights { rules = { ["a.one"] = "high" } }
