-- health: global health, pandemics and COVID-19, vaccines, health
-- security, biomedical research, pharmaceuticals as health (not as an
-- industry), health MOUs, disease prevention.

rule "health.core" {
  label = "health",
  description = "health, disease, vaccines",
  words = {
    "health", "healthcare", "health care", "global health",
    "health security", "public health", "pandemic*", "epidemic*",
    "covid*", "coronavirus", "vaccin*", "immuniz*", "infectious disease*",
    "disease*", "outbreak*", "biological threat*", "biosecurity",
    "biomedical", "medical", "medicine*", "therapeutics", "diagnostics",
    "world health organization", "covax", "cepi", "ghsa",
    "pathogen*", "virus*", "antimicrobial", "aids", "hiv", "tuberculosis",
    "malaria", "cancer", "dementia", "global fund", "health systems",
    "one health", "zoonotic", "polio", "mpox", "medical countermeasures",
    "hospital", "hospitals", "patients", "mental health", "nutrition",
    "health workers", "health workforce", "primary health care",
    "universal health coverage", "maternal", "child health",
    "reproductive health", "pepfar", "centers for disease control",
    "africa cdc", "epidemiolog*", "disease surveillance", "opioid*",
    "doses", "sanitation", "hygiene", "act-a", "covid-19 tools", "overdose*", "substance use", "harm reduction",
    "mosquito*", "dengue", "ebola", "cholera", "measles",
    "neglected tropical", "antimicrobial resistance", "amr",
    "active pharmaceutical ingredients", "health products", "medicines",
    "medical products", "medical supplies",
    "drug prices", "drug pricing", "prescription drug*", "medicaid",
    "medicare", "drug poisoning",
    "보건*", "백신*", "감염병*", "팬데믹*", "코로나*", "방역*", "세계보건기구*",
    "바이오의학*", "치료제*", "건강*", "의료*", "생물학적 위협*", "생물테러*",
    "의약품*", "질병*", "전염병*", "위생*", "보건의료*", "의료진*",
    "제약*", "진단*", "보건안보*", "병원*", "종합병원*",
  },
  unless = { "health of the", "health of its", "health of our",
             "economic health", "post-pandemic", "pre-pandemic",
             "ocean health", "health of the ocean" },
  weight = 1.0,
}

rule "health.weak" {
  label = "health",
  description = "words that lean to health without settling it",
  words = { "pharmaceutical*", "biotechnology", "prevent, detect, and respond",
            "preparedness", "bio", "laboratory", "laboratories", "water",
            "lives" },
  weight = 0.5,
}

rule "health.setting" {
  label = "health",
  description = "health words that only set the scene (the pandemic as a time)",
  words = { "despite the pandemic", "despite the covid-19 pandemic",
            "since the pandemic", "post-pandemic", "post-covid",
            "after the pandemic", "during the pandemic",
            "impact of the pandemic", "impact of covid-19",
            "impact of the global pandemic", "soil health",
            "코로나19로*", "의료지원단*", "의료지원부대*",
            "코로나19에도*", "코로나에도*", "코로나19 이후*", "코로나 이후*",
            "포스트코로나*", "포스트 코로나*", "코로나19 속*", "코로나 속*",
            "코로나19 상황*", "코로나19 사태에도*" },
  weight = -1.0,
}

example { "We pledge to expand coordination under the Global Health Security Agenda and to bolster pandemic prevention and response.", labels = { "health" } }
example { "Establish a comprehensive Global Vaccine Partnership to strengthen joint response capabilities for infectious disease.", labels = { "health" } }
example { "The United States and Korea will work to expand the production of vaccines that have been demonstrated safe and effective.", labels = { "trade", "health" } }
example { "Renew the bilateral health memorandum of understanding between the two health ministries.", labels = { "health" } }
example { "Deepening Cooperation on COVID-19 Response, Global Health, and Health Security", labels = { "health" } }
example { "Both research institutions work on infectious diseases and biomedical research.", labels = { "health" } }
example { "To prepare for the next biological threat, the two will establish a health security financing mechanism.", labels = { "health" } }
example { "Korea's investments in shipbuilding, semiconductors and pharmaceuticals support American jobs.", labels = { "trade" } }
example { "The two countries will promote the economic health of their industries.", labels = { "trade" } }
example { "The leaders met in Seoul.", labels = {} }
example { "Extreme heat from climate change threatens public health.", labels = { "health", "climate" } }
example { "양국은 차기 팬데믹에 대비하여 감염병 대응 역량을 강화하기로 하였다.", labels = { "health" } }
example { "한국은 전 세계 백신 공급 확대를 위해 국내 백신 생산 시설을 활용할 것이다.", labels = { "trade", "health" } }
example { "양측은 세계보건기구(WHO)와 협력하여 글로벌보건안보구상(GHSA)의 이행을 지원할 것이다.", labels = { "health" } }
example { "양측은 생물테러에 대비하기 위해 국방 당국 간 보건안보 협력을 강화하기로 하였다.", labels = { "security", "health" } }
example { "보건 및 백신 협력", labels = { "health" } }
