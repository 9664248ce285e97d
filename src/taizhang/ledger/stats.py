"""Indicator values, roll-ups, progress against targets and same-period comparisons.

Whole-month periods without provenance read the pre-aggregated `stat_monthly`;
provenance (the record ids behind a figure) and odd periods read `record` by index in one
pass (`trace`): plain tuples, each distinct quantities JSON decoded once.
"""

from __future__ import annotations

import calendar
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Text, and_, case, cast, func, literal_column, or_, select
from sqlalchemy.orm import Session

from taizhang.errors import ValidationError
from taizhang.ledger import aggregates, units
from taizhang.ledger.models import MonthlyStat, Record, Target, Unit, UnitClosure
from taizhang.taxonomy import Taxonomy

ROLLUP_DIMS = ("unit", "area", "type", "month")
RECORDS = "records"  # pseudo-indicator in roll-ups: number of records of any type


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("统计期结束日期不能早于开始日期", field="period")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def year_to(cls, year: int, as_of: date) -> Period:
        return cls(date(year, 1, 1), min(as_of, date(year, 12, 31)))

    def whole_months(self) -> bool:
        last = calendar.monthrange(self.end.year, self.end.month)[1]
        return self.start.day == 1 and self.end.day == last

    def month_keys(self) -> tuple[int, int]:
        return aggregates.month_key(self.start), aggregates.month_key(self.end)

    def last_year(self) -> Period:
        """The same period one year earlier (29 Feb maps to 28 Feb)."""
        def back(day: date) -> date:
            return day.replace(year=day.year - 1, day=min(day.day, calendar.monthrange(day.year - 1, day.month)[1]))
        return Period(back(self.start), back(self.end))

    def label(self) -> str:
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            return f"{self.start.year}年"
        return f"{self.start.isoformat()}至{self.end.isoformat()}"


@dataclass(frozen=True)
class IndicatorValue:
    """One figure for a unit subtree and period; `record_ids` is its provenance (None if not asked)."""

    indicator: str  # "<type>.count" or "<type>.<field>"
    type_code: str
    field: str | None
    area: str
    label: str
    measure: str
    value: float
    record_ids: tuple[int, ...] | None = None
    # Exact number of records behind the figure; more than len(record_ids) when the ids were capped.
    record_count: int | None = None


@dataclass
class Rollup:
    dims: tuple[str, ...]
    period: Period
    unit_names: dict[int, str] = field(default_factory=dict)
    cells: dict[tuple, dict[str, float]] = field(default_factory=dict)  # dims key -> indicator -> value


def _indicator_value(taxonomy: Taxonomy, type_code: str, fld: str, value: float,
                     ids: tuple[int, ...] | None, count: int | None = None) -> IndicatorValue:
    indicator = f"{type_code}.{fld}"
    try:
        kind = taxonomy.type(type_code)
    except ValidationError:  # a type no longer in the taxonomy still shows, by its code
        return IndicatorValue(indicator, type_code, None if fld == "count" else fld, "", type_code, "", value, ids,
                              count)
    if fld == aggregates.COUNT_FIELD:
        return IndicatorValue(indicator, type_code, None, kind.area, kind.name, kind.count_measure, value, ids, count)
    quantity = next((q for q in kind.quantities if q.field == fld), None)
    label, measure = (quantity.label, quantity.measure) if quantity else (fld, "")
    return IndicatorValue(indicator, type_code, fld, kind.area, label, measure, value, ids, count)


def _wanted(taxonomy: Taxonomy, indicators: Iterable[str] | None) -> set[tuple[str, str]] | None:
    if indicators is None:
        return None
    wanted = set()
    for ind in indicators:
        found = taxonomy.indicator(ind)
        wanted.add((found.type_code, found.field or aggregates.COUNT_FIELD))
    return wanted


def _values_from_stats(session: Session, unit_id: int, period: Period, types: list[str] | None):
    first, last = period.month_keys()
    stmt = (select(MonthlyStat.type_code, MonthlyStat.field, func.sum(MonthlyStat.value))
            .join(UnitClosure, UnitClosure.descendant_id == MonthlyStat.unit_id)
            .where(UnitClosure.ancestor_id == unit_id, MonthlyStat.month.between(first, last))
            .group_by(MonthlyStat.type_code, MonthlyStat.field))
    if types:
        stmt = stmt.where(MonthlyStat.type_code.in_(types))
    return {(t, f): (v, None, None) for t, f, v in session.connection().execute(stmt) if v}


@dataclass(slots=True)
class Trace:
    """One figure from the records: exact value and record count, the first `limit` record ids (date order)."""

    value: float = 0.0
    count: int = 0
    ids: list[int] = field(default_factory=list)


TraceKey = tuple[str, str]  # (type code, field)


def trace(session: Session, unit_id: int, period: Period, types: list[str] | None = None, *,
          limit: int | None = None, child_of: dict[int, int] | None = None
          ) -> tuple[dict[TraceKey, Trace], dict[tuple[int, str], Trace]]:
    """Every figure of the unit's subtree in the period, from its records, in one indexed pass.

    Returns (type, field) -> Trace and, when `child_of` maps unit id -> child id, also
    (child id, type) -> Trace of the record count of each child's subtree. Record ids are
    kept up to `limit` per figure (all when None); values and counts are always exact.
    """
    stmt = (select(Record.id, Record.unit_id, Record.type_code, cast(Record.quantities, Text))
            .join(UnitClosure, UnitClosure.descendant_id == Record.unit_id)
            .where(UnitClosure.ancestor_id == unit_id, Record.date_start.between(period.start, period.end))
            .order_by(Record.date_start, Record.id))
    if types:
        stmt = stmt.where(Record.type_code.in_(types))
    totals: dict[TraceKey, Trace] = {}
    per_child: dict[tuple[int, str], Trace] = {}
    # Keyed items per (type, quantities text): the JSON repeats a lot, so each text is decoded once.
    parsed: dict[tuple[str, str], list[tuple[TraceKey, float]]] = {}
    cap = limit if limit is not None else float("inf")
    for record_id, record_unit, type_code, raw in session.connection().execute(stmt).all():
        items = parsed.get((type_code, raw))
        if items is None:
            items = parsed[(type_code, raw)] = [((type_code, f), v) for f, v in _quantity_items(raw)]
        for key, value in items:
            found = totals.get(key)
            if found is None:
                found = totals[key] = Trace()
            found.value += value
            found.count += 1
            if found.count <= cap:
                found.ids.append(record_id)
        child = child_of.get(record_unit) if child_of else None
        if child is not None:
            found = per_child.get((child, type_code))
            if found is None:
                found = per_child[(child, type_code)] = Trace()
            found.value += 1
            found.count += 1
            if found.count <= cap:
                found.ids.append(record_id)
    return totals, per_child


def _quantity_items(raw: str | None) -> list[tuple[str, float]]:
    """("count", 1) and each non-zero quantity of a record's stored JSON."""
    quantities = json.loads(raw) if raw else None
    return [(aggregates.COUNT_FIELD, 1), *((f, v) for f, v in (quantities or {}).items() if v)]


def _values_from_records(session: Session, unit_id: int, period: Period, types: list[str] | None,
                         limit: int | None):
    totals, _ = trace(session, unit_id, period, types, limit=limit)
    return {key: (t.value, tuple(t.ids), t.count) for key, t in totals.items()}


def indicator_values(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, period: Period,
                     indicators: Iterable[str] | None = None, *, provenance: bool = False,
                     provenance_limit: int | None = None) -> dict[str, IndicatorValue]:
    """Figures for the unit's subtree in the period, keyed by indicator id.

    Without `indicators`: every indicator with a non-zero value. With them: exactly those
    (zero when nothing was recorded). `provenance=True` fills `record_ids` (the first
    `provenance_limit` in date order when given, else all) and the exact `record_count`.
    """
    unit_id = units.resolve(session, unit).id
    wanted = _wanted(taxonomy, indicators)
    types = sorted({t for t, _ in wanted}) if wanted else None
    if provenance or not period.whole_months():
        found = _values_from_records(session, unit_id, period, types, provenance_limit if provenance else 0)
    else:
        found = _values_from_stats(session, unit_id, period, types)
    return _values_out(taxonomy, found, wanted, provenance)


def _values_out(taxonomy: Taxonomy, found: dict, wanted: set | None, provenance: bool) -> dict[str, IndicatorValue]:
    keys = wanted if wanted is not None else set(found)
    out = {}
    for type_code, fld in sorted(keys):
        value, ids, count = found.get((type_code, fld), (0, (), 0))
        iv = _indicator_value(taxonomy, type_code, fld, _tidy(value), ids if provenance else None,
                              count if provenance else None)
        out[iv.indicator] = iv
    return out


def traced_values(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, period: Period, *,
                  limit: int | None = None, by_child: bool = False
                  ) -> tuple[dict[str, IndicatorValue], dict[int, dict[str, IndicatorValue]]]:
    """`indicator_values(provenance=True)` of the unit and, with `by_child`, the "<type>.count"
    figures of each direct child's subtree (child id -> values), from one pass over the records."""
    root = units.resolve(session, unit)
    child_of = None
    if by_child:
        kids = select(Unit.id).where(Unit.parent_id == root.id)
        child_of = dict(session.execute(select(UnitClosure.descendant_id, UnitClosure.ancestor_id)
                                        .where(UnitClosure.ancestor_id.in_(kids))).all())
    totals, per_child = trace(session, root.id, period, limit=limit, child_of=child_of)
    flat = {key: (t.value, tuple(t.ids), t.count) for key, t in totals.items()}
    grouped: dict[int, dict] = defaultdict(dict)
    for (child, type_code), t in per_child.items():
        grouped[child][(type_code, aggregates.COUNT_FIELD)] = (t.value, tuple(t.ids), t.count)
    return (_values_out(taxonomy, flat, None, True),
            {child: _values_out(taxonomy, found, None, True) for child, found in grouped.items()})


def _tidy(value: float) -> float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _area_of(taxonomy: Taxonomy, type_code: str) -> str:
    try:
        return taxonomy.type(type_code).area
    except ValidationError:
        return "other"


def _area_case(taxonomy: Taxonomy):
    """SQL mapping type code -> area code, so summary roll-ups group by area in the database."""
    return case({t.code: t.area for t in taxonomy.types}, value=MonthlyStat.type_code, else_="other")


def rollup(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, period: Period,
           by: Iterable[str] = ("unit", "area", "month"), *, indicators: bool = True) -> Rollup:
    """Sums per combination of `by` dims ("unit" = the unit itself and each direct child's subtree).

    `indicators=True`: each cell maps every indicator id (and "records") to its value;
    `indicators=False`: each cell holds only "records" (cheaper: grouped by area in SQL).
    Reads only `stat_monthly`, so the period must be whole months.
    """
    dims = tuple(by)
    bad = [d for d in dims if d not in ROLLUP_DIMS]
    if bad:
        raise ValidationError(f"不支持的汇总维度：{'、'.join(bad)}", field="by")
    if not period.whole_months():
        raise ValidationError("汇总的统计期须为整月", field="period")
    if not indicators and "type" in dims:
        raise ValidationError("按活动类型汇总时须包含指标明细", field="by")
    root = units.resolve(session, unit)
    result = Rollup(dims, period, {root.id: root.name})
    first, last = period.month_keys()
    unit_col = UnitClosure.ancestor_id
    kind_col = MonthlyStat.type_code if indicators else _area_case(taxonomy).label("area")
    columns = [unit_col, MonthlyStat.month, kind_col, MonthlyStat.field]
    groups = [unit_col if "unit" in dims else None, MonthlyStat.month if "month" in dims else None, kind_col,
              MonthlyStat.field]
    stmt = (select(*[c if g is not None else literal_column("0") for c, g in zip(columns, groups, strict=True)],
                   func.sum(MonthlyStat.value))
            .join(UnitClosure, UnitClosure.descendant_id == MonthlyStat.unit_id)
            .where(MonthlyStat.month.between(first, last))
            .group_by(*[g for g in groups if g is not None]))
    if not indicators:
        stmt = stmt.where(MonthlyStat.field == aggregates.COUNT_FIELD)
    if "unit" in dims:
        kids = units.children(session, root.id)
        result.unit_names.update({k.id: k.name for k in kids})
        # Each child's subtree, plus the unit's own records under its own id.
        stmt = stmt.where(or_(UnitClosure.ancestor_id.in_([k.id for k in kids]),
                              and_(UnitClosure.ancestor_id == root.id, UnitClosure.descendant_id == root.id)))
    else:
        stmt = stmt.where(UnitClosure.ancestor_id == root.id)
    _fill_cells(result, taxonomy, session.connection().execute(stmt).all(), indicators)
    return result


def _fill_cells(result: Rollup, taxonomy: Taxonomy, rows, indicators: bool) -> None:
    areas = {t.code: t.area for t in taxonomy.types}
    order = [ROLLUP_DIMS.index(d) for d in result.dims]
    cells = result.cells
    count_field = aggregates.COUNT_FIELD
    for unit_id, month, kind, fld, value in rows:
        if not value:
            continue
        area = areas.get(kind, "other") if indicators else kind
        parts = (unit_id, area, kind, month)
        key = tuple(parts[i] for i in order)
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = defaultdict(float)
        if indicators:
            cell[f"{kind}.{fld}"] += value
        if fld == count_field:
            cell[RECORDS] += value


@dataclass(frozen=True)
class Progress:
    target_id: int
    indicator: str
    label: str
    measure: str
    bound: str
    target: float
    actual: float
    last_year: float
    source: str

    @property
    def ratio(self) -> float | None:
        return self.actual / self.target if self.target else None

    @property
    def met(self) -> bool:
        return self.actual >= self.target


def progress(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, year: int,
             as_of: date | None = None) -> list[Progress]:
    """Each target of the unit for the year against its subtree's actual figure (to `as_of`)."""
    root = units.resolve(session, unit)
    targets = list(session.scalars(select(Target).where(Target.unit_id == root.id, Target.year == year)
                                   .order_by(Target.indicator)))
    if not targets:
        return []
    period = Period.year_to(year, as_of) if as_of else Period.year(year)
    wanted = [t.indicator for t in targets]
    now = indicator_values(session, taxonomy, root, period, wanted)
    before = indicator_values(session, taxonomy, root, period.last_year(), wanted)
    return progress_of(taxonomy, targets, now, before)


def progress_of(taxonomy: Taxonomy, targets: Iterable[Target], now: dict[str, IndicatorValue],
                before: dict[str, IndicatorValue]) -> list[Progress]:
    """Targets against figures already at hand (a figure missing from `now`/`before` is zero)."""
    out = []
    for t in targets:
        found = taxonomy.indicator(t.indicator)
        zero = _indicator_value(taxonomy, found.type_code, found.field or aggregates.COUNT_FIELD, 0, None)
        actual, last = now.get(zero.indicator, zero), before.get(zero.indicator, zero)
        out.append(Progress(t.id, t.indicator, actual.label, actual.measure, t.bound, t.value, actual.value,
                            last.value, t.source))
    return out


def compare_last_year(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, period: Period,
                      indicators: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
    """indicator -> (value in period, value in the same period last year)."""
    now = indicator_values(session, taxonomy, unit, period, indicators)
    keys = list(indicators) if indicators is not None else None
    before = indicator_values(session, taxonomy, unit, period.last_year(), keys)
    ids = set(now) | set(before)
    return {i: (now[i].value if i in now else 0, before[i].value if i in before else 0) for i in sorted(ids)}
