"""Reader speed: documents/s for the full text pipeline on the seeds repeated to
2,000 documents, in one process and with -j 2 (process pool); best of 3 runs.

    .venv/bin/python bench/read.py [N]
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from taizhang.text import read_text
from taizhang.text.scoring import locate_gold

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "text" / "samples"
REFERENCE_RATE = 1500  # docs/s the issue quotes for a plain regex + cn2an pass


def _texts() -> list[str]:
    gold = locate_gold(ROOT)
    folder = gold.parent / "seeds" if gold else SAMPLES
    texts = [p.read_text("utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    return [t for t in texts if t.strip()]


def _chunk(texts: list[str]) -> int:
    return sum(len(read_text(t).indicators) for t in texts)


def _baseline(texts: list[str]) -> float:
    """A plain regex + cn2an pass, the reference the bar is set against."""
    import re

    import cn2an

    rx = re.compile(r"(\d+|[一二两三四五六七八九十百]+)(余|多)?(次|场次|篇|条|个|名|人次|块|期)")
    t0 = time.perf_counter()
    for t in texts:
        for m in rx.finditer(t):
            n = m.group(1)
            if not n.isdigit():
                try:
                    cn2an.cn2an(n, "smart")
                except ValueError:
                    pass
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    base = _texts()
    texts = (base * (n // len(base) + 1))[:n]
    print(f"documents: {n} (from {len(base)} texts, {sum(map(len, texts)) / n:.0f} chars each on average)")
    read_text(base[0])  # load data files once
    # best of 3 runs each: the machine may be shared
    one, found = 0.0, 0
    for _ in range(3):
        t0 = time.perf_counter()
        found = _chunk(texts)
        one = max(one, n / (time.perf_counter() - t0))
    print(f"1 process : {one:8.0f} docs/s  ({found} indicators)")
    chunks = [texts[i::2] for i in range(2)]
    two = 0.0
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_chunk, [base, base]))  # warm the workers
        for _ in range(3):
            t0 = time.perf_counter()
            list(pool.map(_chunk, chunks))
            two = max(two, n / (time.perf_counter() - t0))
    print(f"-j 2      : {two:8.0f} docs/s")
    base_rate = max(_baseline(texts) for _ in range(3))
    print(f"baseline  : {base_rate:8.0f} docs/s  (plain regex + cn2an pass, one process)")
    print(f"ratio     : {base_rate / one:8.2f}x  (pipeline time / baseline time, one process)")
    # the issue quotes ~1,500 docs/s for its plain regex + cn2an pass and asks for <= 1.5x of that
    # (>= 1,000 docs/s); the in-script baseline above does less and runs faster on this machine
    print(f"vs 1,500/s: {REFERENCE_RATE / one:8.2f}x  (pipeline time / the issue's quoted baseline; bar <= 1.5x)")


if __name__ == "__main__":
    main()
