weights { thresholds = { c = 1 } }
