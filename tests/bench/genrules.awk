# genrules.awk -- a rule file of N generated `words` rules, for
# `make bench-scale`.
#
#   LC_ALL=C awk -v rules=N -f genrules.awk samples/*.txt > rules.lua
#
# Rule i (i = 0 .. N-1) has label "g(i mod 10)" and 10 phrases: one word
# (3 letters or more) or word pair of the input files, so that it occurs in
# the benchmark corpus, taken in turn from a list of all of them in a fixed
# shuffled order (cycled when N exceeds it); and nine made-up words of four
# syllables that occur nowhere ("xbafedika").  So the automaton grows with
# N ten phrases a rule while the words that match grow one a rule, as in a
# real rule set where most words are absent from any one document.  The
# draw is a seeded Park-Miller generator (see corpus.awk): the same N gives
# the same file with any POSIX awk.
BEGIN { seed = 7 }
function draw(n) {              # 0 <= draw(n) < n
  seed = (seed * 16807) % 2147483647
  return int(seed / 2147483647 * n)
}
{
  line = tolower($0)
  gsub(/[^a-z]+/, " ", line)
  nw = split(line, w, " ")
  for (i = 1; i <= nw; i++) {
    if (length(w[i]) < 3) { prev = ""; continue }
    if (!(w[i] in seen)) { seen[w[i]] = 1; pool[np++] = w[i] }
    if (prev != "" && !((prev " " w[i]) in seen)) {
      seen[prev " " w[i]] = 1; pool[np++] = prev " " w[i]
    }
    prev = w[i]
  }
}
function madeup(j,   s, k) {           # "x" and j in base 70: 4 syllables
  s = "x"
  for (k = 0; k < 4; k++) {
    s = s substr("bdfgklmnprstvz", j % 14 + 1, 1) \
          substr("aeiou", int(j / 14) % 5 + 1, 1)
    j = int(j / 70)
  }
  return s
}
END {
  for (i = np - 1; i > 0; i--) {      # Fisher-Yates
    k = draw(i + 1); x = pool[i]; pool[i] = pool[k]; pool[k] = x
  }
  nl = rules < 10 ? rules : 10
  for (l = 0; l < nl; l++) printf "label \"g%d\" {}\n", l
  m = 0
  for (i = 0; i < rules; i++) {
    printf "rule \"g.r%d\" { label = \"g%d\", words = { \"%s\"", i, i % 10,
           pool[i % np]
    for (k = 0; k < 9; k++) printf ", \"%s\"", madeup(m++)
    print " } }"
  }
}
