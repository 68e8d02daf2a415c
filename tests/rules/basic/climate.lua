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
