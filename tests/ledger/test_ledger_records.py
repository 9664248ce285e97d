"""台账记录 services: writes with audit trail, validation errors naming the field, nothing written on error."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger.models import AuditLog, MonthlyStat, Record

from ledger_helpers import lecture


def counts(ledger) -> tuple[int, int, float]:
    with ledger.transaction() as s:
        return (s.scalar(select(func.count()).select_from(Record)),
                s.scalar(select(func.count()).select_from(AuditLog)),
                s.scalar(select(func.coalesce(func.sum(MonthlyStat.value), 0))))


def test_create_update_delete_with_audit(county):
    record = county.create_record("桃园村", lecture(highlight=True), actor="张三")
    assert record.type_code == "theory_lecture" and record.quantities == {"audience": 100}
    assert record.highlight is True and record.created_by == "张三"

    county.update_record(record.id, {"quantities": {"audience": 80}, "title": "改后标题"}, actor="李四")
    changed = county.record(record.id)
    assert changed.title == "改后标题" and changed.updated_by == "李四" and changed.quantities == {"audience": 80}

    county.delete_record(record.id, actor="王五")
    with pytest.raises(NotFound):
        county.record(record.id)
    trail = county.history("record", record.id)
    assert [(a.action, a.actor) for a in trail] == [("delete", "王五"), ("update", "李四"), ("insert", "张三")]
    assert trail[1].before["title"] == "党的二十届三中全会精神专题宣讲"
    assert trail[1].after["title"] == "改后标题"
    assert trail[0].before["quantities"] == {"audience": 80} and trail[0].after is None


def test_type_and_quantities_accept_codes_and_labels(county):
    record = county.create_record("青山镇", {"activity_type": "wechat_post", "date_start": "2025-05-01",
                                            "title": "第1期", "quantities": {"发布条数": 3, "original": "1"}})
    assert record.quantities == {"items": 3, "original": 1}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"activity_type": "跳广场舞"}, "activity_type", "未知的活动类型"),
        ({"date_start": "1999-12-31"}, "date_start", "超出范围"),
        ({"date_start": "2025-13-01"}, "date_start", "格式不对"),
        ({"date_start": "2025-03-04", "date_end": "2025-03-01"}, "date_end", "不能早于"),
        ({"quantities": {"受众人次": -5}}, "quantities", "不能为负数"),
        ({"quantities": {"受众人次": "很多"}}, "quantities", "应为数字"),
        ({"quantities": {"发布条数": 3}}, "quantities", "没有数量字段"),
        ({"title": "  "}, "title", "标题不能为空"),
        ({"highlight": "也许"}, "highlight", "是"),
    ],
)
def test_bad_record_input_writes_nothing(county, changes, field, words):
    before = counts(county)
    with pytest.raises(ValidationError) as err:
        county.create_record("桃园村", lecture(**changes))
    assert err.value.field == field
    assert words in err.value.message
    assert counts(county) == before


def test_unit_outside_the_tree_is_refused(county):
    before = counts(county)
    with pytest.raises(ValidationError, match="不在“示例县”管辖范围内") as err:
        county.create_record("外县", lecture(), within="示例县")
    assert err.value.field == "unit"
    with pytest.raises(NotFound, match="单位“无名村”不存在"):
        county.create_record("无名村", lecture())
    assert counts(county) == before


def test_bad_update_leaves_record_and_stats_unchanged(county):
    record = county.create_record("桃园村", lecture())
    before = counts(county)
    with pytest.raises(ValidationError):
        county.update_record(record.id, {"quantities": {"受众人次": -1}})
    with pytest.raises(ValidationError, match="不能修改字段"):
        county.update_record(record.id, {"created_by": "x"})
    assert counts(county) == before
    assert county.record(record.id).quantities == {"audience": 100}


def test_records_listing_filters_subtree_period_and_type(county):
    from taizhang.ledger import Period

    county.create_record("桃园村", lecture("2025-01-10"))
    county.create_record("石岭村", lecture("2025-02-10"))
    county.create_record("青山镇", lecture("2024-02-10"))
    county.create_record("青山镇", {"activity_type": "宣传标语", "date_start": "2025-04-01", "title": "标语"})
    assert len(county.records("示例县")) == 4
    assert len(county.records("青山镇", Period.year(2025))) == 2
    assert [r.title for r in county.records("示例县", Period.year(2025), ["slogan"])] == ["标语"]


def test_evidence_is_content_addressed(county, tmp_path):
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8fake jpeg")
    copy = tmp_path / "副本.jpg"
    copy.write_bytes(photo.read_bytes())
    record = county.create_record("桃园村", lecture(), evidence_files=[photo])
    county.attach_evidence(record.id, copy)
    items = county.evidence(record.id)
    assert [i.filename for i in items] == ["现场照片.jpg", "副本.jpg"]
    assert items[0].sha256 == items[1].sha256 and items[0].media_type == "image/jpeg"
    stored = county.evidence_path(items[0])
    assert stored.read_bytes() == photo.read_bytes()
    assert stored.parent.parent.name == items[0].sha256[:2] and stored.parent.name == items[0].sha256[2:4]
    with pytest.raises(ValidationError, match="不存在"):
        county.attach_evidence(record.id, tmp_path / "missing.pdf")
