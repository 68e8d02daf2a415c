label "climate" {}
label "trade" {}

rule "climate.core" { label = "climate", words = { "climate", "emission*" } }
rule "trade.core" { label = "trade", words = { "trade", "battery" } }

example { "We will cut emissions.", labels = { "climate" } }
example { "A battery plant for the climate.", labels = { "trade", "climate" } }
example { "Trade grew.", labels = {} }
example { "The leaders met in a very long sentence that goes on and on beyond sixty characters.", labels = { "climate" } }
