#!/bin/sh
# run.sh -- end-to-end tests: run the clausetag program, compare its output.
#
#   CT=build/clausetag TOOLS=build/tools sh tests/e2e/run.sh [-u] [-d DIR] [NAME]...
#
# Every directory DIR/NAME/ is one case (DIR: tests/e2e/cases; the
# bad-input suite is tests/bad/cases):
#   cmd     one shell command line, run by sh from the repository root with
#           $CT (the binary), $TOOLS (the test tools directory) and $T (an
#           empty scratch directory of this case) in the environment, and
#           standard input from /dev/null
#   stdout  the expected standard output, byte for byte
#   stderr  the expected standard error; absent: it must be empty
#   status  the expected exit status; absent: 0
# Names select cases (default: all).  -u rewrites the expected files of the
# selected cases from what the program does now: read every file it changed
# (git diff) before committing, since that is what the test then promises.
#
# The last line is always "N passed, M failed"; the exit status is 1 when a
# case failed.

root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
cd "$root" || exit 2

update=0
cases=tests/e2e/cases
if [ "${1-}" = "-u" ]; then update=1; shift; fi
if [ "${1-}" = "-d" ]; then cases=${2:?-d needs a directory}; shift 2; fi

: "${CT:?set CT to the clausetag binary, e.g. CT=build/clausetag}"
TOOLS=${TOOLS:-build/tools}
case $CT in /*) ;; *) CT=$root/$CT ;; esac
case $TOOLS in /*) ;; *) TOOLS=$root/$TOOLS ;; esac
export CT TOOLS
if [ ! -x "$CT" ]; then
  echo "run.sh: $CT is not an executable (run make first)" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clausetag-e2e.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

pass=0
fail=0

# Is actual output $2 what expected file $1 (absent = empty) holds?
same() {
  if [ -f "$1" ]; then cmp -s "$1" "$2"; else cmp -s /dev/null "$2"; fi
}

# Shows how actual output $3 differs from expected file $2, for stream $1.
show_diff() {
  same "$2" "$3" && return
  if [ -f "$2" ]; then expected=$2; else expected=/dev/null; fi
  echo "  $1:"
  diff -u "$expected" "$3" | sed 's/^/    /'
}

# Writes the actual results of a case as its expected files.
record() {
  cp "$tmp/stdout" "$1/stdout"
  if [ -s "$tmp/stderr" ]; then cp "$tmp/stderr" "$1/stderr"
  else rm -f "$1/stderr"; fi
  if [ "$2" != 0 ]; then echo "$2" > "$1/status"; else rm -f "$1/status"; fi
}

run_case() {
  dir=$1
  name=$(basename "$dir")
  T=$tmp/scratch/$name
  rm -rf "$T" && mkdir -p "$T" && export T
  sh -c "$(cat "$dir/cmd")" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
  got=$?
  if [ "$update" = 1 ]; then
    record "$dir" "$got"
    echo "updated $name"
    pass=$((pass + 1))
    return
  fi
  want=0
  [ -f "$dir/status" ] && want=$(cat "$dir/status")
  if same "$dir/stdout" "$tmp/stdout" && same "$dir/stderr" "$tmp/stderr" &&
     [ "$got" = "$want" ]; then
    pass=$((pass + 1))
    return
  fi
  fail=$((fail + 1))
  echo "FAIL $name: $(cat "$dir/cmd")"
  show_diff stdout "$dir/stdout" "$tmp/stdout"
  show_diff stderr "$dir/stderr" "$tmp/stderr"
  [ "$got" = "$want" ] || echo "  exit status $got, expected $want"
}

if [ $# -eq 0 ]; then
  for dir in "$cases"/*/; do
    [ -f "$dir/cmd" ] && run_case "${dir%/}"
  done
else
  for name in "$@"; do
    if [ -f "$cases/$name/cmd" ]; then
      run_case "$cases/$name"
    else
      echo "FAIL $name: no such case"
      fail=$((fail + 1))
    fi
  done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
