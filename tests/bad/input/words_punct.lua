-- ct.words over 16 MB of punctuation
label "x" {}
local s = string.rep(".,;", 5600000)
rule "x.words" { label = "x", when = function(c)
  while true do ct.words(s) end
end }
