-- Document structure, for every shipped label: a clause leans to the
-- labels of its section heading, and a clause that points back to the
-- previous one ("This pilot builds on ...", "In this regard, ...") takes
-- that clause's topics.  Both are context rules, worked out in C: they
-- never carry a label into a clause whose own words give it another one,
-- and their strength is learned (weights.lua, clausetag train).  What
-- came just before leans too, as a prior the clause's own words confirm
-- or outweigh (context = "recent").  The
-- genre's own furniture is no topic either: a document's title, a lead-in
-- line, a list of the officials present, a visit's itinerary, the banner
-- of the web page it was copied from.

local labels = { "security", "trade", "health", "climate", "people" }

-- Openers and noun phrases that refer back to the previous clause.
local refers = {
  "in this regard", "in that regard", "to this end", "to that end",
  "to facilitate this", "for the success of", "in this context",
  "in this spirit", "building on this", "as part of this",
  "this effort", "these efforts", "this pilot", "this initiative",
  "these initiatives", "this program", "this programme", "these programs",
  "this project", "these projects", "this work", "this commitment",
  "these commitments", "this mechanism", "this collaboration",
  "this cooperation", "this contribution", "this funding", "this fund",
  "this assistance", "this plan", "this framework", "this dialogue",
  "this partnership", "this agreement", "this investment",
  "these investments", "such efforts", "such cooperation",
  "이를 위해*", "이와 관련*", "이러한 노력*", "이를 통해*",
}

-- A title that names the genre ("Joint Statement ...", "FACT SHEET: ...")
-- is the document's name, not one of its topics.
local genre = {
  "joint statement", "fact sheet", "declaration", "communique",
  "communiqué", "joint vision statement", "press release", "readout",
  "공동성명*", "팩트시트*", "보도자료*", "공동선언*",
  "공동 언론 발표*", "공동언론발표*", "언론 발표*", "공동기자회견*", "기자회견*",
}

-- The banner of a government web page copied with its text ("An official
-- website of the United States government", "Secure .gov websites use
-- HTTPS", an archive's notice) is the page's, not the document's.
local webpage = {
  "official website", "official websites", "gov website", "gov websites",
  "secure websites", "https", "archived content", "archive site",
}

-- What a visit's itinerary says was done: the places and plants visited,
-- the wreaths laid at memorials, are no topic of the talks.
local itinerary = {
  "시찰하였*", "헌화하*", "관광하였*", "접견하였*", "예방하였*", "방문하였*",
  "laid a wreath", "laid wreaths", "wreath laying", "war memorial",
  "veterans memorial", "national cemetery",
}

-- A partner praised as a leader in a list of fields ("global leaders in
-- democracy, economy, and technology"): each field is named in passing.
local fields = [[(?:democracy|economy|economics|technology|innovation|culture|science|education|trade|security|defen[cs]e|health|energy|environment|research|the arts)]]
local praise_list = [[\bleaders? in (?:the fields? of )?]] ..
  fields .. [[(?:,? (?:and )?]] .. fields .. [[){2,}\b]]

for _, l in ipairs(labels) do
  rule ("context.document_title." .. l) {
    label = l,
    description = "a document's title names the genre, not a topic",
    words = genre, scope = "title", weight = -5,
  }

  rule ("context.section." .. l) {
    label = l,
    description = "under a section heading labelled " .. l,
    context = "section", weight = 0.5,
  }

  rule ("context.focus." .. l) {
    label = l,
    description = "the share of the clause's own evidence that is " .. l,
    focus = true, weight = 0,
  }

  rule ("context.lead_in." .. l) {
    label = l,
    description = "a lead-in ending in ':' introduces the list after it",
    regex = [[:\s*$]], scope = "body", weight = -0.5,
  }

  rule ("context.delegation." .. l) {
    label = l,
    description = "a list of officials (three ministers' titles or more) names no topic",
    -- three consecutive titles, at most 400 characters apart: the same
    -- clauses as "장관.{0,400}?장관.{0,400}?장관", whose lazy gaps needed
    -- more steps than a long clause allows (regex match limit exceeded)
    regex = [[장관(?:(?!장관).){0,400}+장관(?:(?!장관).){0,400}+장관]],
    needs = "장관", weight = -2,
  }

  rule ("context.itinerary." .. l) {
    label = l,
    description = "a visit's itinerary (places visited, wreaths laid) names no topic",
    words = itinerary, weight = -2,
  }

  rule ("context.praise_list." .. l) {
    label = l,
    description = "fields listed in praise ('leaders in democracy, economy, and technology') name no topic",
    regex = praise_list, needs = { "leader in", "leaders in" }, weight = -1,
  }

  rule ("context.webpage." .. l) {
    label = l,
    description = "a web page's banner (.gov, HTTPS, archive notices) names no topic",
    words = webpage, weight = -2,
  }

  rule ("context.refers." .. l) {
    label = l,
    description = "points back to a previous clause labelled " .. l,
    context = "previous", words = refers, weight = 1.0,
  }

  rule ("context.recent." .. l) {
    label = l,
    description = "how much of what came just before was " .. l,
    context = "recent", weight = 1.0,
  }
end

example { "Joint Statement on the High-Level Security and Economic Dialogue", labels = {} }
example { "FACT SHEET: Strengthening Trade and Investment Ties", labels = {} }
example { "한미 정상회담 공동성명", labels = {} }
example { "Strengthening Trade and Investment Ties", labels = { "trade" } }
example { "대통령은 국립묘지에 헌화하고 산업시설을 시찰하였다.", labels = {} }
example { "The President laid a wreath at the Korean War Veterans Memorial.", labels = {} }
example { "Secure .gov websites use HTTPS", labels = {} }
example { "Both countries are global leaders in democracy, economy, and technology.", labels = {} }
example { "Share sensitive information only on official, secure websites.", labels = {} }
example { "한국측에서 경제기획원장관, 국방부장관, 상공부장관 및 과학기술처장관이 배석하였다.", labels = {} }
