"""Indicator values, provenance, roll-ups, progress and same-period comparisons."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from ledger_helpers import lecture

from taizhang.errors import ValidationError
from taizhang.ledger import Period, aggregates, stats
from taizhang.ledger.stats import RECORDS


@pytest.fixture
def filled(county):
    ids = {
        "a": county.create_record("桃园村", lecture("2025-01-15", 100)).id,
        "b": county.create_record("李庄村", lecture("2025-03-20", 60)).id,
        "c": county.create_record("石岭村", lecture("2025-03-21", 40)).id,
        "d": county.create_record("青山镇", lecture("2024-03-05", 30)).id,
        "e": county.create_record("青山镇", {"activity_type": "公众号发布", "date_start": "2025-03-02",
                                             "title": "第1期", "quantities": {"发布条数": 3, "原创条数": 1}}).id,
        "f": county.create_record("外县", lecture("2025-03-05", 999)).id,
    }
    return county, ids


def test_values_for_subtree_and_period(filled):
    ledger, _ = filled
    values = ledger.indicator_values("示例县", Period.year(2025))
    assert values["theory_lecture.count"].value == 3
    assert values["theory_lecture.audience"].value == 200
    assert values["theory_lecture.count"].measure == "场次" and values["theory_lecture.audience"].measure == "人次"
    assert values["wechat_post.count"].value == 1 and values["wechat_post.items"].value == 3
    assert ledger.indicator_values("青山镇", Period.year(2025))["theory_lecture.audience"].value == 160
    assert ledger.indicator_values("外县", Period.year(2025))["theory_lecture.audience"].value == 999


def test_provenance_lists_the_records_behind_each_figure(filled):
    ledger, ids = filled
    value = ledger.indicator_value("示例县", Period.year(2025), "theory_lecture.audience", provenance=True)
    assert value.value == 200 and value.record_ids == (ids["a"], ids["b"], ids["c"])
    behind = ledger.records_by_ids(value.record_ids)
    assert sum(r.quantities["audience"] for r in behind) == 200
    march = ledger.indicator_value("青山镇", Period.month(2025, 3), "wechat_post.original", provenance=True)
    assert march.value == 1 and march.record_ids == (ids["e"],)
    empty = ledger.indicator_value("白水乡", Period.month(2025, 1), "theory_lecture.count", provenance=True)
    assert empty.value == 0 and empty.record_ids == ()


def test_partial_month_period_reads_records(filled):
    ledger, _ = filled
    period = Period(date(2025, 3, 1), date(2025, 3, 20))
    assert ledger.indicator_value("示例县", period, "theory_lecture.count").value == 1


def test_rollup_by_unit_area_month(filled):
    ledger, _ = filled
    qs, bs = ledger.unit("青山镇").id, ledger.unit("白水乡").id
    cube = ledger.rollup("示例县", 2025)
    assert cube.cells[(qs, "lecture", 202501)]["theory_lecture.audience"] == 100
    assert cube.cells[(qs, "lecture", 202503)]["theory_lecture.count"] == 1
    assert cube.cells[(bs, "lecture", 202503)]["theory_lecture.audience"] == 40
    assert cube.cells[(qs, "news", 202503)][RECORDS] == 1
    assert cube.unit_names[qs] == "青山镇"
    by_area = ledger.rollup("示例县", 2025, by=("area",))
    assert by_area.cells[("lecture",)][RECORDS] == 3 and by_area.cells[("news",)]["wechat_post.items"] == 3
    summary = ledger.rollup("示例县", 2025, by=("unit", "area", "month"), indicators=False)
    assert {k: dict(v) for k, v in summary.cells.items()} == \
        {k: {RECORDS: v[RECORDS]} for k, v in cube.cells.items()}
    own = ledger.rollup("青山镇", 2025, by=("unit", "type"))
    assert own.cells[(qs, "wechat_post")]["wechat_post.items"] == 3  # the town's own records, under its own id
    assert own.cells[(ledger.unit("桃园村").id, "theory_lecture")]["theory_lecture.count"] == 1
    with pytest.raises(ValidationError, match="维度"):
        ledger.rollup("示例县", 2025, by=("weather",))


def test_progress_and_last_year(filled):
    ledger, _ = filled
    ledger.set_target("示例县", 2025, "theory_lecture.count", 4, bound="不少于", source="全年开展理论宣讲不少于4场次")
    ledger.set_target("示例县", 2025, "theory_lecture.audience", 150)
    progress = {p.indicator: p for p in ledger.progress("示例县", 2025)}
    count = progress["theory_lecture.count"]
    assert (count.actual, count.target, count.last_year, count.bound) == (3, 4, 1, "不少于")
    assert count.ratio == 0.75 and not count.met
    assert progress["theory_lecture.audience"].met
    as_of = {p.indicator: p for p in ledger.progress("示例县", 2025, as_of=date(2025, 1, 31))}
    assert as_of["theory_lecture.count"].actual == 1 and as_of["theory_lecture.count"].last_year == 0
    compared = ledger.compare_last_year("示例县", Period.year(2025))
    assert compared["theory_lecture.audience"] == (200, 30)


def test_targets_replace_and_validate(county):
    first = county.set_target("示例县", 2025, "theory_lecture.count", 10)
    again = county.set_target("示例县", 2025, "theory_lecture.count", 12, bound="力争")
    assert first.id == again.id and [(t.value, t.bound) for t in county.targets("示例县", 2025)] == [(12, "力争")]
    assert [a.action for a in county.history("target", first.id)] == ["update", "insert"]
    with pytest.raises(ValidationError, match="未知的指标"):
        county.set_target("示例县", 2025, "nothing.count", 1)
    with pytest.raises(ValidationError, match="不能为负数"):
        county.set_target("示例县", 2025, "theory_lecture.count", -1)
    with pytest.raises(ValidationError, match="目标约束"):
        county.set_target("示例县", 2025, "theory_lecture.count", 1, bound="大概")


def test_stats_table_stays_equal_to_a_rebuild_after_random_writes(county):
    rng = random.Random(7)
    units = ["桃园村", "李庄村", "石岭村", "青山镇", "白水乡"]
    live: list[int] = []
    for _ in range(60):
        roll = rng.random()
        if roll < 0.6 or not live:
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
            live.append(county.create_record(rng.choice(units), lecture(day.isoformat(), rng.randint(0, 50))).id)
        elif roll < 0.8:
            day = date(2024, 6, 1) + timedelta(days=rng.randrange(300))
            county.update_record(rng.choice(live), {"date_start": day, "unit": rng.choice(units),
                                                    "quantities": {"audience": rng.randint(0, 9)}})
        else:
            county.delete_record(live.pop(rng.randrange(len(live))))
    with county.transaction() as s:
        maintained = aggregates.snapshot(s)
        aggregates.rebuild(s)
        rebuilt = aggregates.snapshot(s)
    assert maintained == rebuilt
    assert county.indicator_values("示例县", Period.year(2025), provenance=True)["theory_lecture.count"].value == \
        county.indicator_values("示例县", Period.year(2025))["theory_lecture.count"].value


def test_capped_provenance_keeps_the_first_ids_in_date_order_and_exact_counts(filled):
    ledger, ids = filled
    with ledger.transaction() as s:
        capped = stats.indicator_values(s, ledger.taxonomy, "示例县", Period.year(2025), provenance=True,
                                        provenance_limit=2)
    audience = capped["theory_lecture.audience"]
    assert audience.value == 200 and audience.record_ids == (ids["a"], ids["b"]) and audience.record_count == 3
    full = ledger.indicator_values("示例县", Period.year(2025), provenance=True)
    assert full["theory_lecture.audience"].record_count == 3 == len(full["theory_lecture.audience"].record_ids)
    assert {k: v.value for k, v in capped.items()} == {k: v.value for k, v in full.items()}
    assert ledger.indicator_values("示例县", Period.year(2025))["theory_lecture.count"].record_count is None


def test_zero_quantities_do_not_count_as_records_of_the_quantity(filled):
    ledger, ids = filled
    zero = ledger.create_record("李庄村", lecture("2025-04-01", 0)).id
    values = ledger.indicator_values("示例县", Period.year(2025), provenance=True)
    assert zero in values["theory_lecture.count"].record_ids and values["theory_lecture.count"].record_count == 4
    assert zero not in values["theory_lecture.audience"].record_ids
    assert values["theory_lecture.audience"].record_count == 3


def test_traced_values_split_counts_by_child_subtree_in_one_pass(filled):
    ledger, ids = filled
    qs, bs = ledger.unit("青山镇").id, ledger.unit("白水乡").id
    with ledger.transaction() as s:
        total, by_child = stats.traced_values(s, ledger.taxonomy, "示例县", Period.year(2025), limit=1,
                                              by_child=True)
    full = ledger.indicator_values("示例县", Period.year(2025), provenance=True)
    assert {k: (v.value, v.record_count) for k, v in total.items()} == \
        {k: (v.value, v.record_count) for k, v in full.items()}
    lectures = total["theory_lecture.count"]
    assert (lectures.value, lectures.record_count, lectures.record_ids) == (3, 3, (ids["a"],))
    assert by_child.keys() == {qs, bs}
    town = by_child[qs]
    assert set(town) == {"theory_lecture.count", "wechat_post.count"}  # counts only, per child
    assert (town["theory_lecture.count"].value, town["theory_lecture.count"].record_ids) == (2, (ids["a"],))
    assert town["wechat_post.count"].record_ids == (ids["e"],)
    assert by_child[bs]["theory_lecture.count"].record_ids == (ids["c"],)
    assert total["theory_lecture.audience"].value == 200  # 外县's 999 stays out


def test_progress_of_matches_progress_from_figures_at_hand(filled):
    ledger, _ = filled
    ledger.set_target("示例县", 2025, "theory_lecture.count", 4)
    ledger.set_target("示例县", 2025, "media_city.count", 2)  # nothing recorded: actual 0
    now = ledger.indicator_values("示例县", Period.year(2025))
    before = ledger.indicator_values("示例县", Period.year(2024))
    mine = stats.progress_of(ledger.taxonomy, ledger.targets("示例县", 2025), now, before)
    assert mine == ledger.progress("示例县", 2025)
    assert [(p.indicator, p.actual, p.last_year) for p in mine] == [
        ("media_city.count", 0, 0), ("theory_lecture.count", 3, 1)]
