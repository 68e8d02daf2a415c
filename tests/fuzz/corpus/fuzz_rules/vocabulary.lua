label "a" {}
label "b" {}
rule "a.one" { label = "a", words = "alpha" }
rule "a.learned" { label = "a", vocabulary = true }
rule "b.learned" { label = "b", vocabulary = true }
weights {
  vocabulary = {
    ["a.learned"] = [[
alliance 0.75
  cyber	-0.5e0
국방 1.25

sanctions 0x1p-1
]],
    ["b.learned"] = { ["trade"] = 0.5, ["vaccines"] = 2.5e-1 },
  },
}
