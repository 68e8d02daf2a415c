#!/usr/bin/env python3
"""Would another way of turning scores into labels do better?

Each label is decided alone today: a clause has it when its score passes
the label's threshold.  This script asks whether looking at the labels
together helps, on the development documents only, cross-validated by
document: 5 folds (documents in name order, dealt round), each classified
(`--input lines`, as eval does) with weights that `clausetag train --l2
10` learned from the other four, and its margins (score minus threshold)
kept.  Then, pooled over the folds, micro-F1 of:

  - the labels as classify gives them (the baseline);
  - "fill": a clause with no label takes its best label when that
    label's margin is above -D (a clause is rarely about nothing);
  - "drop": a clause with two labels or more loses any whose margin is
    below A while its best label's margin is above R (a weak second
    label beside a strong first is a passing mention).

  python3 tests/corpus/tools/decoding.py [--ct build/clausetag]

Run from the repository's top; it works in a temporary directory and
changes nothing in the repository.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import tempfile

LABELS = ['security', 'trade', 'health', 'climate', 'people']


def thresholds(path):
    text = open(path, encoding='utf-8').read()
    table = text.split('thresholds = {', 1)[1].split('}', 1)[0]
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r'\["([^"]+)"\] = (-?[\d.]+)', table)}


def fold_margins(ct, rules, train, test, work, k):
    """Margins of the clauses of `test`, weights learned on `train`."""
    tr = os.path.join(work, 'train%d.jsonl' % k)
    wf = os.path.join(work, 'weights%d.lua' % k)
    with open(tr, 'w', encoding='utf-8') as f:
        for g in train:
            f.write(json.dumps(g, ensure_ascii=False) + '\n')
    subprocess.run([ct, 'train', '--gold', tr, '-r', rules, '--l2', '10',
                    '-o', wf], check=True, stderr=subprocess.DEVNULL)
    thr = thresholds(wf)
    docs = collections.OrderedDict()
    for g in test:
        docs.setdefault(g['doc'], []).append(g)
    files = []
    for i, clauses in enumerate(docs.values()):
        p = os.path.join(work, 'f%d-%04d.txt' % (k, i))
        with open(p, 'w', encoding='utf-8') as f:
            f.write(''.join(c['text'] + '\n' for c in clauses))
        files.append((p, clauses))
    r = subprocess.run([ct, 'classify', '--input', 'lines', '-f', 'jsonl',
                        '-r', rules, '-r', wf] + [p for p, _ in files],
                       capture_output=True, text=True, check=False)
    got = collections.defaultdict(list)
    for line in r.stdout.splitlines():
        j = json.loads(line)
        got[j['file']].append(j)
    out = []
    for p, clauses in files:
        if len(got[p]) != len(clauses):
            raise SystemExit('%s: %d clauses, %d in the gold' %
                             (p, len(got[p]), len(clauses)))
        for c, j in zip(clauses, got[p]):
            out.append((set(c['labels']), set(j['labels']),
                        {l: j['scores'].get(l, -99.0) - thr[l]
                         for l in LABELS}))
    return out


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
    ap = argparse.ArgumentParser()
    ap.add_argument('--ct', default='build/clausetag')
    ap.add_argument('--gold', default='tests/corpus/real/dev.jsonl')
    args = ap.parse_args()
    ct = os.path.abspath(args.ct)
    gold = [json.loads(l) for l in open(args.gold, encoding='utf-8')]
    names = sorted({g['doc'] for g in gold})
    fold = {d: i % 5 for i, d in enumerate(names)}
    work = tempfile.mkdtemp(prefix='decoding.')
    try:
        rules = os.path.join(work, 'rules')
        shutil.copytree('rules', rules)
        os.remove(os.path.join(rules, 'weights.lua'))
        rows = []
        for k in range(5):
            rows += fold_margins(ct, rules,
                                 [g for g in gold if fold[g['doc']] != k],
                                 [g for g in gold if fold[g['doc']] == k],
                                 work, k)
    finally:
        shutil.rmtree(work)
    print('%d clauses; baseline %.4f' %
          (len(rows), micro_f1(rows, lambda p, m: p)))
    for d in (0.1, 0.2, 0.3, 0.5, 1.0):
        print('fill  D=%.1f        %.4f' % (d, micro_f1(rows, fill(d))))
    for a in (0.1, 0.2, 0.5):
        for r in (1, 2, 3):
            print('drop  A=%.1f R=%d    %.4f' % (a, r, micro_f1(rows, drop(a, r))))


if __name__ == '__main__':
    main()
