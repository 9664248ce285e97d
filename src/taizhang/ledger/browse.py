"""Browsing the ledger page by page: filtered record lists and the scoped audit log.

The web app's 台账 and 操作日志 pages and the JSON API call these; the caller passes
the unit subtree it may see, these functions never widen it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from taizhang.errors import ValidationError
from taizhang.ledger import aggregates
from taizhang.ledger.models import AuditLog, Evidence, MonthlyStat, Record, Unit, UnitClosure, User
from taizhang.taxonomy import Taxonomy

PER_PAGE = 50
MAX_PAGE = 10_000
BIG_SUBTREE = 20  # units: above this, walking the date index beats sorting the subtree's records
AUDIT_BATCH = 500
AUDIT_SCAN_LIMIT = 20_000


@dataclass(frozen=True)
class RecordFilter:
    """What the 台账 list shows: a unit's subtree, optionally narrowed."""

    unit_id: int
    year: int | None = None
    month: int | None = None  # 1..12, with `year`
    area: str | None = None  # work area code
    type_code: str | None = None
    text: str = ""
    page: int = 1
    per_page: int = PER_PAGE

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValidationError(f"月份“{self.month}”无效，应为1至12", field="month")
        if self.month is not None and self.year is None:
            raise ValidationError("按月份筛选时须同时选择年度", field="month")
        if not 1 <= self.page <= MAX_PAGE:
            raise ValidationError("页码超出范围", field="page")
        if not 1 <= self.per_page <= 500:
            raise ValidationError("每页条数应为1至500", field="per_page")

    def dates(self) -> tuple[date | None, date | None]:
        if self.year is None:
            return None, None
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        return date(self.year, self.month, 1), date(self.year, self.month,
                                                     calendar.monthrange(self.year, self.month)[1])

    def type_codes(self, taxonomy: Taxonomy) -> list[str] | None:
        if self.type_code:
            return [taxonomy.type(self.type_code).code]
        if self.area:
            return [t.code for t in taxonomy.area(self.area).types]
        return None


@dataclass
class RecordPage:
    rows: list  # rows with the columns of `record` as attributes
    total: int
    page: int
    per_page: int
    evidence_counts: dict[int, int] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(stmt, f: RecordFilter, taxonomy: Taxonomy):
    start, end = f.dates()
    if start is not None:
        stmt = stmt.where(Record.date_start.between(start, end))
    codes = f.type_codes(taxonomy)
    if codes is not None:
        stmt = stmt.where(Record.type_code.in_(codes))
    text = f.text.strip()
    if text:
        like = f"%{_escape_like(text[:100])}%"
        stmt = stmt.where(or_(*(col.like(like, escape="\\") for col in
                                (Record.title, Record.place, Record.description, Record.participants))))
    return stmt


def count_records(session: Session, taxonomy: Taxonomy, f: RecordFilter) -> int:
    """From `stat_monthly` when the filter is whole months and types; else by counting rows."""
    if not f.text.strip():
        stmt = (select(func.sum(MonthlyStat.value))
                .join(UnitClosure, UnitClosure.descendant_id == MonthlyStat.unit_id)
                .where(UnitClosure.ancestor_id == f.unit_id, MonthlyStat.field == aggregates.COUNT_FIELD))
        start, end = f.dates()
        if start is not None:
            stmt = stmt.where(MonthlyStat.month.between(aggregates.month_key(start), aggregates.month_key(end)))
        codes = f.type_codes(taxonomy)
        if codes is not None:
            stmt = stmt.where(MonthlyStat.type_code.in_(codes))
        return int(session.scalar(stmt) or 0)
    stmt = select(func.count()).select_from(Record).where(
        Record.unit_id.in_(select(UnitClosure.descendant_id).where(UnitClosure.ancestor_id == f.unit_id)))
    return int(session.scalar(_filtered(stmt, f, taxonomy)) or 0)


def list_records(session: Session, taxonomy: Taxonomy, f: RecordFilter, *, subtree_size: int,
                 total: int | None = None) -> RecordPage:
    """One page of the subtree's records, newest first; `total` may come from a cache."""
    walk_dates = subtree_size > BIG_SUBTREE and f.type_codes(taxonomy) is None
    # A county's subtree holds most records: walking the date index newest first stops after one
    # page, where the unit index would fetch and sort the whole year. `unit_id + 0` keeps the
    # planner off the unit index (it would pick it without statistics); narrow filters keep it.
    unit_col = Record.unit_id + 0 if walk_dates else Record.unit_id
    in_subtree = unit_col.in_(select(UnitClosure.descendant_id).where(UnitClosure.ancestor_id == f.unit_id))
    stmt = _filtered(select(*Record.__table__.c).where(in_subtree), f, taxonomy)
    stmt = stmt.order_by(Record.date_start.desc(), Record.id.desc())
    stmt = stmt.limit(f.per_page).offset((f.page - 1) * f.per_page)
    # Plain rows (attribute access like the model) skip ORM identity-map work: a list page is read-only.
    rows = list(session.connection().execute(stmt))
    if total is None:
        total = count_records(session, taxonomy, f)
    return RecordPage(rows, total, f.page, f.per_page, evidence_counts(session, [r.id for r in rows]))


def evidence_counts(session: Session, record_ids: list[int]) -> dict[int, int]:
    if not record_ids:
        return {}
    stmt = (select(Evidence.record_id, func.count()).where(Evidence.record_id.in_(record_ids))
            .group_by(Evidence.record_id))
    return dict(session.execute(stmt).all())


def subtree_ids(session: Session, unit_id: int) -> frozenset[int]:
    return frozenset(session.scalars(select(UnitClosure.descendant_id).where(UnitClosure.ancestor_id == unit_id)))


def unit_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(ids)
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        out.update(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(chunk))).all())
    return out


def data_version(session: Session) -> int:
    """Changes with every write: each service write appends to the audit log in its transaction."""
    return int(session.scalar(select(func.max(AuditLog.id))) or 0)


# -- audit log --------------------------------------------------------------------------------

@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None
    action: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    before_id: int | None = None  # cursor: entries older than this id
    limit: int = 50


@dataclass(frozen=True)
class AuditEntry:
    entry: AuditLog
    unit_id: int | None

    @property
    def data(self) -> dict:
        return self.entry.after or self.entry.before or {}


def _unit_of(entry: AuditLog, record_units: dict[int, int], user_units: dict[int, int]) -> int | None:
    data = entry.after or entry.before or {}
    if entry.entity == "unit":
        return entry.entity_id
    if entry.entity in ("record", "target", "user") and data.get("unit_id") is not None:
        return int(data["unit_id"])
    if entry.entity == "evidence" and data.get("record_id") is not None:
        return record_units.get(int(data["record_id"]))
    if entry.entity == "api_token" and data.get("user_id") is not None:
        return user_units.get(int(data["user_id"]))
    if entry.entity == "user" and entry.entity_id is not None:
        return user_units.get(entry.entity_id)
    return None


def _owners(session: Session, batch: list[AuditLog]) -> tuple[dict[int, int], dict[int, int]]:
    rec_ids = {int(d["record_id"]) for e in batch if e.entity == "evidence"
               for d in [e.after or e.before or {}] if d.get("record_id") is not None}
    user_ids = {int(d["user_id"]) for e in batch if e.entity == "api_token"
                for d in [e.after or e.before or {}] if d.get("user_id") is not None}
    user_ids |= {e.entity_id for e in batch if e.entity == "user" and e.entity_id is not None}
    records = dict(session.execute(select(Record.id, Record.unit_id).where(Record.id.in_(rec_ids))).all()) \
        if rec_ids else {}
    users = dict(session.execute(select(User.id, User.unit_id).where(User.id.in_(user_ids))).all()) \
        if user_ids else {}
    return records, users


def audit_entries(session: Session, scope: frozenset[int] | None, f: AuditFilter, *,
                  include_unscoped: bool = False) -> list[AuditEntry]:
    """Newest first; only entries of units in `scope` (None: all units).

    Entries tied to no unit (bulk loads, deleted records' evidence) only with `include_unscoped`.
    """
    stmt = select(AuditLog).order_by(AuditLog.id.desc())
    if f.entity:
        stmt = stmt.where(AuditLog.entity == f.entity)
    if f.action:
        stmt = stmt.where(AuditLog.action == f.action)
    if f.actor:
        stmt = stmt.where(AuditLog.actor == f.actor.strip())
    if f.since:
        stmt = stmt.where(AuditLog.at >= datetime.combine(f.since, datetime.min.time()))
    if f.until:
        stmt = stmt.where(AuditLog.at < datetime.combine(f.until, datetime.max.time()))
    out: list[AuditEntry] = []
    cursor = f.before_id
    scanned = 0
    while len(out) < f.limit and scanned < AUDIT_SCAN_LIMIT:
        page = stmt if cursor is None else stmt.where(AuditLog.id < cursor)
        batch = list(session.scalars(page.limit(AUDIT_BATCH)))
        if not batch:
            break
        records, users = _owners(session, batch)
        for entry in batch:
            unit_id = _unit_of(entry, records, users)
            if (include_unscoped if unit_id is None else scope is None or unit_id in scope):
                out.append(AuditEntry(entry, unit_id))
                if len(out) == f.limit:
                    break
        cursor = batch[-1].id
        scanned += len(batch)
    return out
