"""The quality bar on the seeds (INDICATORS_SPEC.md): recall and precision
>= 0.98, measure/approx/kind >= 0.95, activity containment >= 0.90."""

from __future__ import annotations

from reader_support import need_gold

from taizhang.text import read_path
from taizhang.text.scoring import score_seeds


def test_indicators_meet_the_gold_bar():
    gold = need_gold()
    score = score_seeds(gold.parent / "seeds", gold, read_path)
    f = score.figures
    assert f["recall"] >= 0.98, score.misses
    assert f["precision"] >= 0.98, score.false_hits
    assert f["measure"] >= 0.95, score.wrong
    assert f["approx"] >= 0.95, score.wrong
    assert f["kind"] >= 0.95, score.wrong
    assert f["activity"] >= 0.90, score.wrong
    assert score.matched >= score.gold_required


def test_scorer_counts_a_miss_and_a_false_hit():
    """The scorer itself: an empty prediction misses everything; a stray figure is a false hit."""
    from dataclasses import replace

    from taizhang.text.scoring import Score, load_gold, score_document

    gold = need_gold()
    items = load_gold(gold)["000_d975a06be1a3b808.txt"]
    doc = read_path(gold.parent / "seeds" / "000_d975a06be1a3b808.txt")
    empty = Score()
    score_document(replace(doc, indicators=[]), items, empty)
    assert empty.figures["recall"] == 0.0
    stray = replace(doc.indicators[0], start=0, end=4)  # "2023" of the title
    wrong = Score()
    score_document(replace(doc, indicators=[stray]), items, wrong)
    assert wrong.figures["precision"] == 0.0
