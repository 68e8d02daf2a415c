# scratch.sh -- sourced by a bad-input case: works in the case's scratch
# directory $T, with the good inputs copied there, the inputs directory
# linked as in/ and the tests directory as tests/, so every file a message names (and those a case writes:
# binary bytes, odd file names) is named the same on every machine.
cp tests/bad/input/good.txt tests/bad/input/good.jsonl "$T/" &&
  ln -s "$(pwd)/tests/bad/input" "$T/in" && ln -s "$(pwd)/tests" "$T/tests" &&
  cd "$T" || exit 99
