# lib.sh -- what tests/bench/run.sh (make bench) and tests/bench/scale.sh
# (make bench-scale) share: the corpus, the peers' word lists, timing and
# the summary.  POSIX sh + awk; sourced, not run.
#
# Every command is timed from outside as a whole process (start-up and
# loading the rules included): wall seconds from `date +%s%N` around it,
# peak RSS (the largest single process) from GNU time's %M.  Output goes to
# /dev/null.

BENCH_SRC=$(cd "$(dirname "$0")" && pwd)
BENCH_ROOT=$(cd "$BENCH_SRC/../.." && pwd)

bench_die() { echo "bench: $*" >&2; exit 2; }

# bench_need TOOL...: fail early, naming the Debian package to install.
bench_need() {
  for _tool in "$@"; do
    command -v "$_tool" > /dev/null 2>&1 ||
      bench_die "$_tool not found (make bench installs it: BENCH_DEBS in the Makefile)"
  done
}

# bench_corpus DIR MB FILES: DIR/doc*.txt, FILES documents of MB MiB in all
# from samples/*.txt (tests/bench/corpus.awk).  Kept from one run to the
# next: DIR/.made records what made it, and anything else is made again.
bench_corpus() {
  _dir=$1 _mb=$2 _files=$3
  _key="mb=$_mb files=$_files $(cat "$BENCH_SRC/corpus.awk" "$BENCH_ROOT"/samples/*.txt | cksum)"
  if [ -f "$_dir/.made" ] && [ "$(cat "$_dir/.made")" = "$_key" ]; then
    return 0
  fi
  rm -rf "$_dir"
  mkdir -p "$_dir" || bench_die "cannot create $_dir"
  LC_ALL=C awk -v mb="$_mb" -v files="$_files" -v out="$_dir" \
    -f "$BENCH_SRC/corpus.awk" "$BENCH_ROOT"/samples/*.txt ||
    bench_die "cannot write the corpus in $_dir"
  echo "$_key" > "$_dir/.made"
}

# bench_bytes FILE...: their total size in bytes.
bench_bytes() { cat "$@" | wc -c | tr -d ' '; }

# bench_words CT DIR [RULES-ARGS...]: the loaded rule set's words, from
# `clausetag rules -f jsonl` (never from the Lua source), and the peers'
# forms of them:
#   DIR/words.tsv  LABEL<TAB>PHRASE: every `words` phrase of every rule with
#                  a positive weight that fires on a clause's own text (no
#                  `context`, no `scope`), as written, per label
#   DIR/words.lua  one rule per label with those words, nothing else
#                  (no regex, `when`, context or focus), threshold 1
#   DIR/words.yar  YARA: one rule per label, `nocase fullword` strings
#                  (`emission*`: "emission" nocase, a prefix, no fullword)
#   DIR/words.rg   ripgrep patterns for -i -w: escaped; a trailing `*` is
#                  (?-u:\w)* (after Hangul [가-힣]*), since a Unicode \w*
#                  makes ripgrep's DFA about 8 times slower
# In all of them a space is a space (clausetag's also matches a hyphen or a
# run of white space).
bench_words() {
  _ct=$1 _wdir=$2
  shift 2
  "$_ct" rules -f jsonl "$@" > "$_wdir/rules.jsonl" ||
    bench_die "$_ct rules -f jsonl failed"
  jq -r 'select(.type == "rule" and .words != null and .weight > 0
                and all(.matchers[]; startswith("context")
                                     or startswith("scope") | not))
         | .label as $l | .words[] | "\($l)\t\(.)"' "$_wdir/rules.jsonl" |
    LC_ALL=C awk -F'\t' '!seen[$0]++' > "$_wdir/words.tsv" ||
    bench_die "cannot read the words of the rule set (jq)"
  [ -s "$_wdir/words.tsv" ] || bench_die "the rule set has no words"
  LC_ALL=C awk -F'\t' -v lua="$_wdir/words.lua" -v yar="$_wdir/words.yar" \
                      -v rg="$_wdir/words.rg" '
    function esc(s,   r, i, c) {            # Lua and YARA string escapes
      r = ""
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\" || c == "\"") r = r "\\" c
        else if (c == "\t") r = r "\\t"
        else r = r c
      }
      return r
    }
    function rx(s,   r, i, c) {             # a regex matching s literally
      r = ""
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        r = r (index("\\.+*?()|[]{}^$#&-~", c) ? "\\" : "") c
      }
      return r
    }
    {
      if (!($1 in nw)) { order[nl++] = $1; nw[$1] = 0 }
      w = $2; star = w ~ /\*$/
      if (star) sub(/\*$/, "", w)
      luaw[$1] = luaw[$1] "  \"" esc($2) "\",\n"
      yarw[$1] = yarw[$1] sprintf("    $w%d = \"%s\" nocase%s\n", nw[$1]++,
                                  esc(w), star ? "" : " fullword")
      if (star) print rx(w) (substr(w, length(w)) > "~" ? "[가-힣]*" \
                                                        : "(?-u:\\w)*") > rg
      else print rx(w) > rg
    }
    END {
      for (i = 0; i < nl; i++) printf "label \"%s\" {}\n", esc(order[i]) > lua
      for (i = 0; i < nl; i++) {
        l = order[i]; id = l; gsub(/[^A-Za-z0-9_]/, "_", id)
        printf "rule \"%s.words\" { label = \"%s\", words = {\n%s} }\n",
               esc(l), esc(l), luaw[l] > lua
        printf "rule l_%s\n{\n  strings:\n%s  condition:\n    any of them\n}\n\n",
               id, yarw[l] > yar
      }
    }' "$_wdir/words.tsv"
}

# bench_run NAME BYTES LIMIT_KB CMD [INPUT...]: reads the INPUTs first,
# untimed (a file whole, a directory's *.txt), so that CMD finds its
# input in the page cache; then runs CMD (a sh command line) once and
# appends "NAME<TAB>BYTES<TAB>SECONDS<TAB>PEAK_KB<TAB>STATUS<TAB>CPU" to
# $BENCH_RESULTS (CPU: user + system seconds of all its threads).
# LIMIT_KB > 0 runs it under `ulimit -v LIMIT_KB`; STATUS
# is the exit status (0 and 1 count as success: 1 is "no match" for
# ripgrep).  What it wrote on standard error is appended to
# $BENCH_RESULTS.err after a line "== NAME: status STATUS: CMD".
bench_run() {
  _name=$1 _bytes=$2 _limit=$3 _cmd=$4
  shift 4
  # Once before all the runs is not enough where the kernel reclaims file
  # pages left unread for a few seconds (DAMON's pageout): run.sh's header
  # has the figures.
  for _w in "$@"; do
    if [ -d "$_w" ]; then cat "$_w"/*.txt; else cat "$_w"; fi
  done > /dev/null
  if [ "$_limit" -gt 0 ]; then _cmd="ulimit -v $_limit && $_cmd"; fi
  _t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$BENCH_RESULTS.rss" sh -c "$_cmd" > /dev/null \
    2> "$BENCH_RESULTS.stderr"
  _rc=$?
  _t1=$(date +%s%N)
  { echo "== $_name: status $_rc: $_cmd"
    head -c 4096 "$BENCH_RESULTS.stderr"; } >> "$BENCH_RESULTS.err"
  # the last line: a killed command has "Command terminated by ..." first
  set -- $(tail -n 1 "$BENCH_RESULTS.rss" 2>/dev/null) 0 0 0
  case $1 in ''|*[!0-9]*) set -- 0 0 0 ;; esac
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$_name" "$_bytes" \
    "$(awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')" \
    "$1" "$_rc" "$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }')" \
    >> "$BENCH_RESULTS"
}

# bench_machine: one line saying when and on what.
bench_machine() {
  printf '%s, %s cores, %s, %s, %s GiB\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(nproc)" "$(uname -m)" \
    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
    "$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
}

# bench_summary FILE: per NAME (in order of first appearance) the runs,
# median/min/max seconds, MiB/s of the median, largest peak RSS, and
# "failed" when any run failed, median CPU seconds.  Writes "NAME<TAB>
# BYTES<TAB>MEDIAN<TAB>MIN<TAB>MAX<TAB>MIBS<TAB>PEAK_KB<TAB>RUNS<TAB>FAILED
# <TAB>CPU" lines.
bench_summary() {
  awk -F'\t' '
    function sort(v, m,   a, b, x) {    # insertion sort of v[1..m]
      for (a = 2; a <= m; a++)
        for (b = a; b > 1 && v[b - 1] > v[b]; b--) {
          x = v[b]; v[b] = v[b - 1]; v[b - 1] = x
        }
    }
    function median(v, m) {
      return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
    }
    !($1 in runs) { order[n++] = $1 }
    {
      k = $1; r = ++runs[k]; t[k, r] = $3; c[k, r] = $6; bytes[k] = $2
      if ($4 > peak[k]) peak[k] = $4
      if ($5 != 0 && $5 != 1) bad[k] = 1
    }
    END {
      for (i = 0; i < n; i++) {
        k = order[i]; m = runs[k]
        for (a = 1; a <= m; a++) v[a] = c[k, a]
        sort(v, m); cpu = median(v, m)
        for (a = 1; a <= m; a++) v[a] = t[k, a]
        sort(v, m); med = median(v, m)
        printf "%s\t%s\t%.4f\t%.4f\t%.4f\t%.2f\t%d\t%d\t%d\t%.2f\n", k,
               bytes[k], med, v[1], v[m],
               (med > 0 ? bytes[k] / 1048576 / med : 0), peak[k], m,
               bad[k] ? 1 : 0, cpu
      }
    }' "$1"
}
