label "x" {}
rule "x.\u{202E}gnp.exe" { label = "x", words = {"climate"} }
