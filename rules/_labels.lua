-- The five shipped labels, declared first (this file sorts before the
-- others) so that output lists them in this order.  Each topic's rules live
-- in its own file: security.lua, trade.lua, health.lua, climate.lua,
-- people.lua.  See docs/rules.md for what each label covers.

label "security" {
  title = "Security and defense",
  description = "defense, deterrence, North Korea, non-proliferation, cyber, law enforcement, sanctions",
  threshold = 1.0,
  color = "red",
}

label "trade" {
  title = "Trade, investment and technology",
  description = "trade, tariffs, investment, supply chains, industry, jobs, technology cooperation, critical minerals",
  threshold = 1.0,
  color = "yellow",
}

label "health" {
  title = "Health",
  description = "global health, pandemics, vaccines, health security, biomedical research",
  threshold = 1.0,
  color = "green",
}

label "climate" {
  title = "Climate and clean energy",
  description = "climate change, emissions, net zero, clean and renewable energy, environment",
  threshold = 1.0,
  color = "cyan",
}

label "people" {
  title = "People-to-people ties",
  description = "exchanges, education, visas, youth, women, democracy and human rights, parliaments",
  threshold = 1.0,
  color = "magenta",
}
