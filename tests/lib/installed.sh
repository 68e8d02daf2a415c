#!/bin/sh
# installed.sh -- the library as a C programmer gets it.
#
#   CC=cc MAKE=make sh tests/lib/installed.sh      (from the source tree)
#
# Installs into a temporary prefix, builds examples/tag.c there with
# nothing but `pkg-config --cflags --libs clausetag` (PKG_CONFIG_PATH set
# to the prefix), once against the shared library and once against the
# static one (`pkg-config --static`, in a copy of the prefix without the
# shared library), runs both on sample documents and requires that they
# write exactly what the installed `clausetag classify` writes with the
# installed rules, in every classify format (JSONL and SARIF above all).  Also: the installed binary finds
# the installed rules and names them without "bin/..".
set -eu
MAKE=${MAKE:-make}
CC=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/shared
fail=0
bad() { echo "installed: $*" >&2; fail=1; }

$MAKE --no-print-directory -s install PREFIX="$prefix" > "$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; exit 1; }
for f in bin/clausetag include/clausetag.h lib/libclausetag.a \
         lib/libclausetag.so lib/pkgconfig/clausetag.pc \
         share/man/man1/clausetag.1 share/doc/clausetag/library.md \
         share/doc/clausetag/examples/tag.c \
         share/clausetag/rules/abbreviations.txt; do
  [ -e "$prefix/$f" ] || bad "not installed: $f"
done

# The static library alone: the same tree without the shared one.
cp -R "$prefix" "$tmp/static"
rm -f "$tmp/static"/lib/libclausetag.so*
sed -i "s|$prefix|$tmp/static|" "$tmp/static/lib/pkgconfig/clausetag.pc"

PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
# shellcheck disable=SC2046
$CC -o "$tmp/tag-shared" examples/tag.c $(pkg-config --cflags --libs clausetag)
PKG_CONFIG_PATH=$tmp/static/lib/pkgconfig
# shellcheck disable=SC2046
$CC -o "$tmp/tag-static" examples/tag.c \
  $(pkg-config --static --cflags --libs clausetag)
readelf -d "$tmp/tag-shared" | grep -q 'NEEDED.*libclausetag\.so\.' ||
  bad "tag-shared does not use libclausetag.so"
readelf -d "$tmp/tag-static" | grep -q 'NEEDED.*libclausetag' &&
  bad "tag-static needs a shared libclausetag"
PKG_CONFIG_PATH=$prefix/lib/pkgconfig
rules=$(pkg-config --variable=rulesdir clausetag)
[ "$rules" = "$prefix/share/clausetag/rules" ] || bad "rulesdir is $rules"

# The installed binary's rules: found, and named without "..".
"$prefix/bin/clausetag" rules -f jsonl > "$tmp/rules.jsonl" ||
  bad "installed clausetag does not find its rules"
grep -q "\"$prefix/share/clausetag/rules/" "$tmp/rules.jsonl" ||
  bad "installed clausetag does not name $prefix/share/clausetag/rules"
grep -q '/\.\./' "$tmp/rules.jsonl" && bad "a path with /../ in rules"

n=0
for doc in samples/*.txt tests/docs/*.html tests/docs/*.pdf; do
  [ -f "$doc" ] || continue
  for fmt in jsonl sarif text tsv junit html; do
    # a run that reads a PDF has a page column in tsv: CT_WRITE_PAGES,
    # which tag.c does not set
    case $fmt.$doc in tsv.*.pdf) continue ;; esac
    "$prefix/bin/clausetag" classify -f $fmt "$doc" > "$tmp/cli" ||
      bad "clausetag classify -f $fmt $doc failed"
    LD_LIBRARY_PATH=$prefix/lib "$tmp/tag-shared" "$rules" "$doc" $fmt \
      > "$tmp/shared.out" || bad "tag-shared $doc $fmt failed"
    "$tmp/tag-static" "$rules" "$doc" $fmt > "$tmp/static.out" ||
      bad "tag-static $doc $fmt failed"
    cmp -s "$tmp/cli" "$tmp/shared.out" ||
      { bad "tag-shared $doc $fmt differs from clausetag classify:";
        diff "$tmp/cli" "$tmp/shared.out" | head -5 >&2; }
    cmp -s "$tmp/cli" "$tmp/static.out" ||
      bad "tag-static $doc $fmt differs from clausetag classify"
    n=$((n + 1))
  done
done
[ "$n" -gt 0 ] || bad "no documents compared"
[ "$fail" = 0 ] && echo "installed: examples/tag.c against the installed" \
  "shared and static library: $n outputs (jsonl, sarif, text, tsv, junit," \
  "html) as clausetag's"
exit $fail
