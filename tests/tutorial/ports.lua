label "port" { title = "Ports", threshold = 1.5 }

rule "port.words" { label = "port", words = { "port", "harbour", "harbor" } }
