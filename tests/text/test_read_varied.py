"""Varied hand-made documents in the styles real reports come in (government
site with chrome and footer, document site with title suffix and ads, village,
traditional characters): exact indicator lists guard precision and recall
beyond the five seeds."""

from __future__ import annotations

import pytest
from reader_support import SAMPLES

from taizhang.text import read_path

VARIED = SAMPLES / "varied"

EXPECTED = {
    "county_gov.txt": {
        "title": "中共某某县委宣传部2023年工作总结和2024年工作计划", "doc_type": "总结及计划", "level": "县",
        "qty": ["14次", "6次", "860余场", "6.5万余人次", "1200余篇（条）", "86篇（条）", "325篇（条）", "2100余条",
                "300万人次", "12个", "3.2万名", "4500余场次", "36名", "1000场次", "12次", "300篇"],
        "kinds": ["actual"] * 13 + ["target"] * 3,
        "removed": 5,
    },
    "school_docsite.txt": {
        "title": "学校2023年意识形态工作总结", "doc_type": "总结", "level": "学校",
        "qty": ["４次", "２次", "２０次", "3期", "320人次", "150余篇", "24期", "80余节", "2次", "1次"],
        "kinds": ["actual"] * 8 + ["target"] * 2,
        "removed": 3,
    },
    "village.txt": {
        "title": "某某村2023年宣传思想工作总结", "doc_type": "总结", "level": "村",
        "qty": ["12次", "24次", "12次", "1500余份", "30余条", "8块", "20户", "5名", "3场", "800人", "10场"],
        "kinds": ["actual"] * 10 + ["target"],
        "removed": 0,
    },
    "traditional_hk.txt": {
        "title": "2023年度某區宣傳思想工作總結", "doc_type": "总结", "level": "区",  # as written
        "qty": ["12次", "4次", "45篇", "120餘篇", "300餘場次", "2萬餘人次", "400場次"],
        "kinds": ["actual"] * 6 + ["target"],
        "removed": 0,
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_varied_documents(name):
    want = EXPECTED[name]
    doc = read_path(VARIED / name)
    assert doc.meta.title == want["title"]
    assert doc.meta.doc_type == want["doc_type"]
    assert doc.meta.unit_level == want["level"]
    assert [i.qty for i in doc.indicators] == want["qty"]
    assert [i.kind for i in doc.indicators] == want["kinds"]
    assert len(doc.removed) == want["removed"]
    assert [n.section for n in doc.outline] == ["achievements", "problems", "plans"]
    for ind in doc.indicators:
        assert doc.source_text[ind.start:ind.end] == ind.qty
        assert ind.activity and ind.activity in doc.source_text


def test_varied_values_and_approximations():
    doc = read_path(VARIED / "county_gov.txt")
    by_qty = {i.qty: i for i in doc.indicators}
    assert (by_qty["6.5万余人次"].value, by_qty["6.5万余人次"].approx) == (65000, "more_than")
    assert (by_qty["300万人次"].value, by_qty["300万人次"].approx) == (3000000, "more_than")  # 突破
    assert by_qty["86篇（条）"].parent == [i.qty for i in doc.indicators].index("1200余篇（条）")
    assert by_qty["300篇"].approx == "at_least"
    assert by_qty["1000场次"].approx == "more_than"
    hk = read_path(VARIED / "traditional_hk.txt")
    last = hk.indicators[-1]
    assert last.activity == "力爭全年開展志願服務活動"  # literal, 不少於 stripped
    assert last.activity_type == "volunteer_activity"
    assert last.measure == "場次"  # as written (INDICATORS_SPEC.md); analysis used the simplified form
