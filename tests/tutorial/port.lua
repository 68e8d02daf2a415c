-- A port or navigation counts for maritime only in a section whose
-- heading is maritime.
rule "maritime.port" {
  label = "maritime",
  words = { "port*", "navigation" },
  when = function(c)
    ct.log("heading:", c.heading and c.heading.text)
    return c.heading ~= nil and c.heading.labels.maritime
  end,
}
