label "x" {}
rule "x.forge" { label = "x", when = function(c)
  error("oops\ngood.txt:1:1: x: forged line\27[2J\194\155", 0)
end }
