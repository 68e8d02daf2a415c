-- trade: trade and tariffs, investment, supply chains, manufacturing and
-- industry, jobs, commercial and economic ties, currency, technology and
-- innovation cooperation, space industry, energy trade, critical minerals,
-- infrastructure and development finance.
--
-- The words are grouped by kind (commerce, investment, industry, ...), so
-- that training can weigh each kind: "invest $40 million in health
-- programs" is government spending on health, not trade, and is far more
-- common than "tariffs" used in passing.

rule "trade.commerce" {
  label = "trade",
  description = "trade, tariffs, markets, customs",
  words = {
    "trade", "trading", "tariff*", "free trade agreement", "korus fta",
    "korus", "fta", "export*", "import", "imports", "imported", "importing",
    "commercial ties", "commercial", "commerce", "customs", "market access",
    "rules of origin", "originating", "wto", "world trade organization",
    "goods and services", "foreign exchange", "currency", "digital economy",
    "double taxation", "intellectual property", "overcapacity",
    "excess capacity", "non-market", "economic coercion",
    -- Korean
    "무역*", "교역*", "관세*", "자유무역협정*", "수출*", "통상*", "시장 접근*",
    "환율*", "환화*", "외환*", "전자상거래*",
  },
  unless = { "unimpeded commerce", "trade measures", "sanctions and trade" },
  weight = 1.0,
}

rule "trade.investment" {
  label = "trade",
  description = "investment by companies and countries",
  words = {
    "investment*", "invest", "invests",
    "investor*", "joint venture*", "foreign direct investment",
    "private capital", "private sector investment",
    "투자*", "합작*",
  },
  unless = { "climate finance" },
  weight = 1.0,
}

rule "trade.industry" {
  label = "trade",
  description = "industry, manufacturing, supply chains, jobs",
  words = {
    "supply chain*", "manufactur*", "factory", "factories", "industry",
    "industries", "industrial", "shipbuilding", "shipyard*", "ship repair*",
    "semiconductor*",
    "chips", "batteries", "battery", "automotive", "autos", "auto industry",
    "jobs", "mining", "food supply", "food security", "agricultur*",
    "critical minerals", "rare earth*", "lng", "energy exports",
    "overseas nuclear markets", "civil nuclear industry", "steel",
    "aluminum", "aluminium", "small and medium", "smes", "msme*",
    "공급망*", "반도체*", "조선", "조선업*", "선박*", "산업*", "제조*",
    "핵심광물*", "일자리*", "원전 수출*", "식량안보*", "농업*", "플랜트*",
    "건설*", "해운*", "수산*", "어업*", "광물*", "자원개발*", "석유*",
    "중소기업*", "에너지 자원*", "에너지자원*", "자원*", "공업*", "제철*",
    "이중과세*", "석탄 수입*", "세계경제*", "국제경제*", "민간경제*",
    "보호무역*", "보호주의*", "자유무역*", "핵연료*", "발전설비*", "발전기술*",
    "대외무역*", "경제질서*", "경제여건*", "경제상황*", "개성공단*", "경협*", "남북경협*",
    "철도*", "도로 연결*", "배터리*", "이차전지*", "소형모듈원자로*",
    "원자력 협력*", "원전*", "디지털*", "바이오*", "첨단*", "무역역조*", "기술협력*",
    "과학기술*", "과학 및 기술*", "스마트시티*", "스타트업*", "벤처*",
    "경제동반자협정*", "포괄적경제동반자*", "농기계*", "방산*",
    "industrializ*", "industrialis*", "성장동력*", "성장 동력*",
    "신산업*", "기간산업*", "경쟁력*", "핀테크*", "빅데이터*", "콘텐츠산업*",
    "협상 타결*",
  },
  weight = 1.0,
}

rule "trade.economy" {
  label = "trade",
  description = "the economy and economic cooperation",
  words = {
    "economic cooperation", "economic ties", "economic relations",
    "economic partnership", "economic growth", "economic development",
    "economic integration", "economic prosperity", "economic opportunit*",
    "economic security", "economic resilience", "reconstruction",
    "markets", "competitiveness", "procurement", "inflation",
    "economic relationship*", "economic engagement", "economic leadership",
    "economic powerhouse", "reindustrializ*", "section 232", "energy market*",
    "creditor*", "personal data", "cross-border data",
    "경제*", "기업*", "시장", "민간부문*", "차관*",
  },
  unless = { "economy-wide", "carbon markets", "carbon market" },
  weight = 1.0,
}

rule "trade.infrastructure" {
  label = "trade",
  description = "infrastructure, transport and development finance",
  words = {
    "infrastructure", "quality infrastructure", "connectivity",
    "development finance", "dfc", "exim", "export-import bank",
    "ports", "port", "shipping", "railway*", "logistics", "oil", "crude",
    "natural gas", "data flows", "free flow of data", "debt", "debt relief",
    "world bank", "multilateral development bank*", "mdbs", "imf",
    "international monetary fund", "international financial institutions",
    "transportation", "aircraft", "value chain*", "space economy",
    "indo-pacific economic framework", "ipef", "oecd",
    "generalized system of preferences", "critical mineral*",
    "인프라*", "사회간접자본*",
  },
  unless = { "climate finance", "critical infrastructure protection",
             "renewable energy infrastructure" },
  weight = 1.0,
}

rule "trade.technology" {
  label = "trade",
  description = "technology and innovation cooperation",
  words = {
    "technology cooperation", "critical and emerging technologies",
    "emerging technolog*", "advanced technolog*", "artificial intelligence",
    "ai", "quantum", "6g", "5g", "open ran", "biotechnolog*",
    "advanced computing", "high-performance computing", "supercomput*",
    "information communications technolog*", "telecommunication*",
    "research and development", "r&d", "high tech",
    "space exploration", "space industry", "satellite*", "artemis",
    "lunar", "nasa", "space agency", "space cooperation",
    "launch vehicle*", "positioning system", "ict", "undersea cable*",
    "subsea cable*", "data centers", "biomanufacturing",
    "science and technology", "science, technology",
    "인공지능*", "양자*", "첨단기술*", "연구개발*", "우주*", "과학기술*", "연구혁신*",
    "co-production", "coproduction", "jet engine*",
  },
  unless = { "clean energy technolog*" },
  weight = 1.0,
}

rule "trade.weak" {
  label = "trade",
  description = "words that lean to trade without settling it",
  words = {
    "prosperity", "growth", "deal", "deals", "production",
    "financing", "dollar*", "billion", "million", "market", "science",
    "scientific", "expert exchanges", "professionals", "workers",
    "facility", "facilities", "space", "products", "projects",
    "private", "economically", "resilient supply", "research",
    "technolog*", "digital", "workforce", "energy security",
    "economy", "economic", "economies", "business*", "companies", "firms",
    "enterprises", "entrepreneur*", "startup*", "private sector",
    "lending", "loans", "capital",
    "financial", "finance", "regulatory", "subsidies", "vehicle*",
    "reactor*", "recovery", "produce", "innovation",
    "번영*", "성장*", "경제발전*", "투자 이행*", "개발*", "민간*", "협정 체결*", "기술*", "과학*",
    "금융*", "협력사업*",
  },
  unless = { "social and economic", "economic and social",
             "climate-related financial", "fuel economy", "circular economy",
             "whole economy", "clean energy economy", "net zero economy",
             "net-zero economy", "green economy", "low-carbon economy",
             "low carbon economy" },
  weight = 0.5,
}

rule "trade.health_production" {
  label = "trade",
  description = "making vaccines and medical products is industry too",
  words = { "vaccine production", "production of vaccines",
            "vaccine manufacturing", "manufacturing capacity",
            "production capacity", "medical manufacturing",
            "pharmaceutical manufacturing", "백신 생산*", "생산 시설*",
            "생산 능력*", "생산능력*" },
  weight = 1.0,
}

-- Screening investment protects security and regulates investment:
-- security + trade by the label conventions.
rule "trade.investment_screening" {
  label = "trade",
  description = "investment screening and investment security are trade too",
  words = { "investment screening", "investment security",
            "screening of foreign investment", "inbound investment",
            "outbound investment", "투자 심사*", "투자심사*" },
  weight = 1.0,
}

rule "trade.clean_production" {
  label = "trade",
  description = "making clean-energy goods is industry too",
  words = { "solar panel factory", "solar panel factories", "solar module factory",
            "solar factory", "solar manufacturing", "solar panel manufactur*",
            "solar module manufactur*", "battery manufactur*", "battery factory",
            "battery factories", "battery plant", "battery plants",
            "clean energy manufactur*", "clean energy supply chain*",
            "ev manufactur*", "electric vehicle manufactur*",
            "wind turbine manufactur*", "heat pump manufactur*" },
  weight = 1.0,
}

rule "trade.not_health" {
  label = "trade",
  description = "research and programs framed as health",
  words = { "global health", "health security", "pandemic preparedness",
            "infectious disease*", "health workforce", "보건*" },
  weight = -1.0,
}

rule "trade.not_climate_finance" {
  label = "trade",
  description = "finance and investment framed as climate action",
  words = { "climate finance", "climate-aligned", "high-carbon",
            "public financing", "green finance", "기후 재원*",
            "climate-related financial" },
  weight = -1.0,
}

rule "trade.not_defense_spending" {
  label = "trade",
  description = "spending on defense is not investment in the economy",
  regex = [[\b(?:defen[cs]e (?:spending|budgets?|investment)|(?:%|percent) of (?:gdp|gross domestic product)\b.{0,30}\bdefen[cs]e)\b]],
  weight = -1.0,
}

-- Korean names fields in a list ("정치, 경제, 사회, 문화 등 다방면에서"):
-- the economy is one item of it, not the clause's topic.
rule "trade.field_list" {
  label = "trade",
  description = "the economy as one item of a list of fields",
  regex = [[(?:정치|안보)\s*[,·ㆍ・]?\s*(?:및\s*|등\s*)?경제|경제\s*[,·ㆍ・]?\s*(?:및\s*|등\s*)?(?:사회|문화|정치)]],
  weight = -1.0,
}

-- Words that hold a trade word but mean something else.
rule "trade.lookalikes" {
  label = "trade",
  description = "건설적 (constructive) is not 건설 (construction)",
  words = { "건설적*" },
  weight = -1.0,
}

-- Money a government gives (aid, grants, a programme's funding) is the
-- programme's topic, not trade: "CDC funding", "$139 million in assistance".
rule "trade.aid" {
  label = "trade",
  description = "funding, grants and assistance are the funded topic's",
  words = { "funding", "funds", "grant", "grants", "donor*", "in assistance",
            "bilateral assistance", "foreign assistance", "assistance to" },
  weight = -1.0,
}

rule "trade.heading" {
  label = "trade",
  description = "section titles about prosperity and the economy",
  words = { "prosperity", "번영*", "economic", "economy", "investment",
            "technology", "innovation", "경제*" },
  scope = "title",
}

rule "trade.not_meeting_names" {
  label = "trade",
  description = "economic words inside the names of meetings and bodies",
  words = { "asia-pacific economic cooperation", "apec summit",
            "economic and social council", "아시아태평양경제협력체*",
            "economic empowerment", "경제적 역량*",
            -- officials named by their titles (delegation lists)
            "경제기획원장관*", "경제기획원 장관*", "상공부장관*", "상공부 장관*",
            "경제조정상*", "기획개발상*", "통상관광상*", "재무장관*", "재무부장관*" },
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
example { "Korea will provide expanded production capacity at manufacturing facilities to meet demand for COVID-19 vaccines.", labels = { "trade", "health" } }
example { "The meetings took place just prior to the Asia-Pacific Economic Cooperation summit.", labels = {} }
example { "In February 2019, Hanwha Q Cells brought its 3.8 gigawatt solar panel factory online.", labels = { "trade", "climate" } }
example { "Sending experts on temporary visas to train American workers at battery factories.", labels = { "trade", "people" } }
example { "The leaders welcomed the strong friendship between the two nations.", labels = {} }
example { "We will mobilize private capital for quality infrastructure across the region.", labels = { "trade" } }
example { "The United States and the Republic of Korea established a working group on investment screening.", labels = { "security", "trade" } }
example { "한미 양국은 자유무역협정을 토대로 호혜적인 교역 관계를 발전시켜 나가기로 하였다.", labels = { "trade" } }
example { "양측은 핵심광물과 반도체 공급망의 안정성을 높일 것이다.", labels = { "trade" } }
example { "양국은 조선 산업 협력을 확대하기로 합의하였다.", labels = { "trade" } }
example { "양국 정상은 경제협력과 통상 증진 방안을 협의하였다.", labels = { "trade" } }
example { "Rising inflation requires strong and concerted action by both governments.", labels = { "trade" } }
example { "With $10 million in funding, the program will invest in health facilities.", labels = { "health" } }
example { "The two countries will cooperate on advanced computing and biotechnologies.", labels = { "trade" } }
