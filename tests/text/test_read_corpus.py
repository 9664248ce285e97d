"""The quality bar on our own corpora, gold written by hand from INDICATORS_SPEC.md, not from reader
output: samples/corpus (twenty reports in the forms real ones arrive in — government and document
sites, PDF copies, excerpts, traditional characters, WeChat) and samples/corpus2 (69 reports written
blind, .txt, .docx and .html, tables included; see its README). Same scorer and bar as the seeds:
recall and precision >= 0.98, measure/approx/kind >= 0.95, activity >= 0.90; plus the 其中 links
the first corpus records."""

from __future__ import annotations

import pytest
from reader_support import SAMPLES

from taizhang.text import read_path
from taizhang.text.scoring import Score, load_gold, score_document

CORPUS = SAMPLES / "corpus"
CORPORA = {"corpus": (20, 900), "corpus2": (69, 2600)}  # documents, required gold items at least


def _read(folder):
    gold = load_gold(folder, "gold_indicators.jsonl")
    docs = {name: read_path(folder / name) for name in sorted(gold)}
    score = Score()
    for name, doc in docs.items():
        score_document(doc, gold[name], score)
    return gold, docs, score


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request):
    return request.param, _read(SAMPLES / request.param)


def test_each_corpus_is_whole(scored):
    name, (gold, _docs, score) = scored
    documents, required = CORPORA[name]
    assert len(gold) == documents and score.gold_required >= required


def test_each_corpus_meets_the_bar(scored):
    _name, (_gold, _docs, score) = scored
    f = score.figures
    assert f["recall"] >= 0.98, score.misses
    assert f["precision"] >= 0.98, score.false_hits
    assert min(f["measure"], f["approx"], f["kind"]) >= 0.95, score.wrong
    assert f["activity"] >= 0.90, score.wrong


@pytest.fixture(scope="module")
def read_corpus():
    return _read(CORPUS)


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
