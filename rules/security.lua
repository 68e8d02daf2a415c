-- security: defense and military posture, deterrence, North Korea,
-- denuclearization and non-proliferation, cyber, law enforcement and
-- homeland security, maritime security, sanctions, export controls.
--
-- "security" alone is a weak word: health security, energy security,
-- economic security and the UN Security Council are other topics, and
-- "peace and security" in praise of the alliance is no commitment.

rule "security.defense" {
  label = "security",
  description = "military, defense posture, deterrence",
  words = {
    "defense", "defence", "military", "militaries", "armed forces", "troops",
    "deterrence", "deterrent", "extended deterrence", "strategic assets",
    "nuclear consultative group", "force posture", "combined exercises",
    "combined defense", "combined forces", "joint exercises",
    "military exercises", "exercises and training", "military readiness",
    "mutual defense treaty", "missile*", "nuclear weapon*", "warship*",
    "submarine*", "fighter jets", "strike fighters", "f 35*", "weapon*",
    "arms sales", "military sales", "defense industr*",
    "u.s. forces korea", "usfk", "united nations command", "nato",
    "korean peninsula", "the peninsula", "dmz", "demilitarized zone",
    "alliance modernization", "multi-domain", "combat aircraft",
    "command and control", "collective defense", "self-defense",
    "mutual defense", "armed attack",
    "navy", "naval", "freedom of navigation", "taiwan strait",
    "south china sea", "east china sea", "ballistic", "icbm*",
    "field training", "training exercises", "military drills", "drills",
    "aggression", "invasion", "armistice", "peacekeeping",
    "provocation*", "space security", "strategic stability",
    -- Korean
    "국방", "군사", "연합훈련", "연합방위", "확장억제", "억제력", "다영역",
    "주한미군", "미사일", "핵무기", "핵잠수함", "핵협의그룹", "한반도",
  },
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
    "안보 협력", "안보 및 국방",
  },
  unless = { "health security", "energy security", "economic security",
             "food security", "보건안보", "경제안보", "에너지 안보" },
  weight = 1.0,
}

rule "security.dprk" {
  label = "security",
  description = "North Korea and denuclearization",
  words = {
    "north korea", "north korean", "dprk", "d.p.r.k.", "pyongyang",
    "kim jong un", "denucleariz*", "nonproliferation", "non proliferation",
    "proliferation", "iaea safeguard*", "safeguards agreement",
    "safeguard agreement", "additional protocol", "sanction*",
    "iaea", "북한", "대북", "비핵화", "비확산", "제재", "안전조치",
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
    "counterterrorism", "counter terrorism", "terrorism", "terrorist*",
    "violent extremism", "transnational crime", "illicit", "trafficking",
    "maritime security", "coast guard", "illegal, unreported and unregulated",
    "iuu", "illegal fishing", "unregulated fishing", "export control*",
    "investment screening",
    "screening mechanism", "cryptocurrency theft", "cyber activities",
    "fentanyl", "synthetic drugs", "illicit drugs", "drug trafficking",
    "narcotics", "counternarcotics", "smuggling", "human trafficking",
    "hybrid threats", "disinformation", "arms control", "border security",
    "critical infrastructure protection", "chemical and biological",
    "security support mission", "마약", "밀수", "스캠", "경비함정",
    "money laundering", "cyber-exploitation",
    "intelligence sharing", "information sharing",
    "secure 5g", "trusted vendors", "baggage screening",
    "사이버", "랜섬웨어", "법집행", "테러",
  },
  unless = { "cyber-exploitation working group" },
  weight = 1.0,
}

rule "security.weak" {
  label = "security",
  description = "security itself, when not another topic's security",
  words = { "security", "safeguard*", "deter", "안보" },
  unless = { "health security", "global health security agenda",
             "energy security", "economic security", "security council",
             "food security", "social security", "보건안보", "경제안보",
             "식량안보" },
  weight = 0.5,
}

rule "security.weak_context" {
  label = "security",
  description = "words that lean to security: with security itself, or with the section, they settle it",
  words = {
    "peace", "stability", "threat*", "alliance", "stable", "strategic", "secure",
    "maritime", "nuclear", "war", "allies", "ukraine", "forces",
    "attack*", "평화", "동맹", "위협", "훈련", "공격",
  },
  weight = 0.5,
}

rule "security.praise" {
  label = "security",
  description = "general praise of the alliance is no security commitment",
  words = { "linchpin", "cornerstone", "ironclad", "unbreakable",
            "bedrock", "핵심축" },
  weight = -0.5,
}

rule "security.heading" {
  label = "security",
  description = "section titles about peace and the alliance",
  words = { "peace", "alliance", "blood", "maritime", "security", "defense",
            "defence", "deterrence", "ukraine", "평화", "해양", "안보" },
  unless = { "health security", "energy security", "economic security",
             "food security", "보건안보", "경제안보", "식량안보" },
  when = function(c) return c.title end,   -- only in a title
}

rule "security.modernize" {
  label = "security",
  description = "modernizing the alliance (its forces and posture)",
  regex = [[\bmoderni[sz]\w*\s+(?:of\s+)?(?:the\s+|our\s+)?(?:bilateral\s+)?alliance\b]],
  weight = 1.0,
}

rule "security.verb" {
  label = "security",
  description = "security as the object of a commitment: deepen security, ...",
  regex = [[\b(?:deepen|strengthen|enhance|expand|bolster|increase)(?:s|ed|ing)?\s+(?:our\s+|regional\s+)?security\b]],
  unless = { "health security", "energy security", "economic security" },
  weight = 1.0,
}

example { "Both sides reaffirmed their commitment to the complete denuclearization of North Korea.", labels = { "security" } }
example { "The two leaders acknowledged the importance of combined exercises to maintain military readiness.", labels = { "security" } }
example { "Establish a cyber-working group to combat ransomware attacks against our two countries.", labels = { "security" } }
example { "The United States reaffirmed its extended deterrence commitment using the full range of its military capabilities.", labels = { "security" } }
example { "The alliance supports peace and stability on the Korean Peninsula.", labels = { "security" } }
example { "The strong alliance is the linchpin of peace and security in the Indo-Pacific.", labels = {} }
example { "We pledge to expand coordination under the Global Health Security Agenda.", labels = { "health" } }
example { "The two sides will strengthen energy security through LNG exports.", labels = { "trade" } }
example { "Commitment to Peace", labels = { "security" } }
example { "Alliance Forged in Blood", labels = { "security" } }
example { "The leaders exchanged views on regional issues.", labels = {} }
example { "Assist countries to eradicate illegal, unreported and unregulated fishing through maritime law enforcement capacity building.", labels = { "security", "climate" } }
example { "양국은 북한의 완전한 비핵화라는 공동의 목표를 재확인하였다.", labels = { "security" } }
example { "양국 군은 연합훈련을 정례적으로 실시할 것이다.", labels = { "security" } }
example { "한미동맹은 인도·태평양 지역 평화와 번영의 핵심축이다.", labels = {} }
example { "양측은 글로벌보건안보구상(GHSA)의 이행을 지원할 것이다.", labels = { "health" } }
