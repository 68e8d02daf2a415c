-- vocabulary: for each label, the words that `clausetag train` learned
-- from the labelled corpus, beyond what the written rules say (see
-- docs/rules.md, "Learned vocabulary").  Their terms and weights are in
-- weights.lua; `make weights` learns them again.  They run last, after
-- the context rules, and add to a label's score what the terms of the
-- clause say for it (or against it).

for _, label in ipairs { "security", "trade", "health", "climate", "people" } do
  rule ("vocabulary." .. label) {
    label = label,
    description = "the words learned for " .. label,
    vocabulary = true,
  }
end
