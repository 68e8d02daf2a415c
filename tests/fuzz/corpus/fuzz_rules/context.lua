-- Context rules: a clause leans to its section heading's labels and,
-- when it points back, to the previous clause's; never against its own
-- words, and never in a title.
label "climate" {}
label "trade" {}

rule "climate.words" { label = "climate", words = { "climate", "emissions" } }
rule "trade.words" { label = "trade", words = { "trade", "tariffs" } }
rule "climate.heading" { label = "climate", words = "energy", scope = "title" }
rule "climate.section" { label = "climate", context = "section", weight = 1.0 }
rule "climate.refers" { label = "climate", context = "previous",
                        words = { "this effort" }, weight = 1.0 }
rule "trade.refers" { label = "trade", context = "previous",
                      words = { "this effort" }, weight = 1.0 }
rule "trade.focus" { label = "trade", focus = true, weight = 0.5 }
