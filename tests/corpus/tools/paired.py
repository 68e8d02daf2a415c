#!/usr/bin/env python3
"""Two versions of the rules on the same labelled documents, paired.

Scores GOLD with rules A and with rules B (`clausetag eval -f json`; a
clause's prediction is its gold unless eval lists it among the errors),
counts each document's true positives, false positives and false
negatives under both, and resamples the documents with replacement: the
same resampling for both versions, so that what the documents have in
common (a hard genre, an easy one) cancels.  Prints micro-F1 of A and of
B, their difference with a 95% interval, and the share of resamplings in
which B is no better than A.

  python3 tests/corpus/tools/paired.py GOLD.jsonl \\
          --a BINARY_A RULES_A --b BINARY_B RULES_B [-n 10000]

Run from anywhere; it writes nothing.  A version is a binary and its
rules (a directory or file), so that a version of another commit can be
scored as it was: `git worktree add /tmp/old COMMIT && make -C /tmp/old`.
It is a measurement, and chooses nothing the shipped rules use.
"""
import argparse, json, random, subprocess, sys


def predictions(binary, rules, gold, rows):
    out = subprocess.run([binary, "eval", "-r", rules, "--gold", gold,
                          "--errors", "1000000000", "-f", "json"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("paired.py: %s eval failed: %s" % (binary, out.stderr))
    pred = [set(r["labels"]) for r in rows]
    for e in json.loads(out.stdout)["errors"]:
        pred[e["line"] - 1] = set(e["predicted"])
    return pred


def per_document(rows, pred):
    docs = {}
    for r, p in zip(rows, pred):
        g, c = set(r["labels"]), docs.setdefault(r["doc"], [0, 0, 0])
        c[0] += len(g & p)
        c[1] += len(p - g)
        c[2] += len(g - p)
    return docs


def micro_f1(counts):
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--a", nargs=2, required=True, metavar=("BIN", "RULES"))
    ap.add_argument("--b", nargs=2, required=True, metavar=("BIN", "RULES"))
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20261203)
    args = ap.parse_args()
    rows = [json.loads(l) for l in open(args.gold, encoding="utf-8")
            if l.strip()]
    a = per_document(rows, predictions(*args.a, args.gold, rows))
    b = per_document(rows, predictions(*args.b, args.gold, rows))
    docs = sorted(a)
    fa, fb = micro_f1(a.values()), micro_f1(b.values())
    rng, diffs = random.Random(args.seed), []
    for _ in range(args.n):
        s = [rng.choice(docs) for _ in docs]
        diffs.append(micro_f1([b[d] for d in s]) - micro_f1([a[d] for d in s]))
    diffs.sort()
    lo, hi = diffs[int(0.025 * args.n)], diffs[int(0.975 * args.n) - 1]
    worse = sum(x <= 0 for x in diffs) / args.n
    print("%d documents, %d clauses" % (len(docs), len(rows)))
    print("A %.4f  B %.4f  B - A %+.4f  95%% [%+.4f, %+.4f]  "
          "resamplings with B - A <= 0: %.4f" % (fa, fb, fb - fa, lo, hi, worse))


if __name__ == "__main__":
    main()
