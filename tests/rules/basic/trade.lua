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
