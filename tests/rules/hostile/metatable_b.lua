rule "x.upper" { label = "x", when = function(c)
  return ("abc"):upper() == "ABC" and string.upper("d") == "D"
end }
