"""Deterministic generator of the fictional 示例县 county ledger (seeded RNG, streamed inserts)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from taizhang.ledger import audit, bulk, units
from taizhang.ledger.demo_data import (
    BUREAU_RATES, BUREAUS, COUNTY, DEPARTMENT, DEPARTMENT_RATES, HIGHLIGHTS, PARTICIPANTS, QUANTITY_RANGES,
    SCHOOL_RATES, SCHOOLS, TARGET_PHRASES, TITLES, TOPICS, TOWN_RATES, TOWNS, VILLAGE_FIRST, VILLAGE_RATES, VILLAGE_SECOND,
)
from taizhang.taxonomy import ActivityType, Taxonomy

DEMO_ACTOR = "demo"


@dataclass
class DemoUnit:
    id: int
    name: str
    short: str
    rates: dict[str, int]


@dataclass
class DemoSummary:
    units: int
    records: int
    targets: int


def _village_names(rng: random.Random) -> Iterator[str]:
    pairs = [a + b for a in VILLAGE_FIRST for b in VILLAGE_SECOND]
    rng.shuffle(pairs)
    yield from pairs


def build_units(ledger, rng: random.Random) -> list[DemoUnit]:
    out: list[DemoUnit] = []
    with ledger.transaction() as s:
        county = units.add(s, COUNTY, "县区", actor=DEMO_ACTOR)
        dept = units.add(s, DEPARTMENT, "部门", county, actor=DEMO_ACTOR)
        out.append(DemoUnit(dept.id, dept.name, "县委宣传部", DEPARTMENT_RATES))
        for name in BUREAUS:
            bureau = units.add(s, name, "部门", county, actor=DEMO_ACTOR)
            out.append(DemoUnit(bureau.id, name, name.removeprefix(COUNTY), BUREAU_RATES))
            if "教育" in name:
                for school in SCHOOLS:
                    unit = units.add(s, school, "学校", bureau, actor=DEMO_ACTOR)
                    out.append(DemoUnit(unit.id, school, school.removeprefix(COUNTY), SCHOOL_RATES))
        names = _village_names(rng)
        for town_name in TOWNS:
            town = units.add(s, town_name, "乡镇街道", county, actor=DEMO_ACTOR)
            out.append(DemoUnit(town.id, town_name, town_name, TOWN_RATES))
            suffix = "社区" if town_name.endswith("街道") else "村"
            for _ in range(rng.randint(10, 15)):
                village = next(names) + suffix
                unit = units.add(s, village, "村社区", town, actor=DEMO_ACTOR)
                out.append(DemoUnit(unit.id, village, village, VILLAGE_RATES))
    return out


def _day(rng: random.Random, year: int, type_code: str) -> date:
    if type_code == "cyber_promotion" and rng.random() < 0.7:  # 网络安全宣传周 is in September
        return date(year, 9, rng.randint(1, 30))
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _quantities(rng: random.Random, kind: ActivityType) -> dict[str, int]:
    out = {}
    for q in kind.quantities:
        lo, hi = QUANTITY_RANGES.get(q.field, (1, 20))
        out[q.field] = rng.randint(lo, hi)
    if "problems_fixed" in out:
        out["problems_fixed"] = min(out["problems_fixed"], out["problems_found"])
    return {k: v for k, v in out.items() if v}


def _title(rng: random.Random, kind: ActivityType, unit: DemoUnit, day: date, n: int) -> str:
    templates = TITLES.get(kind.code) or (f"{{short}}{kind.name}",)
    return rng.choice(templates).format(topic=rng.choice(TOPICS), short=unit.short, unit=unit.short,
                                        month=day.month, n=n)


def _place(rng: random.Random, unit: DemoUnit) -> str:
    if unit.name.endswith(("村", "社区")):
        return unit.name + rng.choice(("党群服务中心", "新时代文明实践站", "文化广场", "农家书屋"))
    return unit.short + rng.choice(("会议室", "新时代文明实践所", "综合文化站", "党员活动室"))


def unit_records(rng: random.Random, taxonomy: Taxonomy, unit: DemoUnit, year: int, scale: float) -> Iterator[dict]:
    growth = 1.0 if year % 2 else 0.9  # the earlier demo year is a little quieter: comparisons show growth
    for type_code, rate in unit.rates.items():
        kind = taxonomy.type(type_code)
        count = max(0, round(rate * scale * growth * rng.uniform(0.8, 1.2)))
        for n in range(1, count + 1):
            day = _day(rng, year, type_code)
            highlight = rng.random() < 0.03
            yield {
                "unit_id": unit.id, "type_code": type_code, "date_start": day,
                "date_end": day + timedelta(days=rng.randint(1, 3)) if rng.random() < 0.05 else None,
                "title": _title(rng, kind, unit, day, n)[:200], "place": _place(rng, unit),
                "description": rng.choice(HIGHLIGHTS) if highlight else "",
                "participants": rng.choice(PARTICIPANTS), "highlight": highlight,
                "quantities": _quantities(rng, kind), "created_by": DEMO_ACTOR, "updated_by": DEMO_ACTOR,
            }


def expected_records(demo_units: list[DemoUnit], scale: float, years: int = 2) -> int:
    return round(sum(sum(u.rates.values()) for u in demo_units) * scale * years * 0.95)


def _set_targets(ledger, demo_units: list[DemoUnit], years: tuple[int, ...], scale: float) -> int:
    from taizhang.ledger import targets

    written = 0
    with ledger.transaction() as s:
        for year in years:
            for code, (phrase, hardness) in TARGET_PHRASES.items():
                kind = ledger.taxonomy.type(code)
                expected = sum(u.rates.get(code, 0) for u in demo_units) * scale * hardness
                expected *= 1.1 if year > years[0] else 1.0  # next year's plan asks for more
                value = max(1, round(expected, -1 if expected > 50 else 0))
                bound = "力争" if code.startswith("media") else "不少于"
                sentence = f"全年{phrase}{bound}{int(value)}{kind.count_measure}"
                targets.set_target(s, ledger.taxonomy, COUNTY, year, f"{code}.count", value, bound=bound,
                                   source=sentence, actor=DEMO_ACTOR)
                written += 1
    return written


def generate(ledger, *, year: int = 2025, scale: float = 1.0, seed: int = 20250101,
             progress: Callable[[int], None] | None = None,
             on_total: Callable[[int], None] | None = None) -> DemoSummary:
    """Build 示例县 with records for `year - 1` and `year`, and targets for `year` and `year + 1`."""
    rng = random.Random(seed)
    demo_units = build_units(ledger, rng)
    if on_total:
        on_total(expected_records(demo_units, scale))
    written = 0
    for y in (year - 1, year):
        rows = (row for unit in demo_units for row in unit_records(rng, ledger.taxonomy, unit, y, scale))
        with ledger.transaction() as s:
            count = bulk.insert_records(s, rows, actor=DEMO_ACTOR, batch_size=20000, on_batch=progress)
            audit.log(s, actor=DEMO_ACTOR, action="bulk_insert", entity="record", entity_id=None,
                      after={"year": y, "records": count, "source": "示例县演示数据"})
        written += count
    n_targets = _set_targets(ledger, demo_units, (year, year + 1), scale)
    return DemoSummary(units=len(demo_units) + 1, records=written, targets=n_targets)
