#!/usr/bin/env python3
"""Does knowing a document's language, era, year or genre help?

An experiment, not part of clausetag.  Each development clause is given
one marked word (zqko / zqen, zqera0..2, zqy1990..., zqgtreaty /
zqgother) that no rule reads, so that the learned vocabulary weighs it as
a term: in effect a bias per label for that kind of document, which is
what a per-language or per-genre threshold would be.  Each kind is run
twice: with the clause's own document's marker, and with the marker of
another document drawn at random (a control: what a term of no meaning
does to the figure).  Python, no packages; 5 folds by document with
`clausetag eval --folds 5 --l2 10`, about 3 seconds a run.

    python3 tests/corpus/tools/markers.py [BIN]

"none" is the figure of the clauses as they are, the one to compare with.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "real", "dev.jsonl")


def year(doc):
    return int(doc.split("-")[1])


# Each kind: the marked word a document of it gives its clauses.
KINDS = (
    ("language", lambda d: "zqko" if d.startswith("ko") else "zqen"),
    # before 2000, 2000-2020, from 2021
    ("era", lambda d: "zqera%d" % (0 if year(d) < 2000 else
                                   1 if year(d) < 2021 else 2)),
    ("year", lambda d: "zqy%d" % year(d)),
    # the treaty and agreement texts, by their names
    ("genre", lambda d: "zqgtreaty" if any(
        w in d for w in ("agreement", "fta", "tdca", "paris")) else "zqgother"),
)


def write(rows, mark, path):
    """The clauses with the marked word of `mark(doc)` after each text."""
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            if r["text"]:
                r = dict(r, text=r["text"] + " " + mark(r["doc"]))
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def score(binary, path):
    out = subprocess.run([binary, "eval", "-f", "json", "--gold", path,
                          "--folds", "5", "--l2", "10", "--errors", "0"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["micro"]["f1"]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/clausetag"
    rows = [json.loads(line) for line in open(DEV, encoding="utf-8")]
    docs = sorted({r["doc"] for r in rows})
    rnd = random.Random(7)
    other = {d: rnd.choice(docs) for d in docs}   # the control's draw
    print("%-10s %10s %10s" % ("marker", "own", "control"))
    print("%-10s %10.4f" % ("none", score(binary, DEV)))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gold.jsonl")
        for name, mark in KINDS:
            write(rows, mark, path)
            own = score(binary, path)
            write(rows, lambda d, mark=mark: mark(other[d]), path)
            print("%-10s %10.4f %10.4f" % (name, own, score(binary, path)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
