-- The same id as in dup_a.lua.

rule "climate.core" { label = "climate", words = { "emissions" } }
