-- Loads fine, fails at run time on any clause that says "explode".
label "climate" {}

rule "climate.core" { label = "climate", words = { "climate" } }

rule "climate.fragile" {
  label = "climate",
  when = function(c)
    if c.text:find("explode", 1, true) then error("cannot handle this") end
    return false
  end,
}
