-- Rules of the diff fixtures: three labels, and a context rule so that a
-- clause whose text stays can change its label with its section.
label "climate" { title = "Climate and clean energy", color = "green" }
label "trade" { title = "Trade and investment" }
label "security" { title = "Security & <defence>" }

rule "climate.core" { label = "climate", words = { "climate", "clean energy", "emission*" } }
rule "trade.core" { label = "trade", words = { "trade", "investment*", "batteries" } }
rule "security.core" { label = "security", words = { "defense", "deterrence", "North Korea" } }
rule "section" { label = "climate", context = "section" }
