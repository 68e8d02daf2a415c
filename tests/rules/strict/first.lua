-- c.prev of the first clause and c.heading outside a section are nil;
-- every documented field reads without error.
label "a" {}
rule "a.fields" {
  label = "a",
  when = function(c)
    local _ = c.text, c.norm, c.kind, c.index, c.line, c.col, c.start,
              c.stop, c.depth, c.title, c.heading, c.prev, c.labels, c.doc,
              c.has, c.find, c.count
    return c.prev == nil and c.heading == nil
  end,
}
