-- Labels of the e2e rule set, declared first so output lists them in
-- this order.  climate has its own colour; the others take the palette.
label "climate" { title = "Climate and clean energy", color = "cyan" }
label "trade" { title = "Trade and investment", threshold = 1.0 }
label "security" { title = "Security", threshold = 2.0 }

abbreviations { "Spec." }   -- "Spec. Envoy Kim" is one sentence
rule "climate.core" {
  label = "climate",
  words = { "climate", "net zero", "emission*" },
}

rule "climate.energy" {
  label = "climate",
  regex = [[\b(clean|renewable) energy\b]],
  unless = { "nuclear weapons" },
  weight = 1.0,
}

-- Bullets under a climate heading lean to climate: half a threshold.
rule "climate.section" {
  label = "climate",
  when = function(c) return c.heading and c.heading.labels.climate and 0.5 end,
}
-- security needs 2.0: one word alone is not enough.
rule "security.core" {
  label = "security",
  words = { "defense", "deterrence" },
}

rule "security.dprk" {
  label = "security",
  words = { "North Korea" },
}

rule "security.heading" {
  label = "security",
  weight = 2.0,
  when = function(c) return c.kind == "heading" and c:has("security") end,
}
rule "trade.core" {
  label = "trade",
  words = { "trade", "investment*", "supply chain*" },
}

rule "trade.weak" {
  label = "trade",
  words = { "billion" },
  weight = 0.5,
}

rule "trade.nothing" {
  label = "trade",
  words = { "nothing" },
  weight = -1.0,
}
