"""The 示例县 demo generator: deterministic, every work area filled, targets for two years."""

from __future__ import annotations

from taizhang.ledger import Ledger, Period, demo


def fingerprint(ledger) -> list[tuple]:
    return [(r.unit_id, r.type_code, r.date_start, r.title, r.place, r.highlight, tuple(sorted(r.quantities.items())))
            for r in ledger.records(demo.COUNTY)]


def test_demo_county_is_plausible_and_deterministic(target, tmp_path):
    first = target.ledger()
    summary = demo.generate(first, year=2025, scale=0.2, seed=3)
    assert 150 < summary.units < 220 and summary.targets == 20
    levels = [u.level for u in first.units(demo.COUNTY)]
    assert levels.count("乡镇街道") == 12 and 120 <= levels.count("村社区") <= 180 and "学校" in levels

    values = first.indicator_values(demo.COUNTY, Period.year(2025))
    areas_with_records = {v.area for v in values.values()}
    assert areas_with_records == {a.code for a in first.taxonomy.areas}
    assert values["wechat_post.items"].value > values["wechat_post.count"].value
    assert first.indicator_values(demo.COUNTY, Period.year(2024))["theory_lecture.count"].value > 0
    assert {t.year for t in first.targets(demo.COUNTY)} == {2025, 2026}
    assert all(t.source.startswith("全年") for t in first.targets(demo.COUNTY))
    assert first.history("record", limit=1)[0].action == "bulk_insert"

    second_dir = tmp_path / "second"
    second_dir.mkdir()
    second = Ledger.open(str(second_dir / "demo.db"))
    demo.generate(second, year=2025, scale=0.2, seed=3)
    assert fingerprint(first) == fingerprint(second)
    second.close()
