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
