label "a" { title = "A", description = "every field", threshold = 0.5, color = "red" }
label "b" {}
abbreviations { "Amb." }
rule "a.when" { label = "a", regex = "\\b(trade|tariff)s?\\b", unless = { "trade wind*" },
  when = function(c)
    local n = 0
    for w in ct.words(c.norm) do n = n + #w end
    if c.heading and c.heading.labels.a then return 0.5 end
    if c.prev and c.prev.labels.b then return true end
    local s, e = c:find(ct.re("(?i)t[a-z]+"))
    return c:has("trade", "투자*") or (c:count("a") > 2 and n > 0) or (s ~= nil and e > s)
  end }
rule "b.title" { label = "b", words = { "health", "보건" }, scope = "title", weight = 2 }
rule "b.body" { label = "b", words = "cooperation", scope = "body", description = "x" }
rule "b.section" { label = "b", context = "section" }
rule "b.prev" { label = "b", context = "previous", words = { "this effort" } }
rule "a.focus" { label = "a", focus = true, weight = 0.5 }
rule "b.kind" { label = "b", when = function(c)
  return c.kind == "bullet" and c.depth > 0 and c.doc.id == "doc" and c.title == false
    and c.line >= 1 and c.col >= 1 and c.start < c.stop and #c.text > 0 and ct.fold(c.text) ~= nil
end }
example { "We trade.", labels = { "a" } }
weights { rules = { ["a.when"] = 1.5 }, thresholds = { b = 0.75 } }
