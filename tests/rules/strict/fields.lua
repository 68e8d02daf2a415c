-- A misspelt field of the clause object is an error, not nil.
label "a" {}
rule "a.when" {
  label = "a",
  when = function(c)
    return c.kind == "heading" or c.heding ~= nil
  end,
}
