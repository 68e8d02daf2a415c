label "x" {}
rule "x.huge" { label = "x", when = function(c)
  if c.text:find("climate") then return 1e300 end
end }
rule "x.word" { label = "x", words = {"energy"} }
