-- phrases chosen so the automaton built in C needs gigabytes: many
-- states (bytes of distinct phrases) times many byte classes
label "x" {}
-- (pseudo-random letters: phrases that shared their beginnings would
-- share their states)
local words, a, x = {}, "abcdefghijklmnopqrstuvwxyz0123456789", 1
for i = 1, 40000 do
  local w = {}
  for j = 1, 100 do
    x = (x * 1103515245 + 12345) % 2147483648
    local k = x // 65536 % #a + 1
    w[j] = a:sub(k, k)
  end
  words[i] = table.concat(w) .. i
end
rule "x.phrases" { label = "x", words = words }
