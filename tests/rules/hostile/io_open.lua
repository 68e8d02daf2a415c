label "x" {}
rule "x.attack" { label = "x", when = function(c)
  io.open("/etc/passwd") return true
end }
