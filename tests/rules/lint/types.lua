-- Wrong types: each says what was expected and what was given.
label "t" { threshold = "high", title = 3 }

rule "t.a" {
  label = "t",
  words = { "alpha", 2, "gamma*" },
  weight = "1",
  focus = "yes",
  when = "always",
}

rule "t.b" { label = "t", words = 7 }

rule "t.c" { label = "t", words = { "beta" }, scope = "titel", context = "secton" }

example { "Alpha.", labels = "t" }
example { labels = { "t", "tt" } }
abbreviations { "Amb.", "Adm", 3 }
label "u" { colour = "bleu", color = "bleu" }
