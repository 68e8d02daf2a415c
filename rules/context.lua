-- Document structure, for every shipped label: a clause leans to the
-- labels of its section heading, and a clause that only points back to
-- the previous one ("This pilot builds on ...", "In this regard, ...")
-- takes that clause's topics.  Neither decides alone: the section adds
-- half a threshold, which needs a topic word of the clause itself.

local labels = { "security", "trade", "health", "climate", "people" }

-- Openers and noun phrases that refer back to the previous clause.
local refers = ct.re([[^(?:it (?:will|would|shall)|in this regard|to (?:this|that) end|to facilitate this|for the success of|the objective)\b|\b(?:this (?:\w+ )?|(?:these|such|the) )(?:effort|efforts|pilot|initiative|initiatives|program|programs|partnership|goal|goals|work|commitment|mechanism|project|projects|collaboration|contribution|contributions|funding|fund|assistance|plan|framework|dialogue)\b]])

-- What the structure says about a clause, worked out once per clause: every
-- `when` of one clause gets the same clause object, so the last one seen
-- identifies the clause.
local last, seen
local function context(c)
  if c ~= last then
    last = c
    local h = c.kind ~= "heading" and c.heading
    local p = c.kind ~= "heading" and c.prev
    seen = {
      section = h and h.labels or {},
      refers = p and c:find(refers) and p.labels or {},
    }
  end
  return seen
end

-- A title that names the genre ("Joint Statement ...", "FACT SHEET: ...")
-- is the document's name, not one of its topics.
local function names_document(c)
  return c.title and c:has("joint statement", "fact sheet", "declaration",
    "communique", "communiqué", "joint vision statement", "press release",
    "readout", "공동성명", "팩트시트", "보도자료", "공동선언")
end

for _, l in ipairs(labels) do
  rule ("context.document_title." .. l) {
    label = l,
    description = "a document's title names the genre, not a topic",
    when = function(c) return names_document(c) and -2 end,
  }

  rule ("context.section." .. l) {
    label = l,
    description = "under a section heading labelled " .. l,
    when = function(c) return context(c).section[l] and 0.5 end,
  }

  rule ("context.refers." .. l) {
    label = l,
    description = "points back to a previous clause labelled " .. l,
    when = function(c) return context(c).refers[l] and 1.0 end,
  }
end

-- Examples are classified one clause at a time, so only the title rule can
-- be shown here; section and back-reference rules are covered by the
-- labelled documents in tests/corpus (clausetag eval).
example { "Joint Statement on the High-Level Security and Economic Dialogue", labels = {} }
example { "FACT SHEET: Strengthening Trade and Investment Ties", labels = {} }
example { "한미 정상회담 공동성명", labels = {} }
example { "Strengthening Trade and Investment Ties", labels = { "trade" } }
