"""Speed of read + check: the seed documents repeated to N documents, one core.

    .venv/bin/python bench/check.py [N]

Prints documents per second for reading alone, checking alone and both together.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from taizhang.text.checker import check_document
from taizhang.text.checker.loading import read_text_document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
FALLBACK = ROOT / "tests" / "text" / "checker" / "samples"


def main(n: int = 2000) -> None:
    paths = sorted(SEEDS.glob("*.txt")) or sorted(FALLBACK.rglob("*.txt"))
    texts = [(str(p), p.read_text("utf-8")) for p in paths]
    work = [texts[i % len(texts)] for i in range(n)]
    check_document(read_text_document(*reversed(work[0])))  # warm caches (vocabularies, regexes)

    t0 = time.perf_counter()
    docs = [read_text_document(text, path) for path, text in work]
    t1 = time.perf_counter()
    total = 0
    for doc in docs:
        total += len(check_document(doc))
    t2 = time.perf_counter()
    chars = sum(len(t) for _p, t in work)
    print(f"documents: {n} ({len(texts)} distinct, {chars / n:.0f} chars on average), findings: {total}")
    print(f"read:         {n / (t1 - t0):8.1f} docs/s")
    print(f"check:        {n / (t2 - t1):8.1f} docs/s")
    print(f"read + check: {n / (t2 - t0):8.1f} docs/s  (one core; bar 500/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
