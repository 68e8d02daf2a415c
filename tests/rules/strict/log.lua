-- ct.log prints with --debug, from the top level and from a `when`.
ct.log("loaded", 3, 2.5, true, nil, {}, ct.re("x"))
label "a" {}
rule "a.log" {
  label = "a",
  when = function(c)
    ct.log("clause", c.index, c.kind, "line\nbreak", c)
    return c.index == 2
  end,
}
