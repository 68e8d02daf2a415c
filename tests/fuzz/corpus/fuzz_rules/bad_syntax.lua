label "climate" { title = "Climate" }

rule "climate.core" {
  label = "climate"
  words = { "climate" },
}
