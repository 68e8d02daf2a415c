-- Labels of the e2e rule set, declared first so output lists them in
-- this order.  climate has its own colour; the others take the palette.
label "climate" { title = "Climate and clean energy", color = "cyan" }
label "trade" { title = "Trade and investment", threshold = 1.0 }
label "security" { title = "Security", threshold = 2.0 }

abbreviations { "Spec." }   -- "Spec. Envoy Kim" is one sentence
