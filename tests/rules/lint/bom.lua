#!/usr/bin/env clausetag
label "b" { colr = "red" }
rule "b.x" { label = "b", words = { "café", "naïve*y" } }
