#!/bin/sh
# run.sh -- the tests that need a browser or node: SARIF validation and
# the headless Chromium test of the HTML report.
#
#   CT=build/clausetag sh tests/web/run.sh
#
# Installs what is missing first: Debian's chromium (apt-get, as root or
# through sudo) and the npm packages of package-lock.json (npm ci, into
# tests/web/node_modules).  No browser is downloaded by npm
# (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD); the validators' schema ships in
# their npm package.  Outputs, screenshots included, go to build/web/.
# The last line is "N passed, M failed"; the exit status is 1 when a
# check failed, 2 when the tools could not be set up.

root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
cd "$root" || exit 2
CT=${CT:-build/clausetag}
out=build/web
web=tests/web
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [ ! -x "$CT" ]; then
  echo "run.sh: $CT is not an executable (run make first)" >&2
  exit 2
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  as_root apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium ||
    { echo "run.sh: could not install chromium" >&2; exit 2; }
fi
# npm ci again only when the lock file changed since the last install.
if [ ! -f $web/node_modules/.package-lock.json ] ||
   [ $web/package-lock.json -nt $web/node_modules/.package-lock.json ]; then
  (cd $web && npm ci --no-audit --no-fund --loglevel=error) ||
    { echo "run.sh: npm ci failed" >&2; exit 2; }
fi

rm -rf $out && mkdir -p $out
pass=0
fail=0

# Runs one node script, echoing its lines and counting its ok / not ok;
# a script that fails without a "not ok" line (it crashed) is one failure.
count() {
  "$@" > $out/log.txt 2>&1
  st=$?
  cat $out/log.txt
  pass=$((pass + $(grep -c '^ok ' $out/log.txt)))
  fail=$((fail + $(grep -c '^not ok ' $out/log.txt)))
  if [ $st != 0 ] && ! grep -q '^not ok ' $out/log.txt; then
    fail=$((fail + 1)); echo "not ok $*: exit status $st"
  fi
}

# Expects exit status $1 from the command that follows, as one check.
status() {
  want=$1; shift
  "$@"; got=$?
  if [ "$got" = "$want" ]; then pass=$((pass + 1)); echo "ok exit $want: $*"
  else fail=$((fail + 1)); echo "not ok exit $got, want $want: $*"; fi
}

# SARIF of the samples with the shipped rules, with policy violations,
# and of the format fixture (every character that needs an escape).
status 0 "$CT" classify -f sarif --sarif-labels -o $out/samples.sarif samples/
status 1 "$CT" classify -f sarif -o $out/policy.sarif --require health \
  --forbid climate --fail-on-unlabeled samples/ 2>/dev/null
# with --explain: every result's hits as relatedLocations
status 1 "$CT" classify -f sarif --sarif-labels --explain \
  -o $out/explain.sarif --forbid climate --fail-on-unlabeled samples/ \
  2>/dev/null
status 1 "$CT" classify -r tests/rules/formats -f sarif -o $out/fixture.sarif \
  --require gamma --forbid beta --fail-on-unlabeled tests/data/format_doc.txt \
  "tests/data/format_odd name&.txt" 2>/dev/null
# and of the real documents, HTML pages and a PDF (regions in the page's
# source; a PDF's page in the region's properties).
status 0 "$CT" classify -f sarif --sarif-labels -o $out/docs.sarif tests/docs/
count node $web/sarif.js $out/samples.sarif $out/policy.sarif $out/fixture.sarif \
  $out/docs.sarif $out/explain.sarif

# The HTML report of the samples against the jsonl of the same run.
status 0 "$CT" classify -f html -o $out/report.html samples/
status 0 "$CT" classify -f jsonl --explain -o $out/samples.jsonl samples/
status 1 "$CT" classify -f html -o $out/policy.html --forbid climate \
  --fail-on-unlabeled samples/ 2>/dev/null
count node $web/html.js $out/report.html $out/samples.jsonl $out/report.png \
  $out/policy.html

# The diff report: the samples, the fixture whose clauses hold markup and
# two real Korean joint statements,
# each against the jsonl of the same comparison (exit 1: they differ).
for d in "samples samples/us-rok-2019-factsheet.txt samples/us-rok-2021-partnership.txt" \
         "fixture -r tests/data/diff/topics.lua tests/data/diff/old.txt tests/data/diff/new.txt" \
         "korean tests/corpus/docs/ko-1981-chun-reagan-joint-statement.txt tests/corpus/docs/ko-1983-chun-reagan-joint-statement.txt"; do
  set -- $d; n=$1; shift
  status 1 "$CT" diff -f html -o $out/diff-$n.html "$@"
  status 1 "$CT" diff -f jsonl -o $out/diff-$n.jsonl "$@"
done
count node $web/diff.js $out/diff-samples.html $out/diff-samples.jsonl \
  $out/diff-samples.png $out/diff-fixture.html $out/diff-fixture.jsonl \
  $out/diff-fixture.png $out/diff-korean.html $out/diff-korean.jsonl \
  $out/diff-korean.png

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
