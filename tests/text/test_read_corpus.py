"""The quality bar on our own corpus (samples/corpus: twenty reports written by hand in the forms
real ones arrive in — government and document sites, PDF copies, excerpts, traditional characters,
WeChat — with gold written from INDICATORS_SPEC.md, not from reader output). Same scorer and bar as
the seeds: recall and precision >= 0.98, measure/approx/kind >= 0.95, activity >= 0.90; plus the
其中 links the gold records."""

from __future__ import annotations

import pytest
from reader_support import SAMPLES

from taizhang.text import read_path
from taizhang.text.scoring import Score, load_gold, score_document

CORPUS = SAMPLES / "corpus"


@pytest.fixture(scope="module")
def read_corpus():
    gold = load_gold(CORPUS, "gold_indicators.jsonl")
    docs = {name: read_path(CORPUS / name) for name in sorted(gold)}
    score = Score()
    for name, doc in docs.items():
        score_document(doc, gold[name], score)
    return gold, docs, score


def test_the_corpus_covers_twenty_documents(read_corpus):
    gold, _docs, score = read_corpus
    assert len(gold) == 20 and score.gold_required >= 900


def test_indicators_meet_the_bar(read_corpus):
    _gold, _docs, score = read_corpus
    f = score.figures
    assert f["recall"] >= 0.98, score.misses
    assert f["precision"] >= 0.98, score.false_hits
    assert min(f["measure"], f["approx"], f["kind"]) >= 0.95, score.wrong
    assert f["activity"] >= 0.90, score.wrong


def test_qizhong_figures_link_to_their_totals(read_corpus):
    gold, docs, _score = read_corpus
    linked = wrong = 0
    for name, items in gold.items():
        doc = docs[name]
        by_span = {}
        for item in items:
            at = doc.source_text.find(item["anchor"]) + item["anchor"].find(item["qty"])
            by_span[at] = item
        for ind in doc.indicators:
            item = by_span.get(ind.start)
            if item is None:
                continue
            want = item.get("parent")
            got = doc.indicators[ind.parent] if ind.parent is not None else None
            if want is None:
                wrong += got is not None
            else:
                ok = got is not None and doc.source_text.find(want) <= got.start < doc.source_text.find(want) + len(want)
                linked += ok
                wrong += not ok
    assert linked >= 40 and wrong <= 3
