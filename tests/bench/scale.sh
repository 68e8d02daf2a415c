#!/bin/sh
# scale.sh -- `make bench-scale`: how clausetag's time and memory grow with
# the input and with the rule set.
#
#   sh tests/bench/scale.sh build/clausetag
#
# 1. Input size: classify -j1 (shipped rules) and segment -j1 on
#    BENCH_SCALE_MB MiB (default "1 8 64 512"), each as documents of
#    32 KiB (a directory of MB*32 files), as ONE file of MB MiB
#    (--max-document-bytes raised to fit), as that file with its
#    blank lines removed (cut only at window lines: docs/cli.md), and as
#    the one file on standard input, under the default cap (read in
#    pieces too: docs/cli.md, "Large files").
# 2. Rule count: classify -j1 with BENCH_SCALE_RULES generated rules
#    (default "10 100 1000 10000"; genrules.awk: 10 phrases a rule) on the
#    make bench corpus (BENCH_MB MiB in BENCH_FILES files, 64 and 2048), the
#    time to load the rules alone (an empty input), and YARA -p 1 with the
#    same words (one rule per label, as in make bench).
#
# Every command runs BENCH_RUNS times (default 3; medians) under a memory
# limit, `ulimit -v` BENCH_MEM_LIMIT_MB MiB (default 4096): a size that
# needs more fails, and is reported FAILED, instead of taking the machine's
# memory.  Corpora are kept in BENCH_DIR (default build/bench).  The input
# of every timed command is read first, untimed (bench_run in lib.sh):
# the figures are of a warm page cache.
set -u
. "$(dirname "$0")/lib.sh"

CT=${1:?usage: scale.sh BINARY}
case $CT in /*) ;; *) CT=$(pwd)/$CT ;; esac
[ -x "$CT" ] || bench_die "$CT is not an executable (run make first)"
SIZES=${BENCH_SCALE_MB:-1 8 64 512}
COUNTS=${BENCH_SCALE_RULES:-10 100 1000 10000}
RUNS=${BENCH_RUNS:-3}
MB=${BENCH_MB:-64}
FILES=${BENCH_FILES:-2048}
LIMIT_MB=${BENCH_MEM_LIMIT_MB:-4096}
LIMIT=$((LIMIT_MB * 1024))
DIR=${BENCH_DIR:-build/bench}
bench_need jq yara /usr/bin/time

mkdir -p "$DIR/scale" || bench_die "cannot create $DIR"
DIR=$(cd "$DIR" && pwd)
cd "$DIR/scale" || exit 2
rm -f results results.*
BENCH_RESULTS=$(pwd)/results

echo "make bench-scale: $(bench_machine)"
printf '%s runs of each, medians; memory limit %s MiB (ulimit -v)\n' \
  "$RUNS" "$LIMIT_MB"

# -- 1. input size ------------------------------------------------------
for mb in $SIZES; do
  bench_corpus "$DIR/corpus-${mb}m-$((mb * 32))f" "$mb" $((mb * 32))
  bench_corpus "$DIR/corpus-${mb}m-1f" "$mb" 1
  lines=$DIR/corpus-${mb}m-1f-lines      # again when the file is newer
  if [ ! "$lines/doc00000.txt" -nt "$DIR/corpus-${mb}m-1f/doc00000.txt" ]; then
    mkdir -p "$lines" &&
      grep -v '^$' "$DIR/corpus-${mb}m-1f/doc00000.txt" > "$lines/doc00000.txt" ||
      bench_die "cannot write $lines"
  fi
done
r=1
while [ "$r" -le "$RUNS" ]; do
  echo "bench-scale: input sizes, round $r of $RUNS" >&2
  for mb in $SIZES; do
    many=$DIR/corpus-${mb}m-$((mb * 32))f one=$DIR/corpus-${mb}m-1f
    b=$(bench_bytes "$one"/doc00000.txt)
    cap="--max-document-bytes $((b + 1))"
    bench_run "size $mb files classify" "$b" "$LIMIT" \
      "$CT classify -j1 $many" "$many"
    bench_run "size $mb one classify" "$b" "$LIMIT" \
      "$CT classify -j1 $cap $one" "$one"
    bench_run "size $mb files segment" "$b" "$LIMIT" \
      "$CT segment -j1 $many" "$many"
    bench_run "size $mb one segment" "$b" "$LIMIT" \
      "$CT segment -j1 $cap $one" "$one"
    lines=$DIR/corpus-${mb}m-1f-lines/doc00000.txt
    bl=$(bench_bytes "$lines")
    bench_run "size $mb lines classify" "$bl" "$LIMIT" \
      "$CT classify -j1 $cap $lines" "$lines"
    bench_run "size $mb lines segment" "$bl" "$LIMIT" \
      "$CT segment -j1 $cap $lines" "$lines"
    bench_run "size $mb stdin classify" "$b" "$LIMIT" \
      "$CT classify -j1 - < $one/doc00000.txt" "$one"
    bench_run "size $mb stdin segment" "$b" "$LIMIT" \
      "$CT segment -j1 - < $one/doc00000.txt" "$one"
  done
  r=$((r + 1))
done

# -- 2. rule count ------------------------------------------------------
corpus=$DIR/corpus-${MB}m-${FILES}f
bench_corpus "$corpus" "$MB" "$FILES"
bytes=$(bench_bytes "$corpus"/*.txt)
: > empty.txt
for n in $COUNTS; do
  mkdir -p "rules$n"
  LC_ALL=C awk -v rules="$n" -f "$BENCH_SRC/genrules.awk" \
    "$BENCH_ROOT"/samples/*.txt > "rules$n/gen.lua"
  bench_words "$CT" "rules$n" -r "rules$n/gen.lua" --rule-memory "$LIMIT_MB"
done
r=1
while [ "$r" -le "$RUNS" ]; do
  echo "bench-scale: rule counts, round $r of $RUNS" >&2
  for n in $COUNTS; do
    rm="-r rules$n/gen.lua --rule-memory $LIMIT_MB"
    bench_run "rules $n load" 0 "$LIMIT" "$CT classify -j1 $rm empty.txt"
    bench_run "rules $n classify" "$bytes" "$LIMIT" \
      "$CT classify -j1 $rm $corpus" "$corpus"
    bench_run "rules $n yara" "$bytes" "$LIMIT" \
      "yara -w -p 1 -r rules$n/words.yar $corpus" "$corpus"
  done
  r=$((r + 1))
done

# -- tables -------------------------------------------------------------
# Each cell: median wall seconds, median CPU seconds (user + system, all
# threads), MiB/s of the median wall time, largest peak RSS.
bench_summary results > summary
awk -F'\t' -v mb="$MB" -v files="$FILES" -v limit="$LIMIT_MB" '
  {
    split($1, f, " "); k = $1
    med[k] = $3; mibs[k] = $6; peak[k] = $7 / 1024; fail[k] = $9; b[k] = $2
    cpu[k] = $10
    if (f[1] == "size" && !(f[2] in seen)) { seen[f[2]] = 1; size[ns++] = f[2] }
    if (f[1] == "rules" && !(f[2] in seenr)) { seenr[f[2]] = 1; cnt[nr++] = f[2] }
  }
  function cell(k) {
    if (!(k in med)) return sprintf("%34s", "-")
    if (fail[k]) return sprintf("%34s", "FAILED")
    return sprintf("%7.2f %6.2f %7.1f %7.1f MiB", med[k], cpu[k], mibs[k], peak[k])
  }
  function group(what,   d) {            # "---- what ----", 34 wide
    d = "-----------------------------------"
    return substr(d, 1, int((32 - length(what)) / 2)) " " what " " \
           substr(d, 1, 32 - length(what) - int((32 - length(what)) / 2))
  }
  function cols() {
    return sprintf("%7s %6s %7s %11s", "wall s", "cpu s", "MiB/s", "peak")
  }
  END {
    print ""
    print "input size: shipped rules, -j1; documents of 32 KiB, or one file,"
    print "or that file without its blank lines, or on standard input"
    printf "%-20s %s %s\n", "", group("classify"), group("segment")
    printf "%-20s %s %s %8s\n", "input", cols(), cols(), "peak/in"
    for (i = 0; i < ns; i++)
      for (j = 0; j < 4; j++) {
        lay = j == 3 ? "stdin" : j == 2 ? "lines" : j ? "one" : "files"
        s = size[i]
        kc = "size " s " " lay " classify"; ks = "size " s " " lay " segment"
        printf "%-20s %s %s %8s\n",
               sprintf("%s MiB, %s", s, j == 3 ? "stdin" : j == 2 ? "no blanks" : j ? "one file" : s * 32 " files"),
               cell(kc), cell(ks),
               (kc in med) && !fail[kc] ? sprintf("%.2f", peak[kc] * 1048576 / b[kc]) : "-"
      }
    print ""
    printf "rule count: classify -j1 on %s MiB in %s files; load: the same on an\n", mb, files
    print "empty file; yara -p 1 with the same words; 10 phrases a rule"
    printf "%-7s %6s %s %s\n", "", "", group("classify"), group("yara -p 1")
    printf "%-7s %6s %s %s %8s\n", "rules", "load s", cols(), cols(), "ct/yara"
    for (i = 0; i < nr; i++) {
      n = cnt[i]; kl = "rules " n " load"; kc = "rules " n " classify"
      ky = "rules " n " yara"
      printf "%-7s %6s %s %s %8s\n", n,
             fail[kl] ? "FAILED" : sprintf("%.2f", med[kl]), cell(kc), cell(ky),
             !fail[kc] && !fail[ky] ? sprintf("%.2f", med[kc] / med[ky]) : "-"
    }
    for (k in fail) if (fail[k]) bad = 1
    if (bad) printf "\nFAILED: a status other than 0 or 1, or the memory limit (%s MiB); see %s/results.err\n", limit, ENVIRON["PWD"]
  }' summary
