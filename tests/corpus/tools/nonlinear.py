#!/usr/bin/python3
"""Would a model with a hidden layer label clauses better than a linear one?

An experiment, not part of clausetag.  The shipped model is linear: each
label's score is a weighted sum of rule evidence and learned terms.  This
asks, on the development documents only, whether a non-linear learner
finds more in the same kind of evidence, by comparing the two on the
words alone (no rules), where nothing else differs:

  linear   a logistic regression per label on the clause's words and
           word pairs (tf-idf, sublinear, terms in two clauses or more)
  hidden   a multi-layer perceptron (one hidden layer of HIDDEN units,
           L2 ALPHA) on the same features, the five labels at once

Both scored by 5-fold cross-validation by document (GroupKFold), micro-F1
over the five labels at thresholds 0.3, 0.4 and 0.5.  Needs Debian's
python3-sklearn (`apt-get install python3-sklearn`; run with
/usr/bin/python3); the hidden model takes several minutes.

    /usr/bin/python3 tests/corpus/tools/nonlinear.py [HIDDEN [ALPHA [C]]]
"""
import json
import os
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from sklearn.neural_network import MLPClassifier

LABELS = ["security", "trade", "health", "climate", "people"]
HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.join(HERE, "..", "real", "dev.jsonl")


def features():
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                           token_pattern=r"(?u)\b\w+\b")


def fold_scores(texts, y, docs, fit):
    """Out-of-fold probabilities: each document scored by a model that
    was trained without it."""
    p = np.zeros(y.shape)
    for train, test in GroupKFold(5).split(texts, y, docs):
        v = features()
        a = v.fit_transform([texts[i] for i in train])
        b = v.transform([texts[i] for i in test])
        p[test] = fit(a, y[train], b)
    return p


def linear(c):
    def fit(a, y, b):
        out = np.zeros((b.shape[0], y.shape[1]))
        for k in range(y.shape[1]):
            m = LogisticRegression(C=c, max_iter=2000)
            m.fit(a, y[:, k])
            out[:, k] = m.predict_proba(b)[:, 1]
        return out
    return fit


def hidden(units, alpha):
    def fit(a, y, b):
        m = MLPClassifier(hidden_layer_sizes=(units,), alpha=alpha,
                          max_iter=30, random_state=0)
        m.fit(a, y)
        return m.predict_proba(b)
    return fit


def main():
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 64
    alpha = float(sys.argv[2]) if len(sys.argv) > 2 else 0.001
    c = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    rows = [json.loads(line) for line in open(DEV, encoding="utf-8")]
    texts = [r["text"] for r in rows]
    docs = [r["doc"] for r in rows]
    y = np.array([[int(l in r["labels"]) for l in LABELS] for r in rows])
    print("%d clauses in %d documents" % (len(rows), len(set(docs))))
    print("%-30s %7s %7s %7s" % ("model (micro-F1 at threshold)", "0.3",
                                 "0.4", "0.5"))
    for name, fit in (("linear, C %g" % c, linear(c)),
                      ("hidden %d, alpha %g" % (units, alpha),
                       hidden(units, alpha))):
        p = fold_scores(texts, y, docs, fit)
        f = [f1_score(y, p >= t, average="micro") for t in (0.3, 0.4, 0.5)]
        print("%-30s %7.4f %7.4f %7.4f" % (name, f[0], f[1], f[2]))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
