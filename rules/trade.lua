-- trade: trade and tariffs, investment, supply chains, manufacturing and
-- industry, jobs, commercial and economic ties, currency, technology and
-- innovation cooperation, space industry, energy trade, critical minerals.

rule "trade.core" {
  label = "trade",
  description = "trade, investment, industry",
  words = {
    "trade", "trading", "tariff*", "free trade agreement", "korus fta",
    "korus", "fta", "export*", "import", "imports", "imported", "importing",
    "investment*", "invest", "joint venture*",
    "invests", "invested", "investing", "investor*", "supply chain*",
    "manufactur*", "factory", "factories", "industry",
    "industries", "industrial", "shipbuilding", "shipyard*", "semiconductor*",
    "chips", "batteries", "battery", "automotive", "autos", "auto industry",
    "jobs", "workforce", "economic cooperation", "economic ties",
    "commercial ties", "commercial", "commerce", "customs", "market access",
    "markets", "mining", "food supply", "food security", "agricultur*",
    "rules of origin", "originating", "dispute settlement", "tariff*",
    "foreign exchange", "currency", "digital economy", "economy",
    "economic", "economies", "business*", "companies", "firms",
    "critical minerals", "rare earth*", "lng", "energy exports",
    "overseas nuclear markets", "civil nuclear industry",
    -- Korean
    "무역", "교역", "투자", "공급망", "반도체", "조선", "선박", "관세",
    "자유무역협정", "fta", "수출", "수입", "산업", "제조", "기업",
    "핵심광물", "경제", "일자리", "시장", "원전 수출", "식량안보", "농업",
  },
  unless = { "economy-wide" },
  weight = 1.0,
}

rule "trade.technology" {
  label = "trade",
  description = "technology and innovation cooperation",
  words = {
    "technology cooperation", "critical and emerging technologies",
    "emerging technolog*", "advanced technolog*", "artificial intelligence",
    "ai", "quantum", "6g", "5g", "open ran", "biotechnology",
    "information communications technolog*", "telecommunication*",
    "research and development", "r&d", "innovation", "high tech",
    "space exploration", "space industry", "satellite*", "artemis",
    "lunar", "nasa", "space agency", "space cooperation",
    "launch vehicle*",
    "positioning system", "technolog*",
    "인공지능", "양자", "첨단기술", "연구개발", "우주", "과학기술", "연구혁신",
    "co-production", "coproduction", "jet engine*",
  },
  unless = { "clean energy technolog*" },
  weight = 1.0,
}

rule "trade.weak" {
  label = "trade",
  description = "words that lean to trade without settling it",
  words = {
    "prosperity", "growth", "deal", "deals", "production", "capacity",
    "financing", "dollar*", "billion", "million", "market", "science",
    "scientific", "expert exchanges", "professionals", "workers", "digital",
    "facility", "facilities",
    "번영", "성장", "투자 이행",
  },
  weight = 0.5,
}

rule "trade.not_health_supply" {
  label = "trade",
  description = "vaccine production for global supply is health, not trade",
  words = { "vaccine*", "백신" },
  weight = -2.0,
}

rule "trade.not_health" {
  label = "trade",
  description = "research and production framed as health",
  words = { "global health", "health security", "pandemic preparedness",
            "infectious disease*", "health workforce", "보건" },
  weight = -1.0,
}

rule "trade.not_climate_finance" {
  label = "trade",
  description = "finance and investment framed as climate action",
  words = { "climate finance", "climate-aligned", "high-carbon",
            "public financing", "green finance", "기후 재원" },
  weight = -1.0,
}

rule "trade.not_defense_spending" {
  label = "trade",
  description = "spending on defense is not investment in the economy",
  regex = [[\b(?:defen[cs]e (?:spending|budgets?|investment)|(?:%|percent) of (?:gdp|gross domestic product)\b.{0,30}\bdefen[cs]e)\b]],
  weight = -1.0,
}

rule "trade.heading" {
  label = "trade",
  description = "section titles about prosperity and the economy",
  words = { "prosperity", "번영" },
  when = function(c) return c.title end,   -- only in a title
}

rule "trade.not_meeting_names" {
  label = "trade",
  description = "economic words inside the names of meetings and bodies",
  words = { "asia-pacific economic cooperation", "apec summit",
            "economic and social council", "아시아태평양경제협력체",
            "economic empowerment", "경제적 역량" },
  weight = -1.0,
}

example { "The R.O.K. is a major source of foreign direct investment in the United States.", labels = { "trade" } }
example { "U.S. exports of autos, agricultural products, fuel, and chemicals to the R.O.K. grew last year.", labels = { "trade" } }
example { "Facilitate mutual investments in semiconductors and high-capacity batteries across the entire supply chain.", labels = { "trade" } }
example { "Encourage joint R&D on critical and emerging technologies such as AI, 6G and quantum.", labels = { "trade" } }
example { "We welcome Korea's investments in shipbuilding, energy, semiconductors and critical minerals.", labels = { "trade" } }
example { "Mutually Reinforcing Prosperity", labels = { "trade" } }
example { "Technology and Innovation", labels = { "trade" } }
example { "In May 2019, LG Electronics opened its $360 million washing machine factory in Clarksville, Tennessee.", labels = { "trade" } }
example { "Korea will provide expanded production capacity at manufacturing facilities to meet demand for COVID-19 vaccines.", labels = { "health" } }
example { "The meetings took place just prior to the Asia-Pacific Economic Cooperation summit.", labels = {} }
example { "In February 2019, Hanwha Q Cells brought its 3.8 gigawatt solar panel factory online.", labels = { "trade", "climate" } }
example { "Sending experts on temporary visas to train American workers at battery factories.", labels = { "trade", "people" } }
example { "The leaders welcomed the strong friendship between the two nations.", labels = {} }
example { "한미 양국은 자유무역협정을 토대로 호혜적인 교역 관계를 발전시켜 나가기로 하였다.", labels = { "trade" } }
example { "양측은 핵심광물과 반도체 공급망의 안정성을 높일 것이다.", labels = { "trade" } }
example { "양국은 조선 산업 협력을 확대하기로 합의하였다.", labels = { "trade" } }
