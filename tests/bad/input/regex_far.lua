-- a regex rule whose match lies past the first --max-clause-bytes bytes
label "x" {}
rule "x.far" { label = "x", regex = [[energy\.$]] }
