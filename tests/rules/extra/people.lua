-- A second rule file, given on its own with -r next to basic/.
label "people" { title = "People-to-people ties" }

rule "people.exchange" {
  label = "people",
  words = { "exchange*", "experts" },
}
