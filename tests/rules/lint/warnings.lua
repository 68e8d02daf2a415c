-- A rule set that loads, with every kind of warning.
label "orbit" { title = "Orbits" }
label "lonely" { title = "No rule scores for this label" }
label "far" { threshold = 3 }

rule "orbit.core" {
  label = "orbit",
  words = { "orbit", "satellite*", "low earth orbit", "Orbit" },
}

rule "orbit.copy" {
  label = "orbit",
  words = { "satellite*", "orbit" },
  weight = 0.5,
}

rule "orbit.any" {
  label = "orbit",
  regex = [[\b(orbit|)]],
}

rule "orbit.never" {
  label = "orbit",
  words = { "space station", "space-walk*" },
  unless = { "space" },
}

rule "far.a" { label = "far", words = { "far" } }
rule "far.b" { label = "far", words = { "distant" }, weight = 1.5 }

rule "orbit.wrapped" {
  label = "orbit",
  regex = [[\Qa\n\E|\\n|low\s+orbit\r?\n]],
}
