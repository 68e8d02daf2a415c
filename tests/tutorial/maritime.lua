label "maritime" { title = "Maritime affairs", color = "blue" }

rule "maritime.core" {
  label = "maritime",
  words = { "maritime", "shipbuilding", "coast guard", "vessel*", "조선" },
}

rule "maritime.fishing" {
  label = "maritime",
  regex = [[\b(illegal|unreported|unregulated)\b.*\bfishing\b]],
}

example { "Both sides will expand cooperation on shipbuilding.", labels = { "maritime" } }
example { "The leaders met in Seoul.", labels = {} }
