-- security: defense and military posture, deterrence, North Korea,
-- denuclearization and non-proliferation, cyber, law enforcement and
-- homeland security, maritime security, regional peace and stability,
-- conflicts and wars, sanctions, export controls.
--
-- "security" alone is a weak word: health security, energy security,
-- economic security and the UN Security Council are other topics, and
-- "peace and security" in praise of the alliance is no commitment.
-- Words that only lean to security (peace, stability, international
-- law) are grouped by kind so that training can weigh each group.

-- Phrases written out from alternatives, where a regex would run on
-- every clause that holds its needle: every string made of one item of
-- each argument, in order (a string is an item alone).
local function each_of(...)
  local out = { "" }
  for _, part in ipairs { ... } do
    local items, longer = type(part) == "string" and { part } or part, {}
    for _, head in ipairs(out) do
      for _, item in ipairs(items) do longer[#longer + 1] = head .. item end
    end
    out = longer
  end
  return out
end

-- The lists, one after the other.
local function join(...)
  local out = {}
  for _, list in ipairs { ... } do
    for _, item in ipairs(list) do out[#out + 1] = item end
  end
  return out
end

rule "security.defense" {
  label = "security",
  description = "military, defense posture, deterrence",
  unless = { "안전보장이사회*", "security council" },
  words = {
    "defense", "defence", "military", "militaries", "armed forces", "troops",
    "deterrence", "deterrent", "extended deterrence", "strategic assets",
    "nuclear consultative group", "force posture", "combined exercises",
    "combined defense", "combined forces", "joint exercises",
    "military exercises", "exercises and training", "military readiness",
    "mutual defense treaty", "missile*", "nuclear weapon*", "warship*",
    "submarine*", "fighter jets", "strike fighters", "f 35*", "weapon*",
    "arms sales", "military sales", "defense industr*", "defence industr*",
    "uxo", "unexploded ordnance", "explosive remnants of war", "demining",
    "landmine*", "mine action",
    "u.s. forces korea", "usfk", "united nations command", "nato",
    "korean peninsula", "the peninsula", "dmz", "demilitarized zone",
    "alliance modernization", "multi-domain", "combat aircraft",
    "command and control", "collective defense", "self-defense",
    "mutual defense", "armed attack", "counterstrike", "air defense",
    "missile defense", "munitions", "ammunition",
    "navy", "naval", "coast guard*", "freedom of navigation", "overflight",
    "taiwan strait", "cross-strait", "south china sea", "east china sea",
    "ballistic", "icbm*", "field training", "training exercises",
    "military drills", "drills", "combined training", "joint training",
    "aggression", "invasion", "armistice", "peacekeeping", "peacekeepers",
    "provocation*", "space security", "strategic stability",
    "space situational awareness", "counterspace", "anti-satellite",
    "foreign military financing", "security assistance",
    "military assistance", "defense cooperation", "defence cooperation",
    "rotational", "port visits", "bases", "base access",
    "humanitarian assistance and disaster", "disaster response exercise*",
    "ssbn*", "nuclear operations", "nuclear planning", "strategic bomber*",
    "aircraft carrier*", "host nation support", "special measures agreement",
    "wartime operational control", "opcon", "combined forces command",
    "military demarcation line", "missile warning", "trilateral exercise*",
    "joint exercise*", "defense ministers", "defence ministers",
    "2+2", "aukus", "nuclear-powered", "nuclear umbrella",
    "confidence-building", "military tension*",
    "global posture", "force structure",
    "combat readiness", "operational readiness",
    "military education", "military training", "f-414", "article v",
    "senkaku*", "ipmda", "aggressive", "dangerous and aggressive",
    -- Korean
    "국방*", "군사*", "방산*", "방위산업*", "군용*", "자주포*", "전투기*", "연합훈련*", "연합방위*", "확장억제*", "억제력*", "다영역*",
    "주한미군*", "미사일*", "핵무기*", "핵잠수함*", "핵협의그룹*", "한반도*",
    "방위*", "무력*", "군비*", "불가침*", "군사분계선*", "비무장지대*",
    "정전협정*", "휴전*", "전쟁*", "침략*", "침공*", "점령*", "민족해방*",
    "공산주의*", "반공*", "공산침략*", "도발*", "무장*", "해군*", "공군*",
    "전략자산*", "전략핵잠수함*", "핵작전*", "핵운용*", "핵전력*", "핵억제*",
    "미사일 경보*", "연합연습*", "한미일 훈련*", "대만해협*",
    "남중국해*", "동중국해*", "항행의 자유*", "전시작전통제권*", "전작권*",
    "연합사*", "방위비*", "작전*", "군축*", "비무장*", "군사적 긴장*",
    "적대행위*", "무력충돌*", "신뢰구축*", "군사당국*", "국방장관*",
    "해양안보*", "해양 안보*", "우주안보*",
    "육군*", "병력*", "안전보장*", "무기*", "화학생물무기*", "전력증강*",
    "국방비*", "억지*", "평화정착*", "평화 정착*", "적대*", "평화와 안전*",
    "군비경쟁*", "안보상*", "확장억지*", "핵우산*", "안보태세*", "안보동맹*",
    "방위공약*", "공동방위*", "지뢰*", "불발탄*", "중립국감독위원회*",
    "통항의 자유*",
  },
  weight = 1.0,
}

rule "security.conflict" {
  label = "security",
  description = "wars and conflicts, ceasefires, hostages, terror attacks",
  words = {
    "armed conflict", "conflict", "conflicts", "war", "wars", "warring",
    "ceasefire", "cease-fire", "cessation of hostilities", "hostilities",
    "hostage*", "terror attack*", "terrorist attack*", "attacks",
    "insurgen*", "militant*", "hamas", "houthi*", "hezbollah", "isis",
    "al-shabaab", "escalation", "de-escalat*", "destabiliz*",
    "war crimes", "atrocit*", "genocide", "humanitarian law",
    "russia's war", "russia’s war", "russian aggression",
    "full-scale invasion", "peace process", "peace agreement",
    "good friday agreement", "belfast agreement",
    "conflict prevention", "stabilization", "crisis in myanmar",
    "price cap", "seizure of territory",
    "truce", "truces", "palestinian*", "two-state solution", "coup",
    "reconciliation",
    "분쟁*", "전쟁*", "테러*", "인질*", "격추*", "암살*", "피격*", "긴장 완화*", "긴장완화*", "긴장을 완화*",
  },
  unless = { "conflict of interest*", "conflict minerals",
             "post-conflict reconstruction", "sexual violence in conflict",
             "conflict-related sexual violence" },
  weight = 1.0,
}

rule "security.compound" {
  label = "security",
  description = "security as the topic, not as part of another topic's name",
  words = {
    "trilateral security", "security cooperation", "security forces",
    "regional security", "national security", "security alliance",
    "security agreement*", "security arenas", "security ties",
    "security and economic", "security and trade", "trade and security",
    "security sector", "security challenges", "security threats",
    "security environment", "maritime domain awareness",
    "security actors", "secure and trustworthy", "trusted network*",
    "rip and replace", "secure telecommunication*", "cyberspace",
    "inter-korean", "china seas", "telecommunications security",
    "network security", "vendor diversity", "audacious initiative",
    "안보 협력*", "안보 및 국방*", "안보협력*",
  },
  unless = { "health security", "energy security", "food security",
             "보건안보*", "에너지 안보*", "women, peace and security" },
  weight = 1.0,
}

rule "security.dprk" {
  label = "security",
  description = "North Korea, inter-Korean tension, non-proliferation",
  words = {
    "north korea", "north korean", "dprk", "d.p.r.k.", "pyongyang",
    "kim jong un", "denucleariz*", "nonproliferation", "non proliferation",
    "proliferation", "iaea safeguard*", "safeguards agreement",
    "safeguard agreement", "additional protocol", "sanction*",
    "iaea", "nuclear suppliers group", "npt", "nonproliferation treaty",
    "weapons of mass destruction", "wmd", "chemical weapons",
    "biological weapons", "nuclear test*", "unification",
    "핵추진잠수함*", "핵추진 잠수함*", "원자력추진잠수함*", "핵잠수함*",
    "북한*", "대북*", "비핵화*", "비확산*", "제재*", "안전조치*", "핵확산*",
    "대량살상무기*", "통일*", "남북대화*", "남북 대화*", "남북관계*",
    "남북 관계*", "북괴*", "평화통일*", 
    "공동연락사무소*", "연락사무소*", "당국간 회담*", "당국 간 회담*",
    "고위급회담*", "고위급 회담*", "핵 위협*", "핵위협*",
    "핵 도발*", "핵실험*", "탄도미사일*", "완전한 비핵화*",
    "북핵*", "북미 정상회담*", "북미정상회담*", "북미 대화*", "북미대화*",
    "판문점선언*", "판문점 선언*", "남북정상회담*", "남북 정상회담*",
    "6자회담*", "4자회담*", "종전선언*",
    "유엔가입*", "유엔 가입*", "국제연합 가입*", "통일방안*", "최고당국자회담*",
    "대화정책*", "평화노력*", "평화 노력*", "남북한 관계*", "남북한관계*",
    "방북*", "지하시설*",
  },
  weight = 1.0,
}

rule "security.cyber_law" {
  label = "security",
  description = "cyber security, crime, law enforcement, terrorism",
  words = {
    "cyber", "cybersecurity", "cyber security", "cybercrime*",
    "cyber attack*", "cyberattack*", "cyber threat*", "ransomware",
    "malicious cyber", "law enforcement", "homeland security",
    "counterterrorism", "counter terrorism",
    "terrorism", "terrorist*", "violent extremis*", "extremist*",
    "gun violence", "radicalization", "radicalisation", "christchurch call",
    "uav", "uavs", "unmanned aerial", "drones", "outbound investment",
    "immobilized", "immobilised", "sovereign assets",
    "transnational crime", "organized crime", "criminal organizations",
    "transborder crime", "cross-border crime", "criminal investigations",
    "arrests", "prosecutions", "border management", "securing borders",
    "cartel*", "illicit", "drug trafficking", "arms trafficking",
    "maritime security", "coast guard", "illegal, unreported and unregulated",
    "iuu", "illegal fishing", "unregulated fishing", "export control*",
    "investment screening", "piracy", "anti-piracy", "interdiction",
    "screening mechanism", "cryptocurrency theft", "cyber activities",
    "fentanyl", "synthetic drugs", "illicit drugs",
    "narcotics", "counternarcotics", "smuggling", "human trafficking",
    "firearms trafficking", "firearms",
    "hybrid threats", "disinformation", "arms control", "border security",
    "illegal aliens", "illegal immigration", "illegal migration",
    "illegal immigrants", "illegal border crossings", "seal the border",
    "critical infrastructure protection", "chemical and biological",
    "security support mission", "마약*", "밀수*", "스캠*", "경비함정*",
    "money laundering", "cyber-exploitation", "information manipulation",
    "foreign interference", "intelligence sharing", "internet crime",
    "cybercriminal*",
    "secure 5g", "trusted vendors", "baggage screening", "checked baggage",
    "aviation security",
    "사이버*", "랜섬웨어*", "법집행*", "테러*", "해적*", "범죄*",
    "사법공조*", "사법 공조*", "형사사법*", "테러리즘*", "포로*",
  },
  unless = { "cyber-exploitation working group" },
  weight = 1.0,
}

rule "security.order" {
  label = "security",
  unless = { "economic coercion" },
  description = "sovereignty, territorial integrity, force and coercion",
  words = {
    "territorial integrity", "status quo by force", "change the status quo",
    "unilateral actions", "coercion", "coercive", "use of force",
    "threat or use of force", "threat of force", "unclos",
    "law of the sea", "arbitral tribunal", "arbitral award",
    "maritime claims", "exclusive economic zone",
    "peaceful resolution of disputes", "peaceful settlement of disputes",
    "peace and stability", "peace and security in the region",
    "regional peace", "평화와 안정*", "평화, 안정*", "평화,안정*", "평화 안정*",
    "평화와 안전*", "평화지대*", "중립지대*", "외국군*", "철수*",
    "대량파괴무기*",
    "영토보전*", "주권*", "무력 사용*", "평화적 해결*", "평화적으로 해결*",
  },
  weight = 1.0,
}

rule "security.weak" {
  label = "security",
  description = "security itself, when not another topic's security",
  words = { "security", "safeguard*", "deter", "안보*" },
  unless = { "health security", "global health security agenda",
             "energy security", "security council", "women, peace and security",
             "food security", "social security", "보건안보*", "식량안보*" },
  weight = 0.5,
}

rule "security.weak_peace" {
  label = "security",
  description = "peace and stability: with another sign of security, or the section, they settle it",
  words = {
    "peace", "peaceful", "stability", "instability", "tensions",
    "crisis", "평화*", "안정*", "안전*", "긴장*", "세계평화*", "국제평화*",
  },
  weight = 0.5,
}

rule "security.weak_order" {
  label = "security",
  description = "international law and the UN Charter",
  words = {
    "international law", "un charter", "united nations charter",
    "charter of the united nations", "sovereignty", "sovereign",
    "rules-based order", "rules-based international order",
    "outer space", "territory", "border", "economic security", "경제안보*",
    "유엔헌장*", "국제법*",
  },
  weight = 0.5,
}

-- The regional conflicts and the questions of international order that
-- the joint statements of the Cold War years take positions on.
rule "security.affairs_ko" {
  label = "security",
  description = "regional conflicts and the UN question in Korean texts",
  words = {
    "캄푸챠*", "캄보디아 문제*", "팔레스타인*", "팔레스티나*", "나미비아*",
    "중동평화*", "중동 평화*", "중동문제*", "아프가니스탄*", "레바논*",
    "비동맹*", "국제연합*", "상호방위*", "방위조약*", "자주국방*",
    "국군현대화*", "군수지원*",
  },
  -- both Koreas' admission to the UN, written 「유엔」가입 as often as not
  regex = [[유엔\W{0,2}\s*(?:동시\s*)?가입|유엔에\s*(?:동시\s*)?가입]],
  weight = 1.0,
}

rule "security.in_names" {
  label = "security",
  description = "security inside the name of an office or a programme of another topic",
  words = { "national security advisor*", "national security adviser*",
            "minerals security partnership", "women, peace, and security" },
  weight = -1.0,
}

rule "security.weak_context" {
  label = "security",
  description = "words that lean to security: threats, allies, strategic ties",
  words = {
    "threat*", "alliance", "strategic", "secure", "maritime", "nuclear",
    "allies", "ukraine", "russia", "forces", "condemn*",
    "middle east", "gaza", "israel", "sudan", "myanmar", "haiti",
    "afghanistan", "somalia", "information sharing", "trafficking",
    "interoperability",
    "동맹*", "위협*", "훈련*", "공격*", "유엔*", "정세*",
  },
  weight = 0.5,
}

-- North Koreans' human rights and aid, as phrases (a regex would run on
-- every clause that names the DPRK or human rights).
local dprk_rights = join(
  { "abductions*", "abductees*", "unrepatriated*", "북한인권*", "북한 인권*",
    "이산가족*", "납북자*", "억류자*", "국군포로*" },
  each_of("human rights ", { "", "situation " }, "in ",
          { "the dprk*", "the north korea*" }),
  each_of({ "dprk", "north korea", "north korean" }, { "", "'s", "’s" },
          " human rights*"),
  each_of("humanitarian ", { "aid", "assistance" }, " ", { "to", "for" }, " ",
          { "", "the " }, { "", "most vulnerable ", "neediest " },
          "north koreans*"))

rule "security.not_dprk_rights" {
  label = "security",
  description = "human rights and aid for North Koreans are people's topics, not security",
  words = dprk_rights,
  weight = -1.0,
}

-- Remains recovery is people's topic by the conventions (inter-Korean
-- texts), however military the remains.
rule "security.not_remains" {
  label = "security",
  description = "recovering the remains of the fallen and the missing is people's topic, not security",
  words = { "remains of fallen", "remains of the fallen", "remains of soldiers",
            "remains of service members", "remains of servicemen",
            "remains of missing", "recovery of remains", "remains recovery",
            "pow/mia", "missing in action", "유해 발굴*", "유해발굴*",
            "유해 공동 발굴*", "유해 공동발굴*", "유해 송환*", "유해송환*" },
  weight = -1.0,
}

-- North Korea as the place where another topic happens is that topic's
-- setting ("the COVID-19 outbreak in the DPRK" is health, not security).
local dprk_setting = join(
  { "vaccines to the dprk", "vaccines for the dprk",
    "vaccines to north korea", "vaccines for north korea",
    "북한 내 코로나*", "북한의 코로나*", "북한 코로나*",
    "북한 내 감염병*", "북한의 감염병*", "북한 내 방역*",
    "북한의 방역*", "북한 방역*", "대북 백신*", "북한에 백신*" },
  each_of({ "outbreak", "outbreaks", "covid-19", "covid", "pandemic" }, " in ",
          { "the dprk", "north korea" }),
  each_of({ "dprk", "north korea" }, { "'s ", "’s " }, { "covid*", "outbreak*" }))

rule "security.dprk_setting" {
  label = "security",
  description = "a pandemic or outbreak in North Korea is health's topic; the country is its setting",
  words = dprk_setting,
  weight = -1.0,
}

rule "security.praise" {
  label = "security",
  description = "general praise of the alliance is no security commitment",
  words = { "linchpin", "cornerstone", "ironclad", "unbreakable",
            "bedrock", "free and open indo-pacific", "핵심축*" },
  weight = -1.0,
}

rule "security.praise_ties" {
  label = "security",
  description = "an alliance or partnership praised as the linchpin or cornerstone of peace and security is praise, not a commitment",
  regex = [[\b(?:alliance|partnership|relationship|friendship|ties)\b[^.;:]{0,60}?\b(?:linchpin|cornerstone|bedrock|anchor|pillar)\b|\b(?:linchpin|cornerstone|bedrock)\b[^.;:]{0,60}?\b(?:alliance|partnership|relationship)\b]],
  needs = { "linchpin", "cornerstone", "bedrock", "anchor", "pillar" },
  weight = -1.0,
}

rule "security.heading" {
  label = "security",
  description = "section titles about peace and the alliance",
  words = { "peace", "blood", "maritime", "security", "defense", "cyberspace",
            "defence", "deterrence", "ukraine", "stability", "middle east",
            "평화*", "해양*", "안보*" },
  unless = { "health security", "energy security", "food security",
             "보건안보*", "식량안보*" },
  scope = "title",
}

rule "security.modernize" {
  label = "security",
  description = "modernizing the alliance (its forces and posture)",
  regex = [[\bmoderni[sz]\w*\s+(?:of\s+)?(?:the\s+|our\s+)?(?:bilateral\s+)?alliance\b]],
  weight = 1.0,
}

-- The verbs of a commitment whose object is security, as phrases (a
-- regex would run on every clause that says "security").
local security_verbs = each_of(
  { "deepen", "deepens", "deepened", "deepening", "strengthen", "strengthens",
    "strengthened", "strengthening", "enhance", "enhances", "expand",
    "expands", "expanded", "expanding", "bolster", "bolsters", "bolstered",
    "bolstering", "increase", "increases" },
  " ", { "", "our ", "regional " }, "security")

rule "security.verb" {
  label = "security",
  description = "security as the object of a commitment: deepen security, ...",
  words = security_verbs,
  unless = { "health security", "energy security", "economic security" },
  weight = 1.0,
}

example { "Both sides reaffirmed their commitment to the complete denuclearization of North Korea.", labels = { "security" } }
example { "The two leaders acknowledged the importance of combined exercises to maintain military readiness.", labels = { "security" } }
example { "Establish a cyber-working group to combat ransomware attacks against our two countries.", labels = { "security" } }
example { "The United States reaffirmed its extended deterrence commitment using the full range of its military capabilities.", labels = { "security" } }
example { "The alliance supports peace and stability on the Korean Peninsula.", labels = { "security" } }
example { "The strong alliance is the linchpin of peace and security in the Indo-Pacific.", labels = {} }
example { "Our partnership remains a cornerstone of regional peace and security.", labels = {} }
example { "We pledge to expand coordination under the Global Health Security Agenda.", labels = { "health" } }
example { "The two sides will strengthen energy security through LNG exports.", labels = { "trade" } }
example { "Commitment to Peace", labels = { "security" } }
example { "Alliance Forged in Blood", labels = { "security" } }
example { "The leaders exchanged views on regional issues.", labels = {} }
example { "Assist countries to eradicate illegal, unreported and unregulated fishing through maritime law enforcement capacity building.", labels = { "security" } }
example { "We strongly oppose any unilateral attempts to change the status quo by force or coercion.", labels = { "security" } }
example { "We call for an immediate ceasefire and the release of all hostages.", labels = { "security" } }
example { "양국은 북한의 완전한 비핵화라는 공동의 목표를 재확인하였다.", labels = { "security" } }
example { "양국 군은 연합훈련을 정례적으로 실시할 것이다.", labels = { "security" } }
example { "한미동맹은 인도·태평양 지역 평화와 번영의 핵심축이다.", labels = {} }
example { "양측은 글로벌보건안보구상(GHSA)의 이행을 지원할 것이다.", labels = { "health" } }
example { "양국 정상은 남북대화를 통한 한반도 긴장완화가 중요하다는 데 의견을 같이하였다.", labels = { "security" } }
example { "양국 대통령은 남북한의 「유엔」가입 실현 노력을 지지하였다.", labels = { "security" } }
example { "We will work together to counter online radicalization to violence.", labels = { "security" } }
example { "양국 정상은 핵우산과 확장억지력을 포함한 굳건한 연합 안보태세를 재확인하였다.", labels = { "security" } }
example { "The United States will fund the clearance of unexploded ordnance in the province.", labels = { "security" } }
example { "The leaders expressed concern about the COVID-19 outbreak in the DPRK.", labels = { "health" } }
example { "양국은 핵추진잠수함 협력을 논의하였다.", labels = { "security" } }
