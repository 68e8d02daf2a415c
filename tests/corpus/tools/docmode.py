#!/usr/bin/env python3
"""Score classify on the corpus documents as documents, not as gold lines.

`clausetag eval` classifies the gold clauses of a document as lines, so a
change to the segmenter cannot move it.  This script classifies every file
of tests/corpus/docs as a user would (`classify -f jsonl DIR`), matches
each clause to the gold by (document, text with white space collapsed),
and prints micro-F1 over the matched clauses, for the development and the
held-out documents apart.  With a second binary it also compares the two
on the clauses both cut alike, and lists the clauses whose labels differ.
`--docs DIR` reads the documents from DIR instead (the same file names:
the corpus folded at a width, say), and "strict" counts a gold clause that
no clause matched as all its labels missed.

    python3 tests/corpus/tools/docmode.py [--docs DIR] build/clausetag [OLD_BINARY]
"""
import json
import subprocess
import sys

GOLD = {"dev": "tests/corpus/real/dev.jsonl",
        "heldout": "tests/corpus/real/heldout.jsonl"}


def key(doc, text):
    return (doc, " ".join(text.split()))


def load_gold():
    gold = {}
    for name, path in GOLD.items():
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                gold[key(d["doc"], d["text"])] = (name, set(d["labels"]))
    return gold


DOCS = "tests/corpus/docs"


def classify(binary):
    out = subprocess.run([binary, "classify", "-f", "jsonl",
                          DOCS], capture_output=True,
                         text=True, check=False).stdout
    pred = {}
    for line in out.splitlines():
        r = json.loads(line)
        if "text" not in r:
            continue
        doc = r["file"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        pred[key(doc, r["text"])] = set(r["labels"])
    return pred


def f1(gold, pred, keys, missed=()):
    tp = fp = fn = 0
    for k in missed:
        fn += len(gold[k][1])
    for k in keys:
        g, p = gold[k][1], pred[k]
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def main(argv):
    global DOCS
    if len(argv) > 2 and argv[1] == "--docs":
        DOCS = argv[2]
        argv = argv[:1] + argv[3:]
    if len(argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    gold = load_gold()
    new = classify(argv[1])
    for name in GOLD:
        keys = [k for k in gold if gold[k][0] == name and k in new]
        missed = [k for k in gold if gold[k][0] == name and k not in new]
        total = len(keys) + len(missed)
        print(f"{name:8s} matched {len(keys)} of {total} clauses, "
              f"micro-F1 {f1(gold, new, keys):.4f}, "
              f"strict {f1(gold, new, keys, missed):.4f}")
    if len(argv) == 3:
        old = classify(argv[2])
        keys = [k for k in gold if k in new and k in old]
        print(f"both     matched {len(keys)}: old {f1(gold, old, keys):.5f}"
              f" new {f1(gold, new, keys):.5f}")
        for k in keys:
            if old[k] != new[k]:
                print(f"  {k[0]}: gold {sorted(gold[k][1])} old "
                      f"{sorted(old[k])} new {sorted(new[k])}: {k[1][:80]}")


if __name__ == "__main__":
    main(sys.argv)
