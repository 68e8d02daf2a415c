-- ct.fold of a letter followed by alternating combining marks
label "x" {}
local s = "a" .. string.rep("\u{0301}\u{0316}", 200000)
rule "x.fold" { label = "x", when = function(c)
  while true do ct.fold(s) end
end }
