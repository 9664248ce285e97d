"""The 工作台 figures service: areas against targets, trend, ranking, missing areas, lagging targets."""

from __future__ import annotations

from datetime import date

from ledger_helpers import lecture

from taizhang.ledger.dashboard import _lagging
from taizhang.ledger.stats import Progress


def _progress(actual: float, target: float) -> Progress:
    return Progress(1, "theory_lecture.count", "理论宣讲", "场", "至少", target, actual, 0, "")


def test_lagging_targets_follow_the_year_pace():
    mid_year = date(2025, 7, 2)  # day 183 of 365: half the target is due
    assert _lagging([_progress(40, 100)], 2025, mid_year) == [("理论宣讲", 40, 50.1)]
    assert _lagging([_progress(60, 100)], 2025, mid_year) == []
    assert _lagging([_progress(99, 100)], 2025, date(2026, 1, 5)) == [("理论宣讲", 99, 100)]
    assert _lagging([_progress(0, 100)], 2027, date(2026, 1, 5)) == []  # a future year is not behind


def test_dashboard_of_a_county(county):
    town, village = county.unit("青山镇"), county.unit("桃园村")
    county.create_record(village.id, lecture(day="2025-02-03", audience=80))
    county.create_record(village.id, lecture(day="2025-11-03", audience=20))
    county.create_record(county.unit("石岭村").id, lecture(day="2025-02-10"))
    county.set_target("示例县", 2025, "theory_lecture.count", 5)
    board = county.dashboard("示例县", 2025, today=date(2025, 11, 20))
    assert board.total_records == 3 and board.targets_total == 1 and board.targets_met == 0
    lecture_area = next(a for a in board.areas if a.code == "lecture")
    row = next(r for r in lecture_area.rows if r.indicator == "theory_lecture.count")
    assert (row.value, row.target) == (3, 5)
    assert dict(board.months)[2] == 2 and dict(board.months)[11] == 1
    assert [name for _, name, _ in board.ranking] == ["青山镇", "白水乡"]
    assert board.quarter == "2025年第4季度" and board.silent_units == ["白水乡"]
    assert "宣讲" not in board.missing_areas and "理论武装" in board.missing_areas
    assert board.lagging and board.lagging[0][0] == "理论宣讲"
    assert county.dashboard(town.id, 2025, today=date(2025, 11, 20)).ranking[0][1] == "桃园村"
