#!/bin/sh
# boundary.sh -- the command line keeps to the library's public header.
#
#   sh tests/lib/boundary.sh [DIR]          (DIR: src/cli)
#
# A file under src/cli/ may include <system headers>, "clausetag.h" and
# the CLI's own "cli/*.h"; any other "..." include is a library-internal
# header and fails the check, unless the file and header are in the
# allow-list below, each with the reason it still reaches inside.  The
# list is meant to shrink: an entry no longer needed fails the check too,
# so it cannot outlive its reason.
set -eu
dir=${1:-src/cli}

# FILE HEADER -- why
allow='
answer.c output/answer.h  -- the closing records of the stream contract are written by hooks of the formats writer
answer.c output/select.h  -- a --label selection decides which labels a document record lists
chain.h stream/stream.h   -- pieces of a large file: ct_carry, ct_stream_piece (src/stream/ has no public API yet)
diff.c diff/report.h      -- clausetag diff: its reports write into a ct_buf (no public writer for them yet)
jsonl_in.c core/buf.h     -- ct_json_string writes the id into a ct_buf (goes with output/json.h)
jsonl_in.c output/json.h  -- the id written back as JSON
options.h output/writer.h -- --format resolves to a ct_format of the formats tables
profile.c core/buf.h      -- ct_json_cstr writes into a ct_buf (goes with output/json.h)
profile.c output/json.h   -- JSON escaping of rule ids
select.h output/select.h  -- --label/-c/-l/-q are formats that carry their settings (ct_select)
testreport.c core/buf.h   -- ct_xml_cstr writes into a ct_buf (goes with output/xml.h)
testreport.c output/xml.h -- JUnit XML escaping
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
[ "$fail" = 0 ] && echo "boundary: $dir includes only clausetag.h and its" \
  "own headers, but $(wc -l < "$tmp") allowed internal includes"
exit $fail
