label "x" {}
rule "x.words" { label = "x", words = { "climate" } }
rule "x.learned" { label = "x", vocabulary = true }
weights {
  vocabulary = {
    ["x.words"] = { ["carbon"] = 0.5 },
    ["x.learnd"] = { ["carbon"] = 0.5 },
    ["x.learned"] = { ["carbon"] = 1e300, ["ocean"] = "high" },
  },
}
