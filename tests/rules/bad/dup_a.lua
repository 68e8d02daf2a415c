label "climate" {}

rule "climate.core" { label = "climate", words = { "climate" } }
