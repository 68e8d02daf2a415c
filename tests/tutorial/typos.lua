label "maritime" { title = "Maritime affairs", color = "navy" }

rule "maritime.core" {
  label = "maritme",
  words = { "maritime", "shipbuilding", "coast guard", "vessel*" },
  wieght = 2,
}

rulle "maritime.fishing" {
  label = "maritime",
  regex = [[\b(illegal|unreported|unregulated)\b.*\bfishing\b]],
}
