"""Bulk loads (COPY on PostgreSQL, driver executemany on SQLite) store text exactly and keep stats right."""

from __future__ import annotations

from datetime import date

from taizhang.ledger import Period, aggregates, bulk

TRICKY = "制表\t换行\n回车\r反斜杠\\ 和 \\N 以及“引号”'"


def test_bulk_insert_round_trips_tricky_text_and_maintains_stats(county):
    unit_id = county.unit("桃园村").id
    rows = [{"unit_id": unit_id, "type_code": "theory_lecture", "date_start": date(2025, 6, i + 1),
             "title": f"{TRICKY}{i}", "description": TRICKY, "quantities": {"audience": i + 0.5},
             "highlight": i % 2 == 0} for i in range(5)]
    with county.transaction() as s:
        ids = bulk.insert_records(s, rows, actor="批量", returning=True, batch_size=2)
    assert len(ids) == 5 and ids == sorted(ids)
    stored = county.records_by_ids(ids)
    assert [r.title for r in stored] == [f"{TRICKY}{i}" for i in range(5)]
    assert stored[0].description == TRICKY and stored[0].highlight is True and stored[1].highlight is False
    assert stored[0].quantities == {"audience": 0.5} and stored[0].created_by == "批量"
    value = county.indicator_value("示例县", Period.year(2025), "theory_lecture.audience")
    assert value.value == 0.5 + 1.5 + 2.5 + 3.5 + 4.5
    with county.transaction() as s:
        count = bulk.insert_records(s, [dict(rows[0], title="无编号")])
        assert count == 1
        maintained = aggregates.snapshot(s)
        aggregates.rebuild(s)
        assert aggregates.snapshot(s) == maintained
    # ids reserved for a later normal insert do not collide with bulk ones
    assert county.create_record("桃园村", {"activity_type": "理论宣讲", "date_start": "2025-07-01",
                                          "title": "之后"}).id > max(ids)
