-- ct.re compiling a new 13 KB pattern at every call
label "x" {}
rule "x.compile" { label = "x", when = function(c)
  local i = 0
  while true do
    i = i + 1
    ct.re(string.rep("(?:ab|cd)", 1400) .. i)
  end
end }
