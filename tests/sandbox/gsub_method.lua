local s = ("x"):gsub("x", "y")
