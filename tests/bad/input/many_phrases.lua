-- phrases chosen so the automaton built in C needs gigabytes: many
-- states (bytes of distinct phrases) times many byte classes
label "x" {}
local words, a = {}, "abcdefghijklmnopqrstuvwxyz0123456789"
for i = 1, 40000 do
  local w = {}
  for j = 1, 100 do
    local k = (i * 7 + j * 13) % #a + 1
    w[j] = a:sub(k, k)
  end
  words[i] = table.concat(w) .. i
end
rule "x.phrases" { label = "x", words = words }
