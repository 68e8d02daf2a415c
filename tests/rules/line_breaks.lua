-- Regexes read a clause that runs over lines (wrapped text, a PDF, <br>)
-- as one line: each run of white space that is not ASCII spaces alone
-- (a tab, a line break, a no-break or ideographic space in it) is one
-- space to `regex` rules, c:find/c:count and in c.norm, with matches
-- placed in the clause's bytes, while c.text keeps the bytes as written (e2e
-- rule_regex_line_breaks, rule_regex_line_breaks_pdf and
-- rule_regex_unicode_spaces).
label "space" {}
label "dot" {}
label "found" {}
label "newline" {}
label "lines" {}
label "written" {}
label "place" {}
label "iuu" {}
label "plain" {}

rule "space" { label = "space", regex = [[\bunreported fishing\b|\btext files\b]] }
rule "dot" { label = "dot", regex = [[\billegal\b.*\bfishing\b|\bflood\b.*\binundation\b]] }
rule "found" {
  label = "found",
  when = function(c)
    return c:count("clean energy cooperation|through control structures") == 1
  end
}
rule "iuu" { label = "iuu", regex = [[\billegal, unreported and unregulated fishing\b]] }
-- no line break is left for these to find
rule "newline" { label = "newline", regex = [[unreported\nfishing|text\nfiles]] }
rule "lines" { label = "lines", regex = [[(?m)^(?:fishing|files)\b]] }
rule "written" {
  label = "written",
  when = function(c) return ct.re([[\n]]):find(c.text) ~= nil end
}
-- c:find answers in c.text's bytes, the line break and indentation in
-- the match
rule "place" {
  label = "place",
  when = function(c)
    local a, b = c:find("all unreported fishing")
    local x, y = ct.re([[all\s+unreported\s+fishing]]):find(c.text)
    return a ~= nil and a == x and b == y
  end
}
-- c.norm reads as one line too, so a plain search finds words across a
-- line end or a tab
rule "plain" {
  label = "plain",
  when = function(c)
    return c.norm:find("unreported fishing by", 1, true) ~= nil or
           c.norm:find("clean energy cooperation", 1, true) ~= nil
  end
}
