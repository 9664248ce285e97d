"""Browsing: filtered, paginated record lists (both query plans agree) and the scoped audit log."""

from __future__ import annotations

import pytest
from ledger_helpers import lecture

from taizhang.errors import ValidationError
from taizhang.ledger.browse import BIG_SUBTREE, AuditFilter, RecordFilter


@pytest.fixture
def filled(county):
    days = ["2025-01-05", "2025-03-04", "2025-03-04", "2025-07-01", "2024-12-31"]
    for i, day in enumerate(days):
        county.create_record("桃园村" if i % 2 else "石岭村", lecture(day=day, title=f"宣讲{i}"))
    county.create_record("青山镇", {"activity_type": "wechat_post", "date_start": "2025-03-09",
                                    "title": "公众号推文 100%原创", "quantities": {}})
    return county


@pytest.mark.parametrize("size", [1, BIG_SUBTREE + 1])
def test_pages_are_newest_first_whichever_plan(filled, size):
    root = filled.unit("示例县").id
    page = filled.browse_records(RecordFilter(unit_id=root, per_page=4), subtree_size=size)
    assert page.total == 6 and page.pages == 2
    assert [r.date_start.isoformat() for r in page.rows] == ["2025-07-01", "2025-03-09", "2025-03-04", "2025-03-04"]
    assert page.rows[2].id > page.rows[3].id  # same day: newest id first
    rest = filled.browse_records(RecordFilter(unit_id=root, per_page=4, page=2), subtree_size=size)
    assert [r.title for r in rest.rows] == ["宣讲0", "宣讲4"] and not rest.has_next


def test_filters(filled):
    root = filled.unit("示例县").id
    march = RecordFilter(unit_id=root, year=2025, month=3)
    assert filled.count_records(march) == 3
    assert filled.count_records(RecordFilter(unit_id=root, year=2025, area="lecture")) == 4
    assert filled.count_records(RecordFilter(unit_id=root, type_code="wechat_post")) == 1
    assert filled.count_records(RecordFilter(unit_id=root, text="100%")) == 1  # LIKE wildcards are literal
    assert filled.count_records(RecordFilter(unit_id=root, text="宣讲_")) == 0
    town = filled.unit("青山镇").id
    titles = {r.title for r in filled.browse_records(RecordFilter(unit_id=town), subtree_size=3).rows}
    assert titles == {"宣讲1", "宣讲3", "公众号推文 100%原创"}
    with pytest.raises(ValidationError, match="须同时选择年度"):
        RecordFilter(unit_id=root, month=3)
    with pytest.raises(ValidationError, match="月份"):
        RecordFilter(unit_id=root, year=2025, month=13)


def test_audit_entries_are_scoped(filled):
    town = filled.subtree_ids("青山镇")
    entries = filled.audit_entries(town, AuditFilter(entity="record"))
    assert {e.data["title"] for e in entries} == {"宣讲1", "宣讲3", "公众号推文 100%原创"}
    everything = filled.audit_entries(None, AuditFilter(entity="record", limit=3))
    assert len(everything) == 3 and everything[0].entry.id > everything[-1].entry.id
    units = filled.audit_entries(town, AuditFilter(entity="unit"))
    assert {e.data["name"] for e in units} == {"青山镇", "桃园村", "李庄村"}
