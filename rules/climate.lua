-- climate: climate change, emissions, net zero, decarbonization, clean and
-- renewable energy, hydrogen, EVs framed as clean energy, nature-based
-- solutions, marine debris and plastic pollution, the environment.

rule "climate.core" {
  label = "climate",
  description = "climate, emissions, clean energy, environment",
  words = {
    "climate", "climate change", "climate crisis", "global warming",
    "emission*", "greenhouse gas*", "net zero", "carbon neutral*",
    "carbon", "decarboniz*", "decarbonis*", "low carbon", "clean energy",
    "cop 26", "cop 27", "cop 28", "cop 29", "cop 30", "cop1*", "cop 1*",
    "just transition",
    "energy storage", "nature-related", "nature positive", "planet",
    "warming", "1.5 degree*", "1.5°c", "1.5 °c",
    "charging infrastructure", "sustainable infrastructure",
    "green infrastructure", "sustainable transport", "zero-carbon",
    "carbon-free", "fossil fuel*", "unabated", "green recovery",
    "green cooperation", "green shipping", "green transition",
    "renewable*", "solar", "wind power", "offshore wind", "hydrogen",
    "clean power", "zero emission*", "zero-emission vehicle*",
    "energy transition", "clean energy transition", "paris agreement",
    "cop26", "cop27", "cop28", "cop29", "cop30", "unfccc",
    "nature based solutions", "biodiversity", "deforestation",
    "marine debris", "plastic pollution", "plastic*", "pollution",
    "environmental", "coal-fired", "coal", "fish stocks", "overfishing",
    "transboundary water", "water governance", "water resources",
    "marine environment", "contamination",
    "adaptation", "wildfire*", "drought*", "flood*", "loss and damage",
    "coral reef*", "debt-for-nature", "rainforest*", "amazon fund",
    "environmental, social, and governance", "esg",
    "temperature increase", "1.5 degrees", "energy efficiency",
    "grid-scale energy storage", "conservation", "environment",
    "environmental protection", "multilateral environmental agreements",
    "methane", "circular economy", "green growth", "resilience to climate",
    "climate-resilient", "mitigation", "forest*", "mangrove*",
    "wildlife", "ozone", "montreal protocol", "marine protected",
    "ocean health", "sustainable fisheries", "natural resources",
    "기후*", "탄소중립*", "탄소*", "온실가스*", "배출*", "재생에너지*",
    "청정에너지*", "청정수소*", "수소*", "탈탄소*", "해양쓰레기*", "플라스틱*",
    "환경*", "폭염*", "오염*", "공해*", "자연보호*", "환경재난*", "생태계*",
    "녹색성장*", "녹색*", "미세먼지*", "산림*", "생물다양성*", "수자원*",
    "친환경*", "그린에너지*", "그린뉴딜*", "대기오염*", "대기 오염*", "p4g*",
    "sea-level rise", "resource efficiency",
  },
  unless = { "investment climate", "business climate", "political climate",
             "climate of trust", "environmental health",
             "investment environment", "business environment",
             "enabling environment", "security environment",
             "regulatory environment", "habitable environment",
             "favorable environment", "favourable environment",
             "strategic environment", "유리한 환경*", "환경을 조성*",
             "환경 조성*", "여건*" },
  weight = 1.0,
}

rule "climate.weak" {
  label = "climate",
  description = "words that lean to climate without settling it",
  words = { "energy", "electric vehicle*", "ev", "evs", "battery recycling",
            "ecosystem*", "water", "green", "nuclear energy", "nuclear power",
            "small modular reactor*", "smr*", "fusion", "resilience",
            "disaster*", "sustainable development", "energy security",
            "reactor*",
            "2050", "2030 target*", "sustainab*", "forests", "oceans",
            "energy policy", "greener", "greening", "power generation",
            "에너지*", "전기차*" },
  weight = 0.5,
}

-- "environment" and "ecosystem" as a setting (of a market, space, the
-- information sphere, start-ups) are no environment: a negative rule
-- rather than `unless`, so that training weighs it.  It takes back
-- climate.core's one hit, whichever of its words gave it, so a clause
-- that also names the climate keeps the label only by another rule.
rule "climate.lookalikes" {
  label = "climate",
  description = "an environment for investment, space or information; a start-up ecosystem",
  words = { "environment for", "environment that", "predictable environment",
            "space environment", "information environment",
            "operating environment", "technology ecosystem*",
            "innovation ecosystem*", "투자 환경*", "투자환경*", "경제 환경*",
            "경제환경*", "경영환경*", "환경의 변화*", "환경정비*",
            "창업생태계*", "창업 생태계*" },
  weight = -1.0,
}

rule "climate.heading" {
  label = "climate",
  description = "section titles about the environment and energy",
  words = { "environment", "energy", "환경*", "에너지*" },
  scope = "title",
}

example { "The two will cooperate to achieve net-zero emissions no later than 2050.", labels = { "climate" } }
example { "We will expand clean energy deployment, including offshore wind.", labels = { "climate" } }
example { "The United States and the ROK will cooperate on the issue of marine debris and plastic pollution.", labels = { "climate" } }
example { "End all forms of new public financing for overseas unabated coal-fired power plants.", labels = { "climate" } }
example { "Advancing Shared Goals on Climate and Clean Energy", labels = { "climate" } }
example { "Collaboration on electric vehicle battery manufacturing for the clean energy transition.", labels = { "trade", "climate" } }
example { "In March 2019, SK Group broke ground on a $1.67 billion electric vehicle battery plant.", labels = { "trade" } }
example { "The two sides will expand LNG exports to strengthen energy security.", labels = { "trade" } }
example { "Conserve and enhance natural carbon sinks including forests, oceans and coastal ecosystems.", labels = { "climate" } }
example { "The leaders discussed the way forward.", labels = {} }
example { "양국은 2050년 탄소중립 목표 달성을 위한 노력을 강화하기로 하였다.", labels = { "climate" } }
example { "한미 양국은 재생에너지 보급을 확대하고 청정수소 기술 협력을 추진할 것이다.", labels = { "climate" } }
example { "양국은 해양쓰레기와 플라스틱 오염 문제 해결을 위해 공조할 것이다.", labels = { "climate" } }
example { "양국은 청정에너지 전환을 위해 미국 내 전기차 배터리 제조 협력을 확대할 것이다.", labels = { "trade", "climate" } }
example { "기후변화 대응 및 청정에너지 협력", labels = { "climate" } }
example { "The agreement will create a predictable environment for trade and investment.", labels = { "trade" } }
