-- A file of examples only checks every label of the rule set.
example { "We will cut emissions.", labels = { "climate" } }
example { "We will cut emissions and expand trade.", labels = { "climate" } }
