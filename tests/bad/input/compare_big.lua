-- comparing two 12 MiB strings costs one instruction each time
label "x" {}
local a = string.rep("a", 12 * 1024 * 1024)
local b = string.rep("a", 12 * 1024 * 1024 - 1) .. "b"
rule "x.compare" { label = "x", when = function(c)
  local n = 0
  while true do if a == b or a < b then n = n + 1 end end
end }
