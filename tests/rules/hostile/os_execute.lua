label "x" {}
rule "x.attack" { label = "x", when = function(c)
  os.execute("touch /tmp/clausetag-pwned") return true
end }
