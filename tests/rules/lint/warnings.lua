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

-- A tab in a class with a space still matches, and under (?x) a tab is
-- layout and `\n` in a comment is no escape; a class of line ends alone
-- and a no-break space written as itself never match.
rule "orbit.classes" {
  label = "orbit",
  regex = "[ \t]orbit|(?x) low \t orbit # not \\n\n | [\\r\\n]orbit",
}

rule "orbit.nbsp" {
  label = "orbit",
  regex = "space\u{A0}station",
}

-- Words written as a pattern match their marks as themselves; "2+2" and
-- "U.S." are phrases meant as written.
rule "orbit.pattern" {
  label = "orbit",
  words = { "2+2", "U.S.", "geostationary|geosynchronous" },
  unless = { "decay\\w*" },
}
