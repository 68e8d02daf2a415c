label "x" {}
rule "x.attack" { label = "x", when = function(c)
  error("boom")
end }
