-- A vocabulary rule whose terms are given twice, as a table (table.lua)
-- and as lines of text (text.lua, what `clausetag train` writes): the two
-- must classify alike (e2e vocabulary_text_and_table).
label "fisheries" { title = "Fisheries" }
rule "fisheries.learned" { label = "fisheries", vocabulary = true }
