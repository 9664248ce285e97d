"""Property: the text pipeline never raises on arbitrary strings and every span
it reports lies inside source_text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taizhang.text import read_text

FRAGMENTS = ["一、", "（一）", "(二)", "1.", "2、", "（1）", "一是", "三是", "第一，", "首先，", "其中", "开展", "宣讲",
             "100余场次", "XX篇", "**万多份", "1.2万人次", "两台", "约", "至少", "力争", "##paidbegin##",
             "【更多尽在文库】", "（材料来源：公众号：某君）", "当前位置:首页", "鎮(zhèn)", "學習", "\n", "\r\n", "。",
             "，", "、", "2023年", "下一步工作计划", "存在问题", "两个确立", "十九大", "%", "％", " ", "\u3000", "\ufeff",
             "序号\t活动名称\t场次\t参与人数（人次）", "1\t", "\t", "合计", "排名", "《", "》", "①", "- 2 -", "第1页",
             "發佈", "首页 > 工作", "发表于 2024-01-01"]


def _check(text: str) -> None:
    doc = read_text(text)
    n = len(doc.source_text)
    assert doc.source_text == text
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= n and text[r.start:r.end] == r.text
    for ind in doc.indicators:
        assert 0 <= ind.start < ind.end <= n and text[ind.start:ind.end] == ind.qty
        assert ind.parent is None or 0 <= ind.parent < len(doc.indicators)
    for a in doc.anomalies:
        assert 0 <= a.start <= a.end <= n

    def walk(nodes):
        for node in nodes:
            assert 0 <= node.start <= node.end <= n
            walk(node.children)

    walk(doc.outline)
    m = doc.meta
    if m.title_start is not None:
        assert 0 <= m.title_start <= m.title_end <= n


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_strings(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join))
def test_report_like_strings(text):
    _check(text)
