-- twenty regex rules of fifteen lookaheads: on a clause of 8,000 bytes
-- each search is a quarter of a second of work within the match limit;
-- the regex rules of a clause share --rule-time
label "x" {}
for r = 1, 20 do
  local a = {}
  for i = 1, 15 do a[#a + 1] = "(?=[^z]*+z" .. (r * 100 + i) .. ")" end
  rule("x.r" .. r) { label = "x", regex = ".(?:" .. table.concat(a, "|") .. ")" }
end
