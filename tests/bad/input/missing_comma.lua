label "ocean" { title = "Oceans" }

rule "ocean.fish" {
  label = "ocean",
  words = {"fisheries", "maritime"}  -- the core words
  unless = {"fisheries ministry"},
}
