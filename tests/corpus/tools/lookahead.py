#!/usr/bin/env python3
"""Would the clause AFTER a clause help to label it?

An experiment, not part of clausetag.  `context = "recent"` lets the
clauses before a clause lean its labels; nothing looks ahead.  This asks,
on the development documents only, whether the next clause's verdict
carries what the clause's own score misses (a lead-in before a run of
clauses on one topic, a short clause at the start of one).  Pure Python,
deterministic, about a minute.

    python3 tests/corpus/tools/lookahead.py [BIN]

1. The development documents in five folds (the i-th document of
   dev.jsonl in fold i mod 5).  For each fold, weights are trained on the
   other four (`clausetag train --l2 10`, the shipped rules without their
   weights.lua) and the fold's documents classified with them
   (`classify --input lines -f jsonl`, one clause a line, as eval reads
   gold clauses): each clause's score per label and its labels.
2. Per label, a logistic regression on features of those clauses, trained
   on four folds' clauses and scoring the fifth's (its threshold where F1
   is highest on the training clauses):
     own         the clause's score only
     own+next    and whether the next clause got the label
     own+next2   and the next two clauses' scores
3. Micro-F1 over the five labels of each, with the engine's own labels
   (the same cross-validated scores) first.
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile

LABELS = ["security", "trade", "health", "climate", "people"]
ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def read_dev():
    docs = {}
    order = []
    with open(os.path.join(ROOT, "tests/corpus/real/dev.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            if r["doc"] not in docs:
                docs[r["doc"]] = []
                order.append(r["doc"])
            docs[r["doc"]].append((line, r))
    return order, docs


def thresholds(path):
    """The label thresholds of a weights file written by clausetag train."""
    with open(path) as f:
        table = f.read().split("thresholds = {", 1)[1].split("}", 1)[0]
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r'\["([^"]+)"\] = (-?[\d.]+)', table)}


def classify_folds(binary, order, docs, tmp):
    """Each fold's documents classified with weights trained on the other
    four: per document, its classify jsonl records, each with the fold's
    "thresholds"."""
    rules = sorted(os.path.join(ROOT, "rules", n)
                   for n in os.listdir(os.path.join(ROOT, "rules"))
                   if n.endswith(".lua") and n != "weights.lua")
    rflags = [a for r in rules for a in ("-r", r)]
    out = {}
    for k in range(5):
        test = order[k::5]
        train = os.path.join(tmp, "train%d.jsonl" % k)
        with open(train, "w") as f:
            for d in order:
                if d not in test:
                    f.writelines(line for line, _ in docs[d])
        weights = os.path.join(tmp, "w%d.lua" % k)
        subprocess.run([binary, "train"] + rflags + ["--gold", train, "--l2",
                       "10", "-o", weights], check=True,
                       stderr=subprocess.DEVNULL)
        paths = []
        for d in test:
            p = os.path.join(tmp, d + ".txt")
            with open(p, "w") as f:
                for _, r in docs[d]:
                    f.write(r["text"].replace("\n", " ") + "\n")
            paths.append(p)
        thr = thresholds(weights)
        res = subprocess.run([binary, "classify", "-j1"] + rflags +
                             ["-r", weights, "--input", "lines", "-f",
                              "jsonl"] + paths, check=True,
                             capture_output=True, text=True).stdout
        for line in res.splitlines():
            r = json.loads(line)
            r["thresholds"] = thr
            d = os.path.basename(r["file"])[:-4]
            out.setdefault(d, []).append(r)
    return out


def solve(a, b):
    """a x = b by Gaussian elimination (a small, positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z > -30 else 0.0


def fit(xs, ys, l2=1.0, rounds=25):
    """Logistic regression by Newton's method; the last weight is the bias."""
    n = len(xs[0]) + 1
    w = [0.0] * n
    for _ in range(rounds):
        g = [0.0] * n
        h = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys):
            v = x + [1.0]
            p = sigmoid(sum(a * b for a, b in zip(w, v)))
            s = p * (1 - p)
            for i in range(n):
                g[i] += (p - y) * v[i]
                for j in range(n):
                    h[i][j] += s * v[i] * v[j]
        for i in range(n - 1):
            g[i] += l2 * w[i]
            h[i][i] += l2
        h[n - 1][n - 1] += 1e-6
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
    return w


def prob(w, x):
    return sigmoid(sum(a * b for a, b in zip(w, x + [1.0])))


def best_threshold(ps, ys):
    best = (-1.0, 0.5)
    for t in [0.2 + 0.02 * i for i in range(31)]:
        tp = sum(1 for p, y in zip(ps, ys) if p >= t and y)
        n = sum(1 for p in ps if p >= t) + sum(ys)
        best = max(best, (2 * tp / n if n else 0.0, t))
    return best[1]


def features(kind, rows, i, li):
    lab = LABELS[li]
    own = rows[i]["scores"].get(lab, 0.0)
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if kind == "own":
        return [own]
    if kind == "own+next":
        return [own, 1.0 if nxt and lab in nxt["labels"] else 0.0]
    after = [rows[j]["scores"].get(lab, 0.0) if j < len(rows) else 0.0
             for j in (i + 1, i + 2)]
    return [own] + after


def micro(counts):
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "build/clausetag")
    order, docs = read_dev()
    with tempfile.TemporaryDirectory() as tmp:
        scored = classify_folds(binary, order, docs, tmp)
    gold = {d: [r["labels"] for _, r in docs[d]] for d in order}
    engine = [0, 0, 0]
    for d in order:
        for r, g in zip(scored[d], gold[d]):
            for lab in LABELS:
                got, want = lab in r["labels"], lab in g
                engine[0] += got and want
                engine[1] += got and not want
                engine[2] += want and not got
    print("engine, cross-validated   %.4f" % micro(engine))
    for kind in ("own", "own+next", "own+next2"):
        counts = [0, 0, 0]
        for k in range(5):
            test = set(order[k::5])
            for li, lab in enumerate(LABELS):
                tx, ty, ex, ey = [], [], [], []
                for d in order:
                    rows = scored[d]
                    for i in range(len(rows)):
                        x = features(kind, rows, i, li)
                        y = 1.0 if lab in gold[d][i] else 0.0
                        (ex if d in test else tx).append(x)
                        (ey if d in test else ty).append(y)
                w = fit(tx, ty)
                t = best_threshold([prob(w, x) for x in tx], ty)
                for x, y in zip(ex, ey):
                    got = prob(w, x) >= t
                    counts[0] += got and y == 1
                    counts[1] += got and y == 0
                    counts[2] += (not got) and y == 1
        print("%-25s %.4f" % (kind, micro(counts)))


if __name__ == "__main__":
    main()
