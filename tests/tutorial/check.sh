#!/bin/sh
# check.sh -- run a Markdown document's examples exactly as written.
#
#   CT=build/clausetag sh tests/tutorial/check.sh docs/rules.md
#
# Two kinds of fenced blocks are checked, each marked by an HTML comment
# on the line before it (invisible when the Markdown is read):
#
#   <!-- file: tests/tutorial/maritime.lua -->
#       the block must be that file, byte for byte; the file is copied
#       into the scratch directory under its base name (maritime.lua), so
#       the commands below can use it as the reader would
#   <!-- run -->   (or <!-- run: times -->)
#       a console block: every line starting with "$ " is a command, run
#       by sh in the scratch directory (with samples/, rules/ and tests/
#       of the repository linked in, and `clausetag` on the PATH as $CT),
#       and the lines after it up to the next "$ " are its output,
#       standard error and standard output together; "$ echo $?" prints
#       the exit status of the command before it.  With "times", a number
#       with three decimals at the end of a line or before " ms" (a time,
#       which varies) is compared as "T".
#
# Prints what differs and exits 1, or prints one line that counts what
# was checked.

doc=${1:?usage: check.sh FILE.md}
: "${CT:?set CT to the clausetag binary}"
root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
cd "$root" || exit 2
case $CT in /*) ;; *) CT=$root/$CT ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clausetag-doc.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
work=$tmp/work
mkdir -p "$work" "$tmp/bin" "$tmp/blocks"
ln -s "$root/samples" "$root/rules" "$root/tests" "$work/"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$CT" > "$tmp/bin/clausetag"
chmod +x "$tmp/bin/clausetag"

# Split the document into numbered blocks: blocks/N.kind (file or run),
# blocks/N.arg (the path, or "times"), blocks/N.body.
awk -v dir="$tmp/blocks" '
  /^<!-- (file|run)(:| -->)/ {
    mark = $0
    sub(/^<!-- /, "", mark); sub(/ -->$/, "", mark)
    kind = mark; sub(/:.*/, "", kind)
    arg = ""; if (index(mark, ":")) { arg = mark; sub(/^[a-z]+: */, "", arg) }
    pending = 1; next
  }
  pending && /^```/ {
    n++; pending = 0; inside = 1
    print kind > (dir "/" n ".kind"); close(dir "/" n ".kind")
    print arg > (dir "/" n ".arg"); close(dir "/" n ".arg")
    printf "" > (dir "/" n ".body")
    next
  }
  inside && /^```/ { inside = 0; close(dir "/" n ".body"); next }
  inside { print > (dir "/" n ".body"); next }
  { pending = 0 }
' "$doc"

files=0
commands=0
fail=0

# A console block: runs its commands one by one, compares the output.
run_block() {
  body=$1 times=$2
  out=$tmp/actual want=$tmp/want
  : > "$out"; : > "$want"
  last=0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      '$ '*)
        cmd=${line#\$ }
        printf '%s\n' "$line" >> "$out"
        printf '%s\n' "$line" >> "$want"
        commands=$((commands + 1))
        if [ "$cmd" = 'echo $?' ]; then
          echo "$last" >> "$out"
        else
          (cd "$work" && PATH="$tmp/bin:$PATH" sh -c "$cmd" \
             < /dev/null >> "$out" 2>&1)
          last=$?
        fi ;;
      *) printf '%s\n' "$line" >> "$want" ;;
    esac
  done < "$body"
  if [ "$times" = times ]; then
    for f in "$out" "$want"; do
      sed -E 's/[0-9]+\.[0-9]{3}( ms|$)/T\1/' "$f" > "$f.t" && mv "$f.t" "$f"
    done
  fi
  if ! cmp -s "$want" "$out"; then
    echo "$doc: a console block does not run as written:"
    diff -u "$want" "$out" | sed 's/^/    /'
    fail=1
  fi
}

n=1
while [ -f "$tmp/blocks/$n.kind" ]; do
  kind=$(cat "$tmp/blocks/$n.kind") arg=$(cat "$tmp/blocks/$n.arg")
  body=$tmp/blocks/$n.body
  if [ "$kind" = file ]; then
    files=$((files + 1))
    if ! cmp -s "$body" "$arg"; then
      echo "$doc: the block of $arg is not that file:"
      diff -u "$arg" "$body" | sed 's/^/    /'
      fail=1
    fi
    cp "$arg" "$work/$(basename "$arg")"
  else
    run_block "$body" "$arg"
  fi
  n=$((n + 1))
done

if [ "$fail" = 0 ]; then
  echo "$doc: $files files and $commands commands as written"
fi
exit $fail
