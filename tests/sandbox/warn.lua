warn("hello ", "world")
warn("@on")
warn("second")
