-- A user's label next to the shipped rules (issue 14): the shipped rules
-- also give `trade` to the first example, which this file's examples do
-- not check, as the shipped examples do not check `space`.
label "space" { title = "Space cooperation", color = "blue" }

rule "space.core" {
  label = "space",
  words = { "satellite*", "launch vehicle*", "space exploration", "nasa",
            "lunar", "moon", "artemis accords", "우주*" },
}

example { "Both sides will expand commercial satellite launches and trade in launch vehicles.", labels = { "space" } }
example { "The Republic of Korea signed the Artemis Accords.", labels = { "space" } }
example { "The leaders met in Seoul.", labels = {} }
