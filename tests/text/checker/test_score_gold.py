"""The quality bar on the seed documents: every non-optional gold defect found, at most three
unmatched warnings/errors per document."""

from __future__ import annotations

import os

import pytest

from taizhang.text.checker import check_path

from .gold import GOLD, SEEDS, score_seeds

MAX_UNMATCHED = 3

pytestmark = pytest.mark.skipif(
    not (GOLD.is_file() and SEEDS.is_dir()) and os.environ.get("CI") != "true",
    reason=f"gold data not found at {GOLD.parent.parent}",
)


@pytest.fixture(scope="module")
def score():
    if not GOLD.is_file():
        pytest.fail(f"CI=true but gold data missing at {GOLD}")
    return score_seeds(check_path)


def test_every_gold_defect_is_detected(score):
    s, _names = score
    missed = [f"{m['doc']} {m['family']} {m['anchor']}" for m in s.missed]
    assert missed == []
    assert sum(s.total.values()) > 100


def test_few_unmatched_warnings_per_document(score):
    s, names = score
    over = {n: [(f.family, f.excerpt[:20]) for f in s.unmatched[n]] for n in names if len(s.unmatched[n]) > MAX_UNMATCHED}
    assert over == {}
