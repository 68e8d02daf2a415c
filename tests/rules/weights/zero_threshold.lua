weights { thresholds = { a = 0 } }
