label "climate" {}

rule "climate.core" {
  label = "climat",
  words = { "climate" },
}
