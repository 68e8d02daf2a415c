label "x" {}
rule ("x." .. string.rep("a", 200)) { label = "x", words = {"climate"} }
