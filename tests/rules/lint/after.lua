rule "after.a" { label = "s", words = { "c" }, colour = "red" }
