"""其中 links: the total a figure after 其中 belongs to ("发布信息182期526条，其中原创178条")."""

from __future__ import annotations

SENTENCE_BOUNDARY = "。；;！？!?\n"
# words before a figure that make it a change or a comparison, not a total: 增加42场次, 比2023年的86场次
_CHANGE_WORDS = ("增加", "增长", "减少", "下降", "提高", "提升", "上升", "多出", "比", "较", "同期", "上年", "去年")


def _no_total(text: str, figure: tuple[int, int, str]) -> bool:
    """A share (21%), a change or a comparison figure is nothing 其中 can break down."""
    start, _end, measure = figure
    before = text[max(0, start - 8):start]
    return measure == "%" or any(w in before for w in _CHANGE_WORDS)


def total_of(text: str, pos: int, measure: str, found: list, threshold: bool = False) -> int | None:
    """Index of the total a figure after 其中 (in its own clause, or opening the sentence
    after the total's: "…268场。其中，…30余场") belongs to. A threshold ("其中播放量
    超过10万次的有17条") belongs to a total of its own measure only."""
    lo = max(0, pos - 200)
    if text.rfind("其中", lo, pos) == -1:
        return None
    clause_start = max(text.rfind(c, lo, pos) for c in "，," + SENTENCE_BOUNDARY) + 1
    q = text.rfind("其中", max(lo, clause_start - 3), pos)
    if q == -1 or (q < clause_start and text[q + 2:clause_start].strip("，,：:") != ""):
        return None
    sent_start = max(text.rfind(c, lo, q) for c in SENTENCE_BOUNDARY) + 1
    if not text[sent_start:q].strip():  # 其中 opens the sentence: the totals are in the one before
        sent_start = max(text.rfind(c, lo, sent_start - 1) for c in SENTENCE_BOUNDARY) + 1
    before = [j for j in range(len(found) - 1, -1, -1) if found[j][1] <= q]
    before = [j for j in before if found[j][0] >= sent_start and not _no_total(text, found[j])]
    same = [j for j in before if found[j][2] == measure]
    pick = same or ([] if threshold else before)
    return pick[0] if pick else None
