#!/bin/sh
# run.sh -- `make bench`: clausetag's throughput and memory next to peers
# that look for the same words, in one run on one corpus.
#
#   sh tests/bench/run.sh build/clausetag
#
# The corpus: BENCH_MB MiB (default 64) in BENCH_FILES documents (default
# 2048) of sample paragraphs drawn with a fixed seed (corpus.awk), kept in
# BENCH_DIR (default build/bench) from one run to the next.  The words: the
# loaded rule set's (`clausetag rules -f jsonl`; BENCH_RULES=PATH loads
# -r PATH instead of the shipped rules), see bench_words in lib.sh.
#
# Timed, BENCH_RUNS times each (default 5), in rounds (every command once,
# then again), so that a slow minute of a shared machine hits all alike:
#   clausetag classify -j1, -j2     the rule set, default (text) output
#   two classify -j1 at once        two processes on the corpus each: what
#                                   the machine gives two copies of this
#                                   work, the ceiling for -j2's speed-up
#   classify -j1 on CPU 0, on CPU 1 pinned with taskset (2 CPUs or more):
#                                   whether the machine's CPUs are equal;
#                                   when one is slower, -j2 cannot reach
#                                   2x whatever the code does
#   clausetag segment -j1           UTF-8 check + segmentation + output
#   clausetag classify words only   the words as one rule per label: the
#                                   C matching path, no Lua, no regex
#   yara -p 1, -p 2                 one rule per label, nocase fullword
#   yara -p 1 on CPU 0              next to classify -j1 on CPU 0: the
#                                   ratio of two single cores, which an
#                                   unequal or busy sibling CPU leaves
#   rg -j1 -c -i -w -f words        ripgrep, one thread
#   lua5.4 naive.lua                plain Lua: naive sentences, string.find,
#                                   on the first BENCH_NAIVE_MB MiB (16)
#   cat                             reading every byte: the floor
# Every command runs on a warm page cache: the corpus is read (cat)
# before each one, untimed.  Once per round was not enough: a kernel
# with proactive reclaim (DAMON's pageout, on the machines this was
# written on) evicts file pages left unread for a few seconds, about a
# tenth of the corpus in 20 s, so the command after naive.lua's half
# minute read part of its input from disk, classify -j1 4% slower.
# Prints one table (median seconds, MiB/s of the median, min-max, median
# CPU seconds, largest peak RSS), then the ratios: for each round the ratio
# of the two commands' times per byte, and the median of those (the -j2,
# two-process and pinned ratios also with their range over the rounds
# when it is wider than 5%).  Medians and ratios are what to quote: the
# absolute figures move with whatever else the machine is doing.
set -u
. "$(dirname "$0")/lib.sh"

CT=${1:?usage: run.sh BINARY}
case $CT in /*) ;; *) CT=$(pwd)/$CT ;; esac
[ -x "$CT" ] || bench_die "$CT is not an executable (run make first)"
MB=${BENCH_MB:-64}
FILES=${BENCH_FILES:-2048}
RUNS=${BENCH_RUNS:-5}
NAIVE_MB=${BENCH_NAIVE_MB:-16}
DIR=${BENCH_DIR:-build/bench}
RULES_ARGS=${BENCH_RULES:+-r $BENCH_RULES}
PIN=
if [ "$(nproc)" -ge 2 ] && taskset -c 1 true 2>/dev/null; then PIN=1; fi
bench_need jq yara rg lua5.4 /usr/bin/time

mkdir -p "$DIR/run" || bench_die "cannot create $DIR"
DIR=$(cd "$DIR" && pwd)
bench_corpus "$DIR/corpus-${MB}m-${FILES}f" "$MB" "$FILES"
cd "$DIR/run" || exit 2
rm -f results results.*
ln -sfn "../corpus-${MB}m-${FILES}f" corpus
# shellcheck disable=SC2086
bench_words "$CT" . $RULES_ARGS
BENCH_RESULTS=$(pwd)/results

bytes=$(bench_bytes corpus/*.txt)
nfiles=$(ls corpus | wc -l | tr -d ' ')
# naive.lua's slice: the first files, NAIVE_MB MiB of them.
nslice=$(( (FILES * NAIVE_MB + MB - 1) / MB ))
slice=$(ls corpus | head -n "$nslice" | sed 's|^|corpus/|' | tr '\n' ' ')
# shellcheck disable=SC2086
slice_bytes=$(bench_bytes $slice)

echo "make bench: $(bench_machine)"
printf 'corpus: %s bytes (%.1f MiB) in %s files from samples/, cksum %s\n' \
  "$bytes" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$nfiles" \
  "$(cat corpus/*.txt | cksum | cut -d' ' -f1)"
printf 'words: %s in %s labels, from `clausetag rules -f jsonl`%s\n' \
  "$(wc -l < words.tsv | tr -d ' ')" \
  "$(cut -f1 words.tsv | sort -u | wc -l | tr -d ' ')" \
  "${BENCH_RULES:+ -r $BENCH_RULES}"
printf 'peers: yara %s, %s, %s\n' "$(yara --version)" \
  "$(rg --version 2>/dev/null | head -n 1)" "$(lua5.4 -v 2>&1 | cut -d' ' -f1-2)"
printf '%s rounds of every command; medians\n\n' "$RUNS"

# key, bytes, command (run in $DIR/run, output to /dev/null).  In a round
# each clausetag command is next to the peer it is compared with, so that
# the ratio of one round compares runs a few seconds apart.
commands() {
  echo "cj1	$bytes	$CT classify -j1 $RULES_ARGS corpus"
  echo "y1	$bytes	yara -w -p 1 -r words.yar corpus"
  echo "cj2	$bytes	$CT classify -j2 $RULES_ARGS corpus"
  echo "pj1	$((2 * bytes))	$CT classify -j1 $RULES_ARGS corpus & $CT classify -j1 $RULES_ARGS corpus; wait"
  if [ -n "$PIN" ]; then
    echo "cpu0	$bytes	taskset -c 0 $CT classify -j1 $RULES_ARGS corpus"
    echo "ycpu0	$bytes	taskset -c 0 yara -w -p 1 -r words.yar corpus"
    echo "cpu1	$bytes	taskset -c 1 $CT classify -j1 $RULES_ARGS corpus"
  fi
  echo "y2	$bytes	yara -w -p 2 -r words.yar corpus"
  echo "wj1	$bytes	$CT classify -j1 -r words.lua corpus"
  echo "rg	$bytes	rg -j1 --no-ignore -c -i -w -f words.rg corpus"
  echo "sj1	$bytes	$CT segment -j1 $RULES_ARGS corpus"
  echo "cat	$bytes	cat corpus/*.txt"
  echo "naive	$slice_bytes	lua5.4 $BENCH_SRC/naive.lua words.tsv $slice"
}

r=1
while [ "$r" -le "$RUNS" ]; do
  echo "bench: round $r of $RUNS" >&2
  commands | while IFS='	' read -r key b cmd; do
    bench_run "$key" "$b" 0 "$cmd" corpus
  done
  r=$((r + 1))
done

bench_summary results > summary
awk -F'\t' '
  BEGIN {
    name["cj1"] = "clausetag classify -j1"
    name["cj2"] = "clausetag classify -j2"
    name["pj1"] = "two classify -j1 at once (2x the bytes)"
    name["cpu0"] = "classify -j1 pinned to CPU 0"
    name["cpu1"] = "classify -j1 pinned to CPU 1"
    name["ycpu0"] = "yara -p 1 pinned to CPU 0"
    name["sj1"] = "clausetag segment -j1"
    name["wj1"] = "clausetag classify -j1, words only"
    name["y1"] = "yara -p 1, same words"
    name["y2"] = "yara -p 2, same words"
    name["rg"] = "rg -j1 -c -i -w, same words"
    name["naive"] = "lua5.4 naive.lua, same words"
    name["cat"] = "cat (read floor)"
    order = "cj1 cj2 pj1 cpu0 cpu1 sj1 wj1 y1 y2 ycpu0 rg naive cat"
    printf "%-39s %7s %9s %15s %7s %10s\n", "command", "MiB/s", "median s",
           "min-max s", "cpu s", "peak RSS"
  }
  FILENAME == "summary" { row[$1] = $0; next }
  {                                          # results: one line a run
    k = $1; run = ++runs[k]; t[k, run] = $3 / $2; c[k, run] = $6 / $2
    if ($5 != 0 && $5 != 1) bad = 1
  }
  function median(v, m,   a, b, x) {
    for (a = 2; a <= m; a++)
      for (b = a; b > 1 && v[b - 1] > v[b]; b--) {
        x = v[b]; v[b] = v[b - 1]; v[b - 1] = x
      }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
  }
  # the median over rounds of wall (cpu: CPU) time per byte of a over
  # that of p; sets lo and hi, the least and largest ratio of a round
  # (median sorts v)
  function ratio(a, p, cpu,   m, r, v, x) {
    m = runs[a] < runs[p] ? runs[a] : runs[p]
    for (r = 1; r <= m; r++)
      v[r] = cpu ? (c[p, r] > 0 ? c[a, r] / c[p, r] : 0) : t[a, r] / t[p, r]
    x = median(v, m)
    lo = v[1]; hi = v[m]
    return x
  }
  # q, the ratio just computed, with the range over rounds when they
  # differ by more than 5%: a machine whose speed changed shows here.
  function ranged(q) {
    return sprintf("%7.2f", q) \
           (hi > lo * 1.05 ? sprintf(" (rounds %.2f-%.2f)", lo, hi) : "")
  }
  function line(what, v, target) {
    printf "  %-34s %s%s\n", what, v, target == "" ? "" : "  " target
  }
  function both(what, a, p, target) {
    line(what, sprintf("%7.2f %7.2f", ratio(a, p, 0), ratio(a, p, 1)), target)
  }
  END {
    n = split(order, keys, " ")
    for (i = 1; i <= n; i++) {
      k = keys[i]
      if (!(k in row)) continue
      split(row[k], f, "\t")
      printf "%-39s %7.1f %9.3f %15s %7.2f %6.1f MiB%s\n", name[k] \
             (k == "naive" ? sprintf(" (%.0f MiB)", f[2] / 1048576) : ""),
             f[6], f[3], sprintf("%.3f-%.3f", f[4], f[5]), f[10], f[7] / 1024,
             f[9] ? "  FAILED" : ""
    }
    print ""
    print "ratios of time per byte, the median of the ratios of the rounds"
    print "(above 1: clausetag takes longer)"
    line("", "   wall     cpu", "")
    both("classify -j1 / yara -p 1", "cj1", "y1", "(target: wall <= 1.0)")
    if ("cpu0" in row && "ycpu0" in row)
      both("the same, both pinned to CPU 0", "cpu0", "ycpu0",
           "(one core each: no sibling to slow either)")
    both("classify -j2 / yara -p 2", "cj2", "y2", "")
    both("words only -j1 / yara -p 1", "wj1", "y1", "")
    both("classify -j1 / rg -j1", "cj1", "rg", "")
    both("segment -j1 / rg -j1", "sj1", "rg", "")
    both("classify -j1 / cat", "cj1", "cat", "")
    both("naive.lua / classify -j1", "naive", "cj1",
         "(clausetag faster by this; target >= 50)")
    line("classify -j2 speed-up over -j1", ranged(ratio("cj1", "cj2")),
         "(target >= 1.8)")
    line("two -j1 processes over one", ranged(ratio("cj1", "pj1")),
         "(the ceiling of the machine for it)")
    if ("cpu0" in row && "cpu1" in row) {
      q = ratio("cpu1", "cpu0")
      line("CPU 1 over CPU 0, -j1 pinned", ranged(q),
           sprintf("(1: equal; -j2 over -j1 on the faster at most %.2f)",
                   1 + (q >= 1 ? 1 / q : q)))
    }
    split(row["sj1"], f, "\t")
    line("segment -j1, MB/s (10^6 bytes)", sprintf("%7.1f", f[2] / f[3] / 1e6),
         "(median; target >= 200)")
    if (bad) print "\nsome commands FAILED: see " ENVIRON["PWD"] "/results.err"
    exit bad
  }' summary results
