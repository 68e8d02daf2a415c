assert(shared == nil)
assert(helper == nil)
assert(string.upper("b") == "B")
assert(undefined_name == nil)
assert(_G == _ENV)
saw = "ok"
