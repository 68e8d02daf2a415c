label "x" {title="P\nx      1.0        Forged \27[2J\194\155"}
rule "x.w" {label="x", words={"a"}}
example {"b\nfake.lua:1: ok \27[31m", labels={"x"}}
