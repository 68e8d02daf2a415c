-- Document structure, for every shipped label: a clause leans to the
-- labels of its section heading, and a clause that only points back to
-- the previous one ("This pilot builds on ...", "In this regard, ...")
-- takes that clause's topics.  Neither decides alone: the section adds
-- half a threshold, which needs a topic word of the clause itself.

local labels = { "security", "trade", "health", "climate", "people" }

-- Openers and noun phrases that refer back to the previous clause.
local refers = ct.re([[^(?:it (?:will|would|shall)|in this regard|to (?:this|that) end|to facilitate this|for the success of|the objective)\b|\b(?:this (?:\w+ )?|(?:these|such|the) )(?:effort|efforts|pilot|initiative|initiatives|program|programs|partnership|goal|goals|work|commitment|mechanism|agreement|project|projects|collaboration|contribution|contributions|funding|fund|assistance|plan|framework|dialogue)\b]])

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

for _, l in ipairs(labels) do
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
