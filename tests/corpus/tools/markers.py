#!/usr/bin/env python3
"""Does knowing a document's language, era, year or genre help?

An experiment, not part of clausetag.  Each development clause is given
one marked word (zqko / zqen, zqera0..2, zqy1990..., zqgtreaty /
zqgother) that no rule reads, so that the learned vocabulary weighs it as
a term: in effect a bias per label for that kind of document, which is
what a per-language or per-genre threshold would be.  Each mode is run
twice: with the clause's own document's marker, and with the marker of
another document drawn at random (a control: what a term of no meaning
does to the figure).  Pure Python; 5 folds by document with
`clausetag eval --folds 5 --l2 10`, about 3 seconds a run.

    python3 tests/corpus/tools/markers.py [BIN]

The unmarked copy must give the figure of the clauses as they are.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "real", "dev.jsonl")


def marks(mode, doc):
    year = int(doc.split("-")[1])
    if mode == "language":
        return ["zqko" if doc.startswith("ko") else "zqen"]
    if mode == "era":      # before 2000, 2000-2020, from 2021
        return ["zqera%d" % (0 if year < 2000 else 1 if year < 2021 else 2)]
    if mode == "year":
        return ["zqy%d" % year]
    if mode == "genre":    # the treaty and agreement texts, by their names
        treaty = any(w in doc for w in ("agreement", "fta", "tdca", "paris"))
        return ["zqgtreaty" if treaty else "zqgother"]
    return []


def write(rows, mode, control, path):
    docs = sorted({r["doc"] for r in rows})
    rnd = random.Random(7)
    other = {d: rnd.choice(docs) for d in docs}
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            r = dict(r)
            m = marks(mode, other[r["doc"]] if control else r["doc"])
            if m and r["text"]:
                r["text"] = r["text"] + " " + " ".join(m)
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def score(binary, path):
    out = subprocess.run([binary, "eval", "-f", "json", "--gold", path,
                          "--folds", "5", "--l2", "10", "--errors", "0"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["micro"]["f1"]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/clausetag"
    rows = [json.loads(line) for line in open(DEV, encoding="utf-8")]
    print("%-10s %10s %10s" % ("marker", "own", "control"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gold.jsonl")
        for mode in ("none", "language", "era", "year", "genre"):
            cells = []
            for control in (False, True):
                if mode == "none" and control:
                    cells.append("")
                    continue
                write(rows, mode, control, path)
                cells.append("%.4f" % score(binary, path))
            print("%-10s %10s %10s" % (mode, cells[0], cells[1]))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
