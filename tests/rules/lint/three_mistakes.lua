-- Three mistakes of the kind a new rule file has (issue 14): a misspelt
-- key on line 6, a label name off by one letter, a misspelt declaration.
label "space" { title = "Space cooperation", color = "purple" }

rule "space.core" {
  label = "space",
  words = { "satellite*", "launch vehicle", "lunar" },
  wieght = 2,
}

rule "space.moon" {
  label = "spcae",
  regex = [[\b(lunar|moon]],
}

rulle "space.mars" { label = "space", words = { "mars" } }
