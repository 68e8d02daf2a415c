#!/bin/sh
# symbols.sh -- the shared library exports exactly what the header declares.
#
#   sh tests/lib/symbols.sh build/libclausetag.so include/clausetag.h
#
# The header marks every exported function CT_API; the library is built
# with -fvisibility=hidden.  Fails, listing the difference, when the
# library exports a function the header does not declare (an internal one
# leaking), when a declared function is missing from it, or when a
# function declaration in the header lacks CT_API.
set -eu
so=$1 hdr=$2
CC=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Declared: the name before the first "(" of every CT_API declaration,
# comments gone (the preprocessor), declarations joined onto one line.
"$CC" -E -P -DCT_API=CT_API_MARK "$hdr" | tr '\n' ' ' |
  sed 's/CT_API_MARK/\n/g' | sed '1d; s/(.*//; s/.*[^A-Za-z0-9_]//' |
  sort -u > "$tmp/declared"
nm -D --defined-only "$so" | awk '{ print $NF }' | sort -u > "$tmp/exported"

fail=0
# A function declaration at the start of a line without the mark.
if grep -nE '^[A-Za-z_][A-Za-z0-9_ *]*[ *]ct_[a-z0-9_]+\(' "$hdr" |
   grep -v ':CT_API ' | grep -v ':typedef '; then
  echo "symbols: declarations above lack CT_API" >&2
  fail=1
fi
if ! cmp -s "$tmp/declared" "$tmp/exported"; then
  echo "symbols: $so exports (+) or lacks (-) against $hdr:" >&2
  diff "$tmp/declared" "$tmp/exported" | sed -n 's/^> /+ /p; s/^< /- /p' >&2
  fail=1
fi
[ "$fail" = 0 ] &&
  echo "symbols: $(wc -l < "$tmp/exported") exported, all declared in $hdr"
exit $fail
