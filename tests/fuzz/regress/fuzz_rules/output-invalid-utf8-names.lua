label "bÿd" { title = "tÿ" }
rule "bÿd.r" { label = "bÿd", words = "alliance", description = "dÀ€" }
