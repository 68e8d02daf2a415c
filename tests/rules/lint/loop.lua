-- A limit stops loading at once: the file after this one is not run.
label "l" { colr = "red" }
while true do end
