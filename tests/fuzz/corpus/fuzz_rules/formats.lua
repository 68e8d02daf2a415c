-- The rule set of the format_* e2e cases: titles and descriptions with
-- every character a report must escape, one label with a colour of its
-- own, one whose rules never fire, and rules of unequal weight so the
-- SARIF ruleId (the rule that adds most) is pinned.
label "alpha" { title = [[Alpha <a> & "quoted" 'too']], color = "blue" }
label "beta" { title = "Beta", threshold = 1.0 }
label "gamma" { description = "never reached by the fixtures" }

rule "alpha.words" {
  label = "alpha",
  words = { "alpha", "알파" },
  description = [[alpha <words> & "more"]],
}

rule "alpha.strong" {
  label = "alpha",
  words = { "strong alpha" },
  weight = 2.0,
}

rule "beta.word" {
  label = "beta",
  regex = [[\bbeta\b]],
  weight = 0.5,
}

rule "beta.more" {
  label = "beta",
  words = { "more beta" },
  weight = 0.5,
}

rule "gamma.never" {
  label = "gamma",
  words = { "zzgammazz" },
}
