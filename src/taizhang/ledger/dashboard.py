"""The 工作台 figures of a unit subtree for a year, from the `stat_monthly` pre-aggregate.

One call computes everything the page shows: figures per work area against targets, the
month trend, the ranking of subordinate units, what is missing this quarter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from taizhang.ledger import stats, units
from taizhang.ledger.models import MonthlyStat, UnitClosure
from taizhang.ledger.stats import RECORDS, Period
from taizhang.taxonomy import Taxonomy


@dataclass(frozen=True)
class FigureRow:
    indicator: str
    label: str
    measure: str
    value: float
    target: float | None = None
    bound: str = ""
    last_year: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.value / self.target if self.target else None


@dataclass
class AreaBlock:
    code: str
    name: str
    records: float
    rows: list[FigureRow] = field(default_factory=list)


@dataclass
class Dashboard:
    unit_id: int
    unit_name: str
    year: int
    total_records: float
    areas: list[AreaBlock]
    months: list[tuple[int, float]]  # (1..12, records)
    ranking: list[tuple[int, str, float]]  # (child unit id, name, records), most first
    quarter: str
    missing_areas: list[str]  # names of work areas with nothing recorded this quarter
    silent_units: list[str]  # subordinate units with nothing recorded this quarter
    lagging: list[tuple[str, float, float]] = field(default_factory=list)  # (label, actual, due by now)
    targets_met: int = 0
    targets_total: int = 0


def _quarter(year: int, today: date) -> Period:
    q = (today.month - 1) // 3 if today.year == year else 3
    return Period(date(year, q * 3 + 1, 1), Period.month(year, q * 3 + 3).end)


def _area_rows(taxonomy: Taxonomy, values, progress) -> list[AreaBlock]:
    targets = {p.indicator: p for p in progress}
    blocks = []
    for area in taxonomy.areas:
        codes = {t.code for t in area.types}
        rows = []
        for ind in taxonomy.indicators():
            if ind.type_code not in codes:
                continue
            iv, goal = values.get(ind.id), targets.get(ind.id)
            if iv is None and goal is None:
                continue
            rows.append(FigureRow(ind.id, ind.label if ind.field else f"{ind.label}（{ind.measure}）",
                                  ind.measure, iv.value if iv else 0, goal.target if goal else None,
                                  goal.bound if goal else "", goal.last_year if goal else None))
        records = sum(values[f"{c}.count"].value for c in codes if f"{c}.count" in values)
        blocks.append(AreaBlock(area.code, area.name, records, rows))
    return blocks


def _lagging(progress, year: int, today: date) -> list[tuple[str, float, float]]:
    """Targets behind the pace the year has run so far (the whole target once the year is over)."""
    if today.year < year:
        return []
    elapsed = 1.0 if today.year > year else (today.timetuple().tm_yday / date(year, 12, 31).timetuple().tm_yday)
    out = []
    for p in progress:
        due = p.target * elapsed
        if p.actual < due:
            out.append((p.label, p.actual, round(due, 1)))
    return out


def build(session: Session, taxonomy: Taxonomy, unit_id: int, year: int, today: date) -> Dashboard:
    root = units.resolve(session, unit_id)
    period = Period.year(year)
    values = stats.indicator_values(session, taxonomy, root, period)
    progress = stats.progress(session, taxonomy, root, year)
    by_month = stats.rollup(session, taxonomy, root, period, ("month",), indicators=False)
    months = {key[0] % 100: cell.get(RECORDS, 0) for key, cell in by_month.cells.items()}
    quarter = _quarter(year, today)
    by_area = stats.rollup(session, taxonomy, root, quarter, ("area",), indicators=False)
    active_areas = {key[0] for key, cell in by_area.cells.items() if cell.get(RECORDS)}
    ranking: list[tuple[int, str, float]] = []
    silent: list[str] = []
    kids = units.children(session, root.id)
    if kids:
        per_unit = stats.rollup(session, taxonomy, root, period, ("unit",), indicators=False)
        totals = {key[0]: cell.get(RECORDS, 0) for key, cell in per_unit.cells.items()}
        ranking = sorted(((k.id, k.name, totals.get(k.id, 0)) for k in kids), key=lambda r: (-r[2], r[0]))
        in_quarter = stats.rollup(session, taxonomy, root, quarter, ("unit",), indicators=False)
        busy = {key[0] for key, cell in in_quarter.cells.items() if cell.get(RECORDS)}
        silent = [k.name for k in kids if k.id not in busy]
    areas = _area_rows(taxonomy, values, progress)
    q_no = (quarter.start.month - 1) // 3 + 1
    return Dashboard(
        unit_id=root.id, unit_name=root.name, year=year,
        total_records=sum(b.records for b in areas), areas=areas,
        months=[(m, months.get(m, 0)) for m in range(1, 13)], ranking=ranking,
        quarter=f"{year}年第{q_no}季度", missing_areas=[a.name for a in taxonomy.areas if a.code not in active_areas],
        silent_units=silent, lagging=_lagging(progress, year, today), targets_met=sum(p.met for p in progress), targets_total=len(progress),
    )


def latest_year(session: Session, unit_id: int) -> int | None:
    """The last year with any record in the subtree (the 工作台 opens on it)."""
    stmt = (select(func.max(MonthlyStat.month)).join(UnitClosure, UnitClosure.descendant_id == MonthlyStat.unit_id)
            .where(UnitClosure.ancestor_id == unit_id, MonthlyStat.value > 0))
    month = session.scalar(stmt)
    return int(month) // 100 if month else None
