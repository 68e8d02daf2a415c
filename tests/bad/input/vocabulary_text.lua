label "x" {}
rule "x.words" { label = "x", words = { "climate" } }
rule "x.learned" { label = "x", vocabulary = true }
weights {
  vocabulary = {
    ["x.learned"] = [[
tuna 0.25

  cod
ocean high
carbon 1e300
  krill  -0.5e0
]],
    ["x.words"] = [[
carbon 0.5
]],
  },
}
