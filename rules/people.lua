-- people: people-to-people ties, exchanges of students, youth,
-- professionals and leaders, education and training, visas and travel,
-- culture, diaspora, women's empowerment, human rights and democracy,
-- parliamentary exchanges, governance and rule of law, development
-- assistance aimed at people.
--
-- "exchange" is a trap: an exchange of views or foreign exchange is not a
-- people-to-people exchange.

rule "people.core" {
  label = "people",
  description = "exchanges, education, visas, rights",
  words = {
    "people-to-people", "exchange program*",
    "exchanges", "student*", "scholarship*", "fulbright", "youth",
    "young leaders", "young people", "education", "educational",
    "vocational", "visa*", "immigration", "travel*",
    "traveler*", "tourism", "cultural", "culture", "diaspora",
    "women", "women's empowerment", "gender", "gender-based violence",
    "domestic violence", "human rights", "democracy",
    "democratic institutions", "democratic resilience", "good governance",
    "rule of law", "parliament*", "baggage",
    "two-way exchange", "leaders exchange*", "indigenous", "first nations",
    "migration", "migrant*", "refugee*", "asylum", "civic space",
    "immigrant*", "citizenship", "naturaliz*",
    "children", "aid workers", "creative econom*", "직업훈련*", "체류*",
    "이재민*", "한인*", "동포*",
    "independent media", "anti-corruption", "labor rights", "labour rights",
    "smallholder*", "farmers", "human smuggling",
    "이주*", "난민*", "장학*", "권익*", "피해자*",
    "disabilit*", "universit*", "scholars", "fellowship*", "장애인*",
    "parliamentary", "lawmakers", "legislators", "legislative exchange*",
    "congressional delegation*", "national assembly",
    "development assistance", "development cooperation", "koica",
    "person-to-person", "personnel", "temporary entry",
    "labor laws", "labour laws", "forced labor", "child labor",
    "social security", "사회보장*",
    "alumni", "fellows", "cohort*", "school*", "teachers", "english language",
    "upskilling", "reskilling", "skill development", "skills development",
    "talent", "international visitors", "ivlp", "consulate*",
    "concessional",
    "korea international cooperation agency", "srhr",
    "sexual and reproductive health and rights", "internet freedom",
    "freedom online", "free and open internet", "open government",
    "disinformation", "misinformation", "information manipulation",
    "media literacy", "information integrity",
    "language learning", "peace corps", "yseali", "yali", "ylai",
    "exchange visitor*", "sports", "olympic*", "arts", "museum*", "heritage",
    "creative industries", "abductee*", "detainee*", "separated famil*",
    "family reunion*", "remains recovery", "pow/mia", "prisoners of war",
    "remains of fallen", "remains of the fallen", "remains of soldiers",
    "remains of service members", "remains of servicemen",
    "remains of missing", "recovery of remains", "missing in action",
    "diaspora*",
    "인적 교류*", "유학생*", "청년*", "교육*", "비자*", "여성*", "젠더*",
    "인권*", "의회*", "문화*", "관광*", "인력*", "새마을*", "체육*",
    "올림픽*", "스포츠*", "예술*", "연수*", "이산가족*", "납북자*", "국군포로*",
    "유해 발굴*", "유해발굴*", "유해 공동 발굴*", "유해 공동발굴*",
    "유해 송환*", "유해송환*", "노동*", "근로자*", "인도적", "인도주의*",
    "박물관*", "인종차별*", "빈곤*", "기아*", "문맹*", "지역사회 개발*",
    "지역사회개발*", "촌락*", "재일한국인*", "법적지위*", "처우*",
    "인력훈련*", "기술훈련*", "숙련공*", "인적자원*", "한국학*", "미국학*",
    "학생*", "학술*", "청소년*", "언론 자유*", "언론의 자유*", "언론인*", "친선*", "억류자*", "비전향*",
    "장기수*", "고향방문*", "상봉*", "인적교류*", "민간교류*",
    "사회문화*", "사회·문화*", "법치*",
    "문화교류*", "교육교류*", "청년 교류*",
    "국민의 우호*", "국민 간 우호*", "국민 간의 우호*", "직항*", "한국어*",
    "성평등*", "양성평등*", "가족정책*", "개발협력*", "개발 협력*",
    "공적개발원조*", "지방정부*", "지자체*", "자치단체*", "젊은 세대*",
    "젊은이*", "복지*", "사회안전망*", "포용사회*", "포용적 사회*", "워킹 홀리데이*",
    "워킹홀리데이*", "출입국*", "여권*", "국민 간 유대*", "국민 간의 유대*",
    "농촌*", "문화유산*", "한복*", "전통음악*", "영화*", "수형자이송*",
    "항공 노선*", "항공노선*", "차별받*", "차별을*", "차별과*", "차별의*",
    "차별 없*", "차별없*", "차별 철폐*", "소외*", "공공행정*", "공정사회*",
    "포용적인 사회*",
  },
  unless = { "exchange of views", "exchanged views", "foreign exchange",
             "exchange rate*", "exchange market*", "democratic people's republic",
             "technical exchanges", "언론인 여러분*" },
  weight = 1.0,
}

-- 교류 (exchange) and 민주 (democracy) are people only when people are
-- what the clause is about: "교류와 협력" is relations in general, and
-- democracy named with market economy or a unification plan is praise
-- or a security proposal.
rule "people.exchange_ko" {
  label = "people",
  description = "exchanges, not relations in general",
  words = { "교류*", "상호교류*" },
  unless = { "교류와 협력*", "교류협력*", "교류·협력*", "교류, 협력*",
             "교류와 접촉*", "경제교류*", "경제 교류*", "기술교류*",
             "고위급 교류*", "고위인사 교류*", "정부 간 교류*",
             "전략적인 교류*" },
  weight = 1.0,
}

rule "people.democracy_ko" {
  label = "people",
  description = "democracy, not a unification plan or shared values",
  words = { "민주*", "자유민주주의*" },
  unless = { "민주통일*", "민주주의와 시장경제*", "시장경제와 민주주의*",
             "민주주의라는 공통*" },
  weight = 1.0,
}

rule "people.field_list" {
  label = "people",
  description = "culture as one item of a list of fields",
  regex = [[(?:경제|사회|정치)\s*[,·ㆍ・]?\s*(?:및\s*|등\s*)?문화|문화\s*[,·ㆍ・]?\s*(?:및\s*|등\s*)?(?:경제|정치)]],
  weight = -1.0,
}

rule "people.labor" {
  label = "people",
  description = "labor rights and standards, decent work",
  words = {
    "labor", "labour", "ilo", "international labour organization",
    "international labor organization", "decent work",
    "freedom of association", "collective bargaining", "forced or compulsory",
    "compulsory labor", "compulsory labour", "child labour", "wages",
    "occupational safety", "working conditions", "labor standards",
    "labour standards", "workers' rights", "workers’ rights",
    "rights at work",
  },
  unless = { "labor market", "labour market", "division of labor" },
  weight = 1.0,
}

rule "people.rights" {
  label = "people",
  description = "rights, equality, humanitarian aid to people",
  words = {
    "humanitarian assistance", "humanitarian aid", "humanitarian relief",
    "humanitarian access", "humanitarian crisis", "humanitarian situation",
    "humanitarian needs", "displaced", "displacement",
    "civilians", "poverty", "discrimination", "equality", "equity",
    "inclusion", "marginalized", "freedom of expression",
    "freedom of religion", "religious freedom", "press freedom",
    "media freedom", "elections", "electoral", "lgbtqi*", "racism",
    "racial", "xenophobia", "hate speech", "online harassment",
    "sexual exploitation", "abuse", "trafficking in persons",
    "abduct*", "separated families", "corruption", "accountability for",
    "fundamental freedoms", "democratic principles", "marginalised",
    "friendships", "development ties", "dignity", "violence against",
    "visit, work", "live in the united states",
  },
  unless = { "democratic people's republic", "democratic people’s republic",
             "humanitarian assistance and disaster", "humanitarian law" },
  weight = 1.0,
}

rule "people.weak" {
  label = "people",
  description = "words that lean to people without settling it",
  words = { "exchange", "train",
            "training", "researchers", "professionals", "citizens",
            "communities", "governance", "young", "usaid", "workers",
            "civil society", "democratic", "humanitarian", "development",
            "rights", "skills", "sustainable development goals", "sdgs",
            "financing for development", "development finance institutions",
            "연구자*", "전문*" },
  unless = { "exchange of views", "exchanged views", "foreign exchange",
             "exchange information", "exchange rate*", "technical exchanges",
             "humanitarian assistance and disaster", "humanitarian law",
             "military education", "military training" },
  weight = 0.5,
}

rule "people.training" {
  label = "people",
  description = "training people (not military training)",
  words = { "training programs", "train", "training", "workforce development",
            "skills" },
  unless = { "military", "exercises", "troops", "forces", "훈련*",
             "maritime", "coast guard", "defense", "security" },
  weight = 1.0,
}

rule "people.values" {
  label = "people",
  description = "values a partnership is founded on are praise, not a commitment",
  regex = [[\b(?:based|grounded|anchored|rooted|founded|guided|rests?)\s+(?:in|on|upon|by)\b[^.;:]{0,60}?\b(?:democra\w*|human rights|rule of law|freedoms?|values|principles|equality)\b|\b(?:reflect|share)\s+(?:our\s+|the\s+)?(?:shared|common|democratic)\s+(?:democratic\s+)?values\b|공동의\s*가치[를와]?\s*(?:바탕|기반|공유)|가치\s*동맹]],
  needs = { "based on", "based in", "based upon", "based by", "grounded",
            "anchored", "rooted", "founded", "guided", "rest on", "rest in",
            "rest upon", "rest by", "rests on", "rests in", "rests upon",
            "rests by", "shared values", "common values",
            "democratic values", "공동의", "가치" },
  weight = -1.0,
}

rule "people.heading" {
  label = "people",
  description = "section titles about people",
  words = { "people", "peoples", "people-to-people", "exchanges", "education",
            "democracy", "governance", "rights", "인적*" },
  scope = "title",
}

rule "people.participants" {
  label = "people",
  description = "participants of a program (not 'the Participants' of an MOU)",
  regex = [[\b(?:[0-9]+|american|korean|foreign|young|international|exchange|program)\s+participants\b]],
  weight = 1.0,
}

rule "people.young" {
  label = "people",
  description = "young leaders, professionals, scientists",
  regex = [[\byoung(?:\s+\w+)?\s+(?:leaders|professionals|people|scientists|entrepreneurs|diplomats)\b]],
  weight = 1.0,
}

example { "Expand exchange programs between graduate students in the fields of science and technology.", labels = { "trade", "people" } }
example { "People-to-people ties between our two countries are a central pillar of our friendship.", labels = { "people" } }
example { "Announce consultations on human rights and democracy promotion.", labels = { "people" } }
example { "Create a working group dedicated to ending the abuse of women online and offline.", labels = { "people" } }
example { "Improve visa processes for Korean experts.", labels = { "people" } }
example { "The leaders had a candid exchange of views on the region.", labels = {} }
example { "The priorities include maintaining foreign exchange market stability.", labels = { "trade" } }
example { "Initiate the two-way exchange of young environmental leaders.", labels = { "climate", "people" } }
example { "Lawmakers play a critical role in strengthening the relationship.", labels = { "people" } }
example { "The two presidents met at the White House.", labels = {} }
example { "양국은 유학생과 연구자 간 교류를 확대할 것이다.", labels = { "people" } }
example { "한미 양국은 청년 지도자 교류 프로그램을 신설하기로 하였다.", labels = { "people" } }
example { "양측은 여성의 역량 강화와 젠더 기반 폭력 근절을 위해 협력할 것이다.", labels = { "people" } }
example { "양국은 민주주의와 인권 증진을 위한 협의체를 출범시키기로 하였다.", labels = { "people" } }
example { "인적 교류 확대", labels = { "people" } }
example { "Together we will build media literacy to counter disinformation.", labels = { "people" } }
example { "Our partnership is anchored in shared democratic values.", labels = {} }
example { "우리는 누구도 차별받지 않는 공정사회로 나아가는 방안을 논의했습니다.", labels = { "people" } }
example { "Our ties are grounded in respect for human rights and the rule of law.", labels = {} }
example { "The partnership rests on shared values of freedom and democracy.", labels = {} }
example { "양국은 6·25전쟁 전사자 유해 공동 발굴 사업을 지속하기로 하였다.", labels = { "people" } }
