weights { rules = { ["a.one"] = 0.25 }, thresholds = { b = 0.5 } }
