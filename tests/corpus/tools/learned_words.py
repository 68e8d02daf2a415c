#!/usr/bin/env python3
"""Would learned word weights help the shipped rules on unseen documents?

An experiment, not part of clausetag: it asks whether a per-label logistic
regression over the words of a clause, next to the rules' own evidence,
labels documents it was not trained on better than the rules and their
learned weights do.  Pure Python (no numpy), deterministic, about a minute.

    python3 tests/corpus/tools/learned_words.py [--heldout]

1. Every clause of the labelled files is classified by build/clausetag with
   the shipped rules (`classify --input lines -f jsonl --explain`, one
   document at a time, as `eval` reads gold clauses), which gives the
   rules that fired and the score of every label.
2. Three models, each trained on the development documents (and the other
   labelled files), never on the documents they score:
     rules        logistic regression on which rules fired (what `train`
                  does, but without the pull toward the declared weights)
     rules+words  the same plus every word of the clause (lowercased ASCII
                  words; Hangul words by their first two syllables)
     words-after  the shipped scores kept as they are, plus word weights
                  fitted on top of them (words seen in >= 3 documents)
3. Development documents are scored by 5-fold cross-validation by
   document; with --heldout, the held-out documents by models trained on
   all development documents (read docs/quality.md before using it: every
   look at the held-out figure spends some of its honesty).
"""
import collections, hashlib, json, math, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
CT = os.path.join(ROOT, 'build', 'clausetag')
C = os.path.join(ROOT, 'tests', 'corpus')
LABELS = ['security', 'trade', 'health', 'climate', 'people']
DEV = os.path.join(C, 'real', 'dev.jsonl')
HELDOUT = os.path.join(C, 'real', 'heldout.jsonl')
EXTRA = [os.path.join(C, f) for f in (
    'extra-asia.jsonl', 'extra-treaty.jsonl', 'extra-world.jsonl',
    'gold.jsonl', 'korean.jsonl', 'news-clauses.jsonl')]
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[\uac00-\ud7a3]+")


def documents(path):
    docs = collections.OrderedDict()
    with open(path, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            docs.setdefault(r['doc'], []).append(r)
    return docs


def observe(path, part):
    """Every clause of path with the rules' hits and scores."""
    out = []
    for doc, rows in documents(path).items():
        text = ''.join(r['text'] + '\n' for r in rows)
        p = subprocess.run([CT, 'classify', '--input', 'lines', '-f', 'jsonl',
                            '--explain'], input=text.encode(),
                           capture_output=True, check=False)
        got = [json.loads(x) for x in p.stdout.decode().splitlines()]
        if len(got) != len(rows):
            sys.exit('%s: %s: %d clauses in, %d out' % (path, doc, len(rows),
                                                         len(got)))
        for r, c in zip(rows, got):
            out.append({'part': part, 'doc': doc, 'gold': set(r['labels']),
                        'shipped': set(c['labels']),
                        'scores': c.get('scores', {}),
                        'rules': {h['rule'] for h in c['hits']},
                        'words': words(r['text'])})
    return out


def words(text):
    """ASCII words by their first seven letters, pairs of neighbouring
    ASCII words by their first six, Hangul words by their first two and
    three syllables: a crude stemmer, so that 'tariffs' and 'tariff' and
    '국방을' and '국방의' meet."""
    ws = [w.lower() for w in WORD.findall(text)]
    out = set()
    for w in ws:
        if w[0] >= '\uac00':
            out.update(w[:k] + '*' for k in (2, 3) if len(w) >= k)
        else:
            out.add(w[:7])
    for a, b in zip(ws, ws[1:]):
        if a[0] < '\uac00' and b[0] < '\uac00':
            out.add(a[:6] + '_' + b[:6])
    return frozenset(out)


def f1(rows, key):
    tp = fp = fn = 0
    for r in rows:
        g, p = r['gold'], r[key]
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def sgd(examples, l2, epochs=20):
    """Logistic regression by SGD: examples are (features, offset, y)."""
    w = collections.defaultdict(float)
    b, rate, n = 0.0, 0.2, len(examples)
    ex = list(examples)
    for ep in range(epochs):
        random.Random(ep).shuffle(ex)
        for feats, off, y in ex:
            z = off + b + sum(w[k] for k in feats)
            g = 1 / (1 + math.exp(-max(-30, min(30, z)))) - y
            b -= rate * g
            for k in feats:
                w[k] -= rate * (g + l2 / n * w[k])
        rate *= 0.85
    return dict(w), b


def features(model, r):
    if model == 'rules':
        return {'r:' + x for x in r['rules']}
    if model == 'rules+words':
        return {'r:' + x for x in r['rules']} | r['words']
    return r['words']


def offset(model, r, label, thresholds):
    if model != 'words-after':
        return 0.0
    return 4 * (r['scores'].get(label, 0.0) - thresholds[label])


def fit(model, train, thresholds):
    df = collections.defaultdict(set)
    for r in train:
        for k in features(model, r):
            df[k].add(r['doc'])
    keep = {k for k, d in df.items() if len(d) >= 3}
    models = {}
    for label in LABELS:
        ex = [([k for k in features(model, r) if k in keep],
               offset(model, r, label, thresholds),
               1.0 if label in r['gold'] else 0.0) for r in train]
        models[label] = sgd(ex, 30.0 if model == 'words-after' else 10.0)
    return models


def predict(model, models, r, thresholds):
    got = set()
    for label in LABELS:
        w, b = models[label]
        z = offset(model, r, label, thresholds) + b + sum(
            w.get(k, 0.0) for k in features(model, r))
        if z >= (0.0 if model == 'words-after' else -0.405):  # P >= 0.4
            got.add(label)
    return got


def fold(doc):
    return int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 5


def thresholds_of_shipped():
    text = open(os.path.join(ROOT, 'rules', 'weights.lua'),
                encoding='utf-8').read()
    return {m.group(1): float(m.group(2)) for m in re.finditer(
        r'\["(\w+)"\] = ([-0-9.]+),', text.split('rules =')[0])}


def main():
    th = thresholds_of_shipped()
    dev = observe(DEV, 'dev')
    extra = [r for p in EXTRA for r in observe(p, 'extra')]
    held = observe(HELDOUT, 'heldout') if '--heldout' in sys.argv else []
    print('%-12s %8s %8s %8s %8s' % ('model', 'dev CV', 'held', 'held en',
                                     'held ko'))
    print('%-12s %8.3f' % ('shipped', f1(dev, 'shipped')), end='')
    report(held, 'shipped')
    for model in ('rules', 'rules+words', 'words-after'):
        for k in range(5):
            m = fit(model, [r for r in dev if fold(r['doc']) != k] + extra, th)
            for r in dev:
                if fold(r['doc']) == k:
                    r[model] = predict(model, m, r, th)
        print('%-12s %8.3f' % (model, f1(dev, model)), end='')
        if held:
            m = fit(model, dev + extra, th)
            for r in held:
                r[model] = predict(model, m, r, th)
        report(held, model)


def report(held, key):
    if not held:
        print()
        return
    en = [r for r in held if not r['doc'].startswith('ko-')]
    ko = [r for r in held if r['doc'].startswith('ko-')]
    print(' %8.3f %8.3f %8.3f' % (f1(held, key), f1(en, key), f1(ko, key)))


if __name__ == '__main__':
    main()
