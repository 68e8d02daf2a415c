rule "x" {
  label = "y"
