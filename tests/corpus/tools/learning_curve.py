#!/usr/bin/env python3
"""How the shipped rules' cross-validated figure grows with training data.

The development documents (real/dev.jsonl) are dealt into 5 folds by
document (a fixed shuffle).  For each fraction F given, each fold is
scored by weights and vocabulary that `clausetag train` learned from F of
the other folds' documents (three draws of them for F < 1); the script
prints the micro-F1 over the five folds pooled, per draw and their mean.
A curve still rising at 1.0 says more labelled documents would help.
With --test FILE, the training draws come from all the development
documents and FILE is scored instead.

  python3 tests/corpus/tools/learning_curve.py [--ct build/clausetag]
          [--test FILE] 0.25 0.5 1

Run from the repository's top.  It works in a temporary directory and
changes nothing in the repository.  Without --test it reads
development data only.  The rules were written against those documents,
which is why the learned vocabulary adds nothing there (docs/quality.md):
the curve with --test tests/corpus/real/heldout.jsonl is the one that
measures what more data would do for documents nobody read.  It is a
measurement, and chooses nothing that the shipped rules use.
"""
import argparse, json, os, random, shutil, subprocess, tempfile

LABELS = ["security", "trade", "health", "climate", "people"]


def counts(ct, rules, gold):
    """Per label [tp, fp, fn] of `clausetag eval` on gold."""
    out = subprocess.run([ct, "eval", "-r", rules, "--gold", gold, "-f",
                          "json", "--errors", "0"], check=True,
                         capture_output=True).stdout
    c = {}
    for lab in json.loads(out)["labels"]:
        s = lab["support"]
        tp = round((lab["recall"] or 0) * s)
        fp = round(tp / lab["precision"] - tp) if lab["precision"] else 0
        c[lab["label"]] = [tp, fp, s - tp]
    return c


def write(path, rows, docs):
    with open(path, "w") as o:
        for r in rows:
            if r["doc"] in docs:
                o.write(json.dumps(r, ensure_ascii=False) + "\n")


def score(ct, rows, folds, frac, draw, tmp, test_file):
    total = {l: [0, 0, 0] for l in LABELS}
    base = os.path.join(tmp, "rules")
    pairs = [(f, None) for f in folds] if test_file is None else \
        [([], test_file)]
    for k, (test, given) in enumerate(pairs):
        train = [d for f in folds if f is not test for d in f]
        random.Random(draw * 100 + k).shuffle(train)
        train = set(train[:max(1, round(frac * len(train)))])
        fold = os.path.join(tmp, "fold")
        shutil.rmtree(fold, ignore_errors=True)
        shutil.copytree(base, fold)
        write(os.path.join(tmp, "train.jsonl"), rows, train)
        if given is None:
            write(os.path.join(tmp, "test.jsonl"), rows, set(test))
        subprocess.run([ct, "train", "-r", base, "--gold",
                        os.path.join(tmp, "train.jsonl"), "--l2", "10", "-o",
                        os.path.join(fold, "weights.lua")], check=True,
                       capture_output=True)
        scored = given or os.path.join(tmp, "test.jsonl")
        for l, v in counts(ct, fold, scored).items():
            total[l] = [a + b for a, b in zip(total[l], v)]
    tp, fp, fn = (sum(v[i] for v in total.values()) for i in range(3))
    return 2 * tp / (2 * tp + fp + fn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ct", default="build/clausetag")
    ap.add_argument("--gold", default="tests/corpus/real/dev.jsonl")
    ap.add_argument("--test")
    ap.add_argument("fractions", nargs="+", type=float)
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    docs = sorted({r["doc"] for r in rows})
    random.Random(7).shuffle(docs)
    folds = [docs[i::5] for i in range(5)]
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree("rules", os.path.join(tmp, "rules"))
        os.remove(os.path.join(tmp, "rules", "weights.lua"))
        for frac in a.fractions:
            draws = [1] if frac >= 1 else [1, 2, 3]
            f1 = [score(os.path.abspath(a.ct), rows, folds, frac, d, tmp,
                        a.test and os.path.abspath(a.test)) for d in draws]
            print("%.2f  %s  mean %.4f" % (frac, " ".join("%.4f" % v for v in f1),
                                           sum(f1) / len(f1)), flush=True)


if __name__ == "__main__":
    main()
