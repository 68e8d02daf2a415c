-- a rule file that only adds abbreviations
abbreviations { "Ofc.", "Insp." }
