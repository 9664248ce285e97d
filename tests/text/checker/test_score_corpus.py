"""The quality bar on our own corpus (samples/corpus: ten documents with defects planted the way
template copies and hurried edits leave them, eight clean ones written with care; gold written by
hand from the family definitions): every gold defect found, at most three unmatched
warnings/errors per document, clean documents silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from taizhang.text.checker import check_path

from .gold import Score, load_gold, score_doc

CORPUS = Path(__file__).parent / "samples" / "corpus"
DEFECTIVE = sorted(CORPUS.glob("d*.txt"))
CLEAN = sorted(CORPUS.glob("k*.txt"))


@pytest.fixture(scope="module")
def score() -> Score:
    gold, score = load_gold(CORPUS / "gold_findings.jsonl"), Score()
    for path in DEFECTIVE:
        score_doc(path.name, path.read_text("utf-8"), check_path(path), gold[path.name], score)
    return score


def test_the_corpus_has_ten_defective_documents_with_gold(score):
    assert len(DEFECTIVE) == 10 and sum(score.total.values()) >= 80
    assert len(score.total) == 12  # every family has gold items


def test_every_gold_defect_is_detected(score):
    assert [f"{m['doc']} {m['family']} {m['anchor']}" for m in score.missed] == []


def test_few_unmatched_warnings_per_document(score):
    over = {name: [(f.family, f.excerpt[:20]) for f in found] for name, found in score.unmatched.items() if len(found) > 3}
    assert over == {}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_documents_get_no_error_or_warning(path):
    loud = [(f.family, f.rule, f.excerpt) for f in check_path(path) if f.severity != "info"]
    assert loud == []
