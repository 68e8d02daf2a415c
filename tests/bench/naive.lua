-- naive.lua -- the plain-Lua way to tag clauses, as a yardstick for
-- `make bench`: what a user would write in an afternoon without clausetag.
--
--   lua5.4 tests/bench/naive.lua WORDS.tsv FILE...
--
-- WORDS.tsv has one "LABEL<TAB>PHRASE" per line (the words `make bench`
-- takes from `clausetag rules -f jsonl`).  Each file is cut into
-- paragraphs at blank lines and into sentences after every run of . ! ?
-- (no abbreviations, no lists, no headings); each sentence is lowercased
-- and searched for every phrase with plain string.find (no word
-- boundaries; a trailing '*' is dropped).  A sentence gets a label when
-- one of the label's phrases occurs in it.  Prints one line per sentence,
-- as classify does: FILE:N: LABELS: SENTENCE, "-" for no label.

local labels, phrases = {}, {}        -- label names in order; label -> list
for line in io.lines(arg[1]) do
  local label, phrase = line:match("^([^\t]+)\t(.+)$")
  if label then
    if not phrases[label] then
      labels[#labels + 1] = label
      phrases[label] = {}
    end
    local list = phrases[label]
    list[#list + 1] = phrase:gsub("%*$", ""):lower()
  end
end

local out = io.stdout
out:setvbuf("full")

local function tag(file, n, sentence)
  local lower, found = sentence:lower(), {}
  for _, label in ipairs(labels) do
    for _, p in ipairs(phrases[label]) do
      if lower:find(p, 1, true) then
        found[#found + 1] = label
        break
      end
    end
  end
  out:write(file, ":", n, ": ", #found > 0 and table.concat(found, ",") or "-",
            ": ", (sentence:gsub("%s+", " ")), "\n")
end

for i = 2, #arg do
  local f = assert(io.open(arg[i], "rb"))
  local text = f:read("a")
  f:close()
  local n = 0
  for para in (text .. "\n\n"):gmatch("(.-)\n[ \t\r]*\n") do
    for sentence in para:gmatch("[^.!?]+[.!?]*") do
      if sentence:find("%S") then
        n = n + 1
        tag(arg[i], n, sentence:match("^%s*(.-)%s*$"))
      end
    end
  end
end
out:flush()
