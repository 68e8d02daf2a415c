#!/usr/bin/env python3
"""Would another way of turning scores into labels do better?

Each label is decided alone today: a clause has it when its score passes
the label's threshold.  This script asks whether looking at the labels
together helps, on the development documents only, cross-validated by
document with lookahead.py's folds (the i-th document of dev.jsonl in
fold i mod 5, each classified `--input lines` with weights that
`clausetag train --l2 10` learned from the other four), from each
clause's margins (score minus threshold).  Pooled over the folds,
micro-F1 of:

  - the labels as classify gives them (the baseline);
  - "fill": a clause with no label takes its best label when that
    label's margin is above -D (a clause is rarely about nothing);
  - "drop": a clause with two labels or more loses any whose margin is
    below A while its best label's margin is above R (a weak second
    label beside a strong first is a passing mention).

  python3 tests/corpus/tools/decoding.py [BIN]

It works in a temporary directory and changes nothing in the repository.
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lookahead import LABELS, ROOT, classify_folds, read_dev  # noqa: E402


def margins(binary):
    """(gold labels, labels given, margin per label) for every clause."""
    order, docs = read_dev()
    with tempfile.TemporaryDirectory() as tmp:
        scored = classify_folds(binary, order, docs, tmp)
    rows = []
    for d in order:
        for r, (_, g) in zip(scored[d], docs[d]):
            rows.append((set(g["labels"]), set(r["labels"]),
                         {l: r["scores"].get(l, -99.0) - r["thresholds"][l]
                          for l in LABELS}))
    return rows


def micro_f1(rows, decide):
    tp = fp = fn = 0
    for gold, pred, margin in rows:
        p = decide(pred, margin)
        tp += len(gold & p)
        fp += len(p - gold)
        fn += len(gold - p)
    return 2 * tp / (2 * tp + fp + fn)


def fill(d):
    def decide(pred, margin):
        if pred:
            return pred
        best = max(LABELS, key=lambda l: margin[l])
        return {best} if margin[best] > -d else set()
    return decide


def drop(a, r):
    def decide(pred, margin):
        if len(pred) < 2:
            return pred
        top = max(margin[l] for l in pred)
        return {l for l in pred if not (margin[l] < a and top > r)}
    return decide


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "build/clausetag")
    rows = margins(binary)
    print("%d clauses; baseline %.4f" %
          (len(rows), micro_f1(rows, lambda p, m: p)))
    for d in (0.1, 0.2, 0.3, 0.5, 1.0):
        print("fill  D=%.1f        %.4f" % (d, micro_f1(rows, fill(d))))
    for a in (0.1, 0.2, 0.5):
        for r in (1, 2, 3):
            print("drop  A=%.1f R=%d    %.4f" %
                  (a, r, micro_f1(rows, drop(a, r))))


if __name__ == "__main__":
    main()
