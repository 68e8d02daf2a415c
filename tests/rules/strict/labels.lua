-- labels.X of a label the set does not declare is an error; one it
-- declares but the clause lacks reads nil.
label "trade" {}
label "b" {}
rule "trade.core" { label = "trade", words = { "trade" } }
rule "b.after" {
  label = "b",
  when = function(c)
    local h = c.prev
    if h == nil then return false end
    if h.labels.b then return 0.5 end
    return h.labels.trdae and 1 or false
  end,
}
