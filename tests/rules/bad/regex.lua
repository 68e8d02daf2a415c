label "climate" {}

rule "climate.energy" {
  label = "climate",
  regex = [[\b(clean|renewable energy\b]],
}
