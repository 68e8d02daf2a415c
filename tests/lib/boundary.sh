#!/bin/sh
# boundary.sh -- the command line keeps to the library's public header.
#
#   sh tests/lib/boundary.sh [DIR]          (DIR: src/cli)
#
# A file under src/cli/ may include <system headers>, "clausetag.h" and
# the CLI's own "cli/*.h"; any other "..." include is a library-internal
# header and fails the check, unless the file and header are in the
# allow-list below, each with the reason it still reaches inside.  The
# list is empty, and meant to stay so: an entry no longer needed fails the
# check too, so one added for a while cannot outlive its reason.
set -eu
dir=${1:-src/cli}

# FILE HEADER -- why   (one entry a line)
allow='
'

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "$allow" | sed -n 's/^\([^ ]*\) \([^ ]*\) .*/\1 \2/p' | sort > "$tmp.allow"
trap 'rm -f "$tmp" "$tmp.allow"' EXIT
for f in "$dir"/*.c "$dir"/*.h; do
  sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
    while read -r h; do
      case $h in
        clausetag.h|cli/*.h) ;;
        *) echo "$(basename "$f") $h" ;;
      esac
    done
done | sort > "$tmp"
fail=0
new=$(comm -23 "$tmp" "$tmp.allow")
old=$(comm -13 "$tmp" "$tmp.allow")
if [ -n "$new" ]; then
  echo "boundary: $dir includes library-internal headers (use clausetag.h," \
       "or the CLI's own headers):" >&2
  echo "$new" | sed 's/^/  /' >&2
  fail=1
fi
if [ -n "$old" ]; then
  echo "boundary: allow-list entries no longer needed (remove them from" \
       "tests/lib/boundary.sh):" >&2
  echo "$old" | sed 's/^/  /' >&2
  fail=1
fi
if [ "$fail" = 0 ]; then
  n=$(wc -l < "$tmp")
  if [ "$n" = 0 ]; then
    echo "boundary: $dir includes only clausetag.h and its own headers"
  else
    echo "boundary: $dir includes only clausetag.h and its own headers," \
         "but $n allowed internal includes"
  fi
fi
exit $fail
