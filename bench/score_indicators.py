"""Score the reader's indicators on the seeds against the shared gold file.

    .venv/bin/python bench/score_indicators.py [-v]

Prints recall, precision and attribute accuracies (see INDICATORS_SPEC.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from taizhang.text import read_path
from taizhang.text.scoring import locate_gold, score_seeds

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    gold = locate_gold(ROOT)
    if gold is None:
        print("找不到金标准数据（../shared/gold）", file=sys.stderr)
        return 1
    score = score_seeds(gold.parent / "seeds", gold, read_path)
    for name, value in score.figures.items():
        print(f"{name:10s} {value:.3f}")
    print(f"gold(required)={score.gold_required} predicted={score.predicted} matched={score.matched}")
    if "-v" in sys.argv:
        for title, rows in (("misses", score.misses), ("false hits", score.false_hits), ("wrong", score.wrong)):
            print(f"-- {title}")
            for row in rows:
                print("  ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
