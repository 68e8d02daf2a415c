-- A `when` with `needs` is called only on the clauses that hold one of
-- them: ct.log shows which (with --debug), and no other clause makes a
-- clause object or runs Lua.
label "energy" {}
rule "energy.clean" {
  label = "energy",
  needs = { "clean", "emission" },
  when = function(c)
    ct.log("asked on clause", c.index)
    return c.heading ~= nil and c.heading.text:find("Climate", 1, true) ~= nil
  end,
}
