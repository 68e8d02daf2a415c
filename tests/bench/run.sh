#!/bin/sh
# run.sh -- throughput and memory of clausetag, next to peers in the same run.
#
#   sh tests/bench/run.sh build/clausetag [MB]
#
# Builds a corpus of about MB megabytes (default 16) in 400 files from the
# sample fact sheets (paragraphs shuffled with a fixed seed), then times:
#   wc -w                      reading every byte (the floor)
#   grep -ciwF -f words.txt    a literal multi-word search, the topic words
#                              of the shipped rules (the peer most users have)
#   clausetag segment          UTF-8 check + segmentation
#   clausetag classify words   the same words as one rule: normalization and
#                              the phrase automaton, no Lua
#   clausetag classify         segmentation + every shipped rule, -j1 and -j2
# Each is the best of 3 runs; ratios are against grep measured here, since
# absolute times on shared machines are not stable.  Max RSS from GNU time.
set -eu
CT=${1:?usage: run.sh BINARY [MB]}
MB=${2:-16}
dir=$(mktemp -d "${TMPDIR:-/tmp}/clausetag-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# -- corpus ------------------------------------------------------------
mkdir "$dir/corpus"
awk -v mb="$MB" -v out="$dir/corpus" '
  BEGIN { RS = ""; srand(42) }
  { para[n++] = $0 }
  END {
    target = mb * 1024 * 1024; total = 0; f = 0
    while (total < target) {
      file = sprintf("%s/doc%03d.txt", out, f++ % 400)
      for (k = 0; k < 40; k++) {
        p = para[int(rand() * n)]
        print p "\n" >> file
        total += length(p) + 2
      }
    }
  }' samples/*.txt
bytes=$(cat "$dir"/corpus/*.txt | wc -c)
grep -ho '"[a-z][a-z -]*[a-z]"' rules/*.lua | tr -d '"' | sort -u > "$dir/words.txt"
# The same words as one rule set without `when`: the C matching path alone.
{ echo 'label "t" {}'; echo 'rule "t.words" { label = "t", words = {'
  sed 's/.*/  "&",/' "$dir/words.txt"; echo '} }'; } > "$dir/words.lua"

# -- timing ------------------------------------------------------------
best() {   # best wall time of 3 runs of "$@" (output discarded) and the
           # max RSS of the last: prints "seconds rss_kb"
  b=""
  for i in 1 2 3; do
    t0=$(date +%s%N)
    sh -c "$*" > /dev/null 2>&1 || true
    t1=$(date +%s%N)
    t=$(( (t1 - t0) / 1000 ))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  /usr/bin/time -f "%M" -o "$dir/t" sh -c "$*" > /dev/null 2>&1 || true
  awk -v us="$b" -v m="$(cat "$dir/t")" 'BEGIN { printf "%.3f %s\n", us / 1e6, m }'
}
row() {    # name, then the command
  name=$1; shift
  set -- $(best "$@")
  mbs=$(awk -v b="$bytes" -v t="$1" 'BEGIN{ if (t <= 0) t = 0.01; printf "%.1f", b / 1048576 / t }')
  printf '%-28s %8s s %9s MB/s %9s KB\n' "$name" "$1" "$mbs" "$2"
  echo "$name $mbs" >> "$dir/results"
}

printf 'corpus: %s bytes in %s files, %s topic words\n\n' "$bytes" \
  "$(ls "$dir/corpus" | wc -l)" "$(wc -l < "$dir/words.txt")"
printf '%-28s %10s %14s %12s\n' "command" "wall" "throughput" "max RSS"
row "wc -w" "cat $dir/corpus/*.txt | wc -w"
row "grep -ciwF -f words" "grep -ciwF -f $dir/words.txt $dir/corpus/*.txt"
row "clausetag segment" "$CT segment -j1 -f lines $dir/corpus"
row "clausetag classify words" "$CT classify -j1 -f jsonl -r $dir/words.lua $dir/corpus"
row "clausetag classify -j1" "$CT classify -j1 -f jsonl $dir/corpus"
row "clausetag classify -j2" "$CT classify -j2 -f jsonl $dir/corpus"

echo
awk '{ v[$0] = 1; split($0, a, " "); name[NR] = $0; mbs[NR] = a[length(a)] }
     /^grep/ { g = $NF }
     END { for (i = 1; i <= NR; i++) { n = name[i]; sub(/ [0-9.]+$/, "", n)
             printf "%-28s %6.2f x grep\n", n, mbs[i] / g } }' "$dir/results"
