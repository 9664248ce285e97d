"""The quality bar on our own corpora (gold written by hand from the family definitions):
samples/corpus — ten documents with defects planted the way template copies and hurried edits leave
them, eight clean ones written with care; samples/corpus2 — 44 defective (d–h) and 51 clean
(k, m–q) ones written blind (by writers who had not seen the checker), .txt and .docx, first used as held-out
sets.
Every gold defect found (corpus2: all but the few listed below), at most three unmatched
warnings/errors per document, clean documents silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from taizhang.text import read_path
from taizhang.text.checker import check_path

from .gold import Score, load_gold, score_doc

SAMPLES = Path(__file__).parent / "samples"
CORPORA = {"corpus": 80, "corpus2": 300}  # required gold items at least
# Known misses, each a judgement call or a figure that needs linking across differently worded
# sentences or between the text and a table: the test fails when another one appears.
KNOWN_MISSES = {
    ("d01_gov_wenlv.txt", "inconsistent_figures"),  # 监测37条 vs 处置43条: two verbs, two indicators?
    ("d05_word_weijian.txt", "duplicate_passage"),  # found, but at the earlier copy
    ("d1_caizhengju.txt", "inconsistent_figures"),  # 集中学习12次 vs 10次, worded differently
    ("d6_fulian.docx", "inconsistent_figures"),  # 86场 in the text, 68 in the table
    ("e01_yantan_2024.txt", "inconsistent_figures"),  # 监测的218条 vs 共监测236条, worded differently
    ("e04_xinxi_tongbao.txt", "missing_number"),  # 有个单位: colloquial "there is a" or a lost number?
    ("e07_wangan_2024.txt", "period_mismatch"),  # a full date of last year in the body
    ("e07_wangan_2024.txt", "inconsistent_figures"),  # 1.2万份 vs 8600余份 (an approximate figure)
    ("f04_xinwen_dongchuan_2024.txt", "inconsistent_figures"),  # 组织各类宣讲活动1260场次 vs 累计开展宣讲1080场次
    ("f07_gongzhonghao_yiyuan_2024.txt", "inconsistent_figures"),  # 其中 parts summing to less than the total
    ("h05_xuexiao_shiyan_2023.txt", "repetition"),  # 活动活动: also a verb doubled (活动活动筋骨), whitelisted
    ("h05_xuexiao_shiyan_2023.txt", "template_residue"),  # 指导各村（社区）党组织 in a school's report
    ("h06_shequ_taoyuan_2024.txt", "period_mismatch"),  # 1-6月份 in an annual summary
    ("h06_shequ_taoyuan_2024.txt", "missing_number"),  # 走访独居老人户: 户 after a verb phrase
}


def _documents(folder: Path, prefixes: str) -> list[Path]:
    """The documents whose names start with one of `prefixes`: d–h defective; k, m–q clean."""
    return sorted(p for p in folder.iterdir() if p.name[0] in prefixes and p.suffix in (".txt", ".docx"))


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request) -> tuple[str, Score]:
    folder = SAMPLES / request.param
    gold, score = load_gold(folder / "gold_findings.jsonl"), Score()
    for path in _documents(folder, "defgh"):
        text = read_path(path).source_text  # what the anchors index (.docx: the loader's text)
        score_doc(path.name, text, check_path(path), gold[path.name], score)
    return request.param, score


def test_each_corpus_has_gold_in_every_family(scored):
    name, score = scored
    assert sum(score.total.values()) >= CORPORA[name] and len(score.total) == 12


def test_every_gold_defect_is_detected(scored):
    _name, score = scored
    missed = {(m["doc"], m["family"]) for m in score.missed}
    assert missed <= KNOWN_MISSES, sorted(missed - KNOWN_MISSES)


def test_few_unmatched_warnings_per_document(scored):
    _name, score = scored
    over = {name: [(f.family, f.excerpt[:20]) for f in found] for name, found in score.unmatched.items() if len(found) > 3}
    assert over == {}


@pytest.mark.parametrize("path", [p for c in sorted(CORPORA) for p in _documents(SAMPLES / c, "kmnopq")],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_documents_get_no_error_or_warning(path):
    loud = [(f.family, f.rule, f.excerpt) for f in check_path(path) if f.severity != "info"]
    assert loud == []
