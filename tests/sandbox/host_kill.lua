-- A host function kills the call (as a regex limit does); pcall cannot
-- catch it and the script cannot go on.
local ok = pcall(host_kill)
return "survived"
