"""Ids are never handed out twice, so an id in the audit log, an evidence list or a provenance list names one row."""

from __future__ import annotations

from datetime import date

from ledger_helpers import lecture

from taizhang.ledger import bulk


def _newest_deleted_then_recreated(ledger) -> tuple[int, int]:
    ledger.create_record("桃园村", lecture(title="较早的一次宣讲"))
    old = ledger.create_record("桃园村", lecture(title="删掉的那次宣讲")).id
    ledger.delete_record(old)  # the newest record: max(rowid) drops back below it
    new = ledger.create_record("桃园村", lecture(title="后来的另一次宣讲")).id
    return old, new


def test_deleted_newest_record_id_is_not_reused(county):
    old, new = _newest_deleted_then_recreated(county)
    assert new > old
    old_history = county.history("record", old)
    assert [e.action for e in old_history] == ["delete", "insert"]
    assert {(e.before or e.after)["title"] for e in old_history} == {"删掉的那次宣讲"}
    assert [e.after["title"] for e in county.history("record", new)] == ["后来的另一次宣讲"]


def test_units_and_targets_do_not_reuse_ids(county):
    old_unit = county.add_unit("临时村", "村社区", "白水乡").id
    county.delete_unit("临时村")
    assert county.add_unit("新建村", "村社区", "白水乡").id > old_unit
    assert [e.action for e in county.history("unit", old_unit)] == ["delete", "insert"]

    old_target = county.set_target("桃园村", 2025, "theory_lecture.count", 10).id
    county.delete_target(old_target)
    assert county.set_target("桃园村", 2025, "theory_lecture.count", 12).id > old_target


def test_evidence_does_not_reuse_ids(county, tmp_path):
    record_id = county.create_record("桃园村", lecture()).id
    photo = tmp_path / "签到表.txt"
    photo.write_text("签到表", encoding="utf-8")
    old = county.attach_evidence(record_id, photo).id
    county.delete_evidence(old)
    assert county.attach_evidence(record_id, photo).id > old


def test_bulk_insert_after_deleting_newest_does_not_reuse_its_id(county):
    _, newest = _newest_deleted_then_recreated(county)
    county.delete_record(newest)
    row = {"unit_id": county.unit("桃园村").id, "type_code": "theory_lecture", "date_start": date(2025, 6, 1),
           "title": "批量写入的宣讲"}
    with county.transaction() as s:
        ids = bulk.insert_records(s, [row, dict(row)], returning=True)
    assert min(ids) > newest
    assert [r.title for r in county.records_by_ids(ids)] == ["批量写入的宣讲"] * 2
    with county.transaction() as s:
        assert bulk.insert_records(s, [row]) == 1  # database-assigned id, also above
    assert max(r.id for r in county.records("桃园村")) > max(ids)


def test_excel_import_after_deleting_newest_audits_the_right_ids(county, tmp_path):
    county.create_record("桃园村", lecture(title="导出的宣讲"))
    out = tmp_path / "台账.xlsx"
    county.export_xlsx("示例县", 2025, out)
    doomed = county.create_record("桃园村", lecture(title="随后删掉的宣讲")).id
    county.delete_record(doomed)
    assert county.import_xlsx(out, "示例县", year=2025, actor="导入员") == 1
    imported = [r for r in county.records("桃园村") if r.created_by == "导入员"]
    assert len(imported) == 1 and imported[0].id > doomed
    assert [e.after["title"] for e in county.history("record", imported[0].id)] == ["导出的宣讲"]
    assert [e.action for e in county.history("record", doomed)] == ["delete", "insert"]


def test_bulk_insert_across_several_multi_row_statements_keeps_order_and_ids(county):
    count = bulk.ROWS_PER_INSERT * 2 + 7  # two whole statements and a shorter last one
    unit_id = county.unit("李庄村").id
    rows = [{"unit_id": unit_id, "type_code": "theory_lecture", "date_start": date(2025, 5, 1 + i % 28),
             "title": f"第{i}场"} for i in range(count)]
    with county.transaction() as s:
        ids = bulk.insert_records(s, rows, returning=True, batch_size=count)
    assert ids == list(range(ids[0], ids[0] + count))
    stored = sorted(county.records_by_ids(ids), key=lambda r: r.id)
    assert [r.title for r in stored] == [f"第{i}场" for i in range(count)]
    with county.transaction() as s:
        assert bulk.insert_records(s, rows) == count
    assert len(county.records("李庄村")) == 2 * count
