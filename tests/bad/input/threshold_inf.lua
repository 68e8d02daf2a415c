label "x" { threshold = math.huge }
rule "x.one" { label = "x", words = {"climate"} }
