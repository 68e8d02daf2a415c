label "x" {}
rule "x.inf" { label = "x", when = function(c)
  if c.text:find("climate") then return math.huge end
end }
rule "x.word" { label = "x", words = {"energy"} }
