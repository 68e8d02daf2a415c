-- A rule that fails at run time on a clause with the word KABOOM, and
-- labels the clauses with "boom" otherwise never: for the stream
-- contract's tests (a record whose classification fails is answered by
-- a "partial" document record under --keep-going, by an error record
-- without).
label "boom" {}
rule "boom.fail" {
  label = "boom",
  when = function(c)
    if string.find(c.text, "KABOOM", 1, true) then error("kaboom") end
    return false
  end
}
