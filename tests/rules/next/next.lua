-- Looking ahead (docs/rules.md, "Looking ahead"): a heading or a lead-in
-- takes the topic of the clause after it.
label "trade" {}
label "climate" {}

rule "trade.core" { label = "trade", words = { "tariffs", "trade", "exports" } }
rule "climate.core" { label = "climate", words = { "emissions", "solar" } }

rule "trade.next" {
  label = "trade", context = "next", weight = 1.0,
  description = "what follows a heading or a lead-in is its topic",
}
rule "climate.next" {
  label = "climate", context = "next", weight = 1.0,
  description = "what follows a heading or a lead-in is its topic",
}
