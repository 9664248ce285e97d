"""Speed of read + check: the seed documents repeated to N documents, one core.

    .venv/bin/python bench/check.py [N] [--rules]

Prints documents per second for reading alone, checking alone and both together, as wall-clock
and CPU (process) time, best of 3 runs (the machine may be shared: CPU time is the steadier
figure). `--rules` adds each rule's CPU time per document.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from taizhang.text.checker import RULES, check_document
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.loading import read_text_document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
FALLBACK = ROOT / "tests" / "text" / "checker" / "samples"
RUNS = 3


def _best(step, work) -> tuple[float, float, object]:
    """(best wall seconds, best CPU seconds, last result) over RUNS runs of step(work)."""
    wall = cpu = float("inf")
    result = None
    for _ in range(RUNS):
        w0, c0 = time.perf_counter(), time.process_time()
        result = step(work)
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu, result


def _read(work):
    return [read_text_document(text, path) for path, text in work]


def _check(docs):
    return sum(len(check_document(doc)) for doc in docs)


def _both(work):
    return sum(len(check_document(read_text_document(text, path))) for path, text in work)


def _rules(docs) -> None:
    cost = dict.fromkeys(RULES, 0.0)
    for doc in docs:
        ctx = CheckContext(doc)
        for key, r in RULES.items():
            c0 = time.process_time()
            list(r.func(ctx))
            cost[key] += time.process_time() - c0
    print("CPU per rule (ms/doc; a rule that first builds a shared view pays for it):")
    for key, seconds in sorted(cost.items(), key=lambda kv: -kv[1]):
        print(f"  {key:45s} {seconds / len(docs) * 1000:6.3f}")


def main(n: int = 2000, per_rule: bool = False) -> None:
    paths = sorted(SEEDS.glob("*.txt")) or sorted(FALLBACK.rglob("*.txt"))
    texts = [(str(p), p.read_text("utf-8")) for p in paths]
    work = [texts[i % len(texts)] for i in range(n)]
    for path, text in texts:  # warm caches (vocabularies, regexes)
        check_document(read_text_document(text, path))
    read_wall, read_cpu, docs = _best(_read, work)
    check_wall, check_cpu, total = _best(_check, docs)
    both_wall, both_cpu, _ = _best(_both, work)
    chars = sum(len(t) for _p, t in work)
    print(f"documents: {n} ({len(texts)} distinct, {chars / n:.0f} chars on average), findings: {total}")
    print(f"{'':14s}{'wall docs/s':>12s}{'CPU docs/s':>12s}{'CPU ms/doc':>12s}")
    for name, wall, cpu in (("read", read_wall, read_cpu), ("check", check_wall, check_cpu),
                            ("read + check", both_wall, both_cpu)):
        print(f"{name:14s}{n / wall:12.1f}{n / cpu:12.1f}{cpu / n * 1000:12.3f}")
    print("(one core; bar: read + check >= 500 docs/s)")
    if per_rule:
        _rules(docs[: len(texts) * 20])


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 2000, "--rules" in sys.argv)
