-- a tiny declared weight: a when's number is divided by it
label "x" {}
rule "x.tiny" { label = "x", weight = 1e-300, when = function(c)
  if c.text:find("climate") then return 1 end
end }
