#!/usr/bin/env python3
"""The stream contract under a real distributed engine (make dask).

A Dask LocalCluster with two worker processes partitions a generated
corpus of 6,000 JSON Lines records (real sentences from samples/, plus
empty and blank documents, malformed lines, invalid UTF-8, records over
the size cap, records without text, records whose rule fails, lines with
no id at all) and runs `clausetag classify --input jsonl -f jsonl` on
every partition through a pipe, as docs/scale.md tells a user to.  It
checks what a pipeline relies on:

- every id is answered exactly once, by a document or an error record,
  after its own clause records;
- errors arrive as records (keyed by the id, the message as on stderr),
  a failing rule under --keep-going as a "partial" document record;
- the answers equal those of one clausetag over the whole corpus.

Environment: CT (the clausetag binary, default build/clausetag).
Exit status 0 when every check holds, 1 otherwise.
"""
import collections
import json
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CT = os.path.abspath(os.environ.get("CT", os.path.join(ROOT, "build", "clausetag")))
CAP = 20000          # --max-document-bytes: the "too large" records exceed it
NDOCS = 6000
NPARTS = 12
ARGS = ["classify", "--input", "jsonl", "-f", "jsonl", "-j", "1",
        "--keep-going", "--max-document-bytes", str(CAP),
        "-r", os.path.join(ROOT, "rules"),
        "-r", os.path.join(ROOT, "tests", "rules", "stream"), "-"]


def paragraphs():
    out = []
    for name in sorted(os.listdir(os.path.join(ROOT, "samples"))):
        with open(os.path.join(ROOT, "samples", name), encoding="utf-8") as f:
            out += [p.strip() for p in f.read().split("\n\n") if p.strip()]
    return out


def corpus():
    """The input lines (bytes) and, per id, what its answer must be."""
    rnd = random.Random(13)
    paras = paragraphs()
    lines, expect = [], {}
    for i in range(NDOCS):
        doc_id = 900000 + i if i % 500 == 7 else "doc-%05d" % i
        idj = json.dumps(doc_id)
        meta = {"part": i % 7, "n": i}
        kind = rnd.choices(
            ["ok", "empty", "blank", "badjson", "utf8", "big", "notext", "rule"],
            [80, 3, 2, 3, 3, 3, 3, 3])[0]
        text = "\n\n".join(rnd.sample(paras, rnd.randint(1, 6)))
        rec = {"id": doc_id, "text": text, "meta": meta}
        if kind == "empty":
            rec["text"] = ""
        elif kind == "blank":
            rec["text"] = "  \n\n\t "
        elif kind == "rule":
            rec["text"] = text + "\n\nThe KABOOM clause fails its rule."
        elif kind == "big":
            rec["text"] = text + " filler" * (CAP // 6)
        elif kind == "notext":
            del rec["text"]
        if kind == "badjson":
            cut = re.sub(r'[\s"\\]+', " ", text[:40])   # one line, cut short
            line = ('{"id":%s,"text":"%s' % (idj, cut)).encode()
        elif kind == "utf8":
            line = ('{"id":%s,"text":"bad ' % idj).encode() + b"\xff\xfe byte\"}"
        else:
            line = json.dumps(rec, ensure_ascii=False).encode()
        lines.append(line)
        expect[idj] = {"badjson": "error", "utf8": "error", "big": "error",
                       "notext": "error", "rule": "partial"}.get(kind, "ok")
        expect[idj + "#empty"] = kind in ("empty", "blank")
        if i % 2000 == 999:            # a line that names no document
            lines.append(b"garbage without an id")
    return lines, expect


def run_partition(lines):
    """One partition through one clausetag (runs on a Dask worker)."""
    import subprocess as sp
    p = sp.run([CT] + ARGS, input=b"".join(l + b"\n" for l in lines),
               stdout=sp.PIPE, stderr=sp.PIPE, cwd=ROOT, timeout=300)
    return [{"pid": os.getpid(), "rc": p.returncode, "lines": len(lines),
             "out": p.stdout.decode("utf-8"),
             "err": p.stderr.decode("utf-8", "replace")}]


STDIN_LINE = re.compile(r"^<stdin>:\d+: ")


def normalized(rec):
    """A record without what depends on the partition: its input line."""
    rec = dict(rec)
    if rec.get("type") in ("document", "error"):
        rec.pop("line")
    if "error" in rec:
        rec["error"] = STDIN_LINE.sub("<stdin>: ", rec["error"])
    return json.dumps(rec, sort_keys=True)


def answers(out, failures, where):
    """Per id: its records in order, checking that they end with one
    closing record and that nothing follows it."""
    per_id = collections.defaultdict(list)
    closed = collections.Counter()
    nulls = 0
    current = None
    for text in out.splitlines():
        rec = json.loads(text)
        key = json.dumps(rec["id"])
        closing = rec.get("type") in ("document", "error")
        if rec["id"] is None:
            nulls += 1
            if rec.get("type") != "error":
                failures.append("%s: a record without id: %s" % (where, text))
            continue
        if not closing and current not in (None, key):
            failures.append("%s: clauses of %s before %s was answered"
                            % (where, key, current))
        if closed[key]:
            failures.append("%s: %s has records after its answer" % (where, key))
        per_id[key].append(normalized(rec))
        current = None if closing else key
        if closing:
            closed[key] += 1
    if current is not None:
        failures.append("%s: %s has clauses but no answer" % (where, current))
    return per_id, closed, nulls


def main():
    from dask.distributed import Client, LocalCluster
    import dask.bag as db

    failures = []
    lines, expect = corpus()
    nids = sum(1 for k in expect if not k.endswith("#empty"))
    print("corpus: %d lines, %d ids, %d partitions" % (len(lines), nids, NPARTS))

    t0 = time.time()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    try:
        bag = db.from_sequence(lines, npartitions=NPARTS)
        parts = bag.map_partitions(run_partition).compute()
    finally:
        client.close()
        cluster.close()
    t_dask = time.time() - t0
    pids = {p["pid"] for p in parts}
    print("dask: %d partitions on %d worker processes in %.1f s"
          % (len(parts), len(pids), t_dask))
    if len(parts) != NPARTS:
        failures.append("%d partitions came back, not %d" % (len(parts), NPARTS))
    if len(pids) != 2:
        failures.append("the partitions ran in %d processes, not 2" % len(pids))

    per_id, closed, nulls = {}, collections.Counter(), 0
    stderr_lines = 0
    for k, p in enumerate(parts):
        got, c, n = answers(p["out"], failures, "partition %d" % k)
        for key, recs in got.items():
            if key in per_id:
                failures.append("%s answered in two partitions" % key)
            per_id[key] = recs
        closed.update(c)
        nulls += n
        stderr_lines += len(p["err"].splitlines())
        if p["rc"] not in (0, 2):
            failures.append("partition %d: exit status %d" % (k, p["rc"]))

    # Every id exactly once, and nothing else.
    missing = [k for k in expect if not k.endswith("#empty") and closed[k] == 0]
    twice = [k for k, n in closed.items() if n > 1]
    unknown = [k for k in closed if k not in expect]
    if missing or twice or unknown:
        failures.append("ids: %d missing %s, %d twice %s, %d unknown %s" % (
            len(missing), missing[:3], len(twice), twice[:3],
            len(unknown), unknown[:3]))
    garbage = sum(1 for l in lines if l.startswith(b"garbage"))
    if nulls != garbage:
        failures.append("%d error records without id, for %d lines without one"
                        % (nulls, garbage))

    # Each answer is what the record deserves; errors arrive as records.
    stats = collections.Counter()
    for key, recs in per_id.items():
        last = json.loads(recs[-1])
        status = last.get("status")
        stats[status] += 1
        if status != expect[key]:
            failures.append("%s: status %s, expected %s" % (key, status, expect[key]))
        if status == "error" and (len(recs) != 1 or not last.get("error")):
            failures.append("%s: an error record must be its only answer" % key)
        if status == "partial" and not last.get("errors"):
            failures.append("%s: a partial answer without its errors" % key)
        if expect[key + "#empty"] and last.get("clauses") != 0:
            failures.append("%s: an empty document with clauses" % key)
        if status != "error" and last.get("clauses") != len(recs) - 1:
            failures.append("%s: %s clauses counted, %d written"
                            % (key, last.get("clauses"), len(recs) - 1))
    print("answers: %s; %d lines without id; %d stderr lines"
          % (dict(sorted(stats.items())), nulls, stderr_lines))
    if stderr_lines != stats["error"] + stats["partial"] + nulls:
        failures.append("%d stderr lines for %d error and partial answers"
                        % (stderr_lines, stats["error"] + stats["partial"] + nulls))

    # The same answers as one process over the whole corpus.
    t0 = time.time()
    whole = run_partition(lines)[0]
    t_one = time.time() - t0
    one, one_closed, one_nulls = answers(whole["out"], failures, "single run")
    print("single process: %d ids answered in %.1f s, exit status %d"
          % (len(one_closed), t_one, whole["rc"]))
    if one != per_id:
        diff = [k for k in set(one) | set(per_id) if one.get(k) != per_id.get(k)]
        failures.append("%d ids answered differently from the single run, e.g. %s"
                        % (len(diff), sorted(diff)[:3]))
    if whole["rc"] != 2:
        failures.append("single run: exit status %d, expected 2" % whole["rc"])

    for f in failures[:20]:
        print("FAIL:", f)
    print("dask stream test: %s" % ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
