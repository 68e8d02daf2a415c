-- Rules that would fire inside a Markdown link's URL if the engine
-- matched the raw bytes (e2e classify_markdown_link_url).
label "climate" {}
label "security" {}
label "trade" {}
rule "c" { label = "climate", words = {"climate"} }
rule "s" { label = "security", regex = [[security]] }
rule "t" { label = "trade", words = {"trade"} }
rule "w" { label = "trade", when = function(c) if c:find("example") then error("c:find saw the URL") end end }
