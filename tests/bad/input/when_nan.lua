label "x" {}
rule "x.nan" { label = "x", when = function(c)
  if c.text:find("climate") then return 0/0 end
end }
rule "x.word" { label = "x", words = {"energy"} }
