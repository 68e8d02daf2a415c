-- c:has with ever new phrases: the phrase cache grows in C
label "x" {}
rule "x.has" { label = "x", when = function(c)
  local i = 0
  while true do i = i + 1 c:has(string.rep("w", 1000) .. i) end
end }
