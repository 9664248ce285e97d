"""Lean read-only queries the builder needs beyond the Ledger API (one query per need).

Same selection as `taizhang.ledger.stats` (unit subtree via the closure table, records by
`date_start` in the period) but returning plain tuples instead of ORM objects, so a county
year (~30k records) costs tens of milliseconds, not seconds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from taizhang.ledger.models import Record, UnitClosure


@dataclass(frozen=True, slots=True)
class RecordLine:
    id: int
    type_code: str
    title: str
    description: str
    highlight: bool


def _in_subtree(stmt, unit_id: int, period):
    return (stmt.join(UnitClosure, UnitClosure.descendant_id == Record.unit_id)
            .where(UnitClosure.ancestor_id == unit_id, Record.date_start.between(period.start, period.end)))


def highlight_lines(ledger, unit_id: int, period) -> list[RecordLine]:
    """The subtree's 亮点 (highlight) records in the period, in date order."""
    stmt = _in_subtree(select(Record.id, Record.type_code, Record.title, Record.description, Record.highlight),
                       unit_id, period).where(Record.highlight.is_(True)).order_by(Record.date_start, Record.id)
    with ledger.transaction() as s:
        return [RecordLine(*row) for row in s.execute(stmt)]


def record_titles(ledger, ids) -> dict[int, str]:
    """id → title for the given record ids (chunked under bind-parameter limits)."""
    wanted = sorted(ids)
    out: dict[int, str] = {}
    with ledger.transaction() as s:
        for start in range(0, len(wanted), 900):
            chunk = wanted[start:start + 900]
            out.update(s.execute(select(Record.id, Record.title).where(Record.id.in_(chunk))).all())
    return out


def counts_by_child(ledger, child_ids: list[int], period, type_codes: list[str]) -> dict[tuple[int, str], list[int]]:
    """(child unit id, type code) → record ids in that child's subtree, one query for all children."""
    stmt = (select(UnitClosure.ancestor_id, Record.type_code, Record.id)
            .join(UnitClosure, UnitClosure.descendant_id == Record.unit_id)
            .where(UnitClosure.ancestor_id.in_(child_ids), Record.type_code.in_(type_codes),
                   Record.date_start.between(period.start, period.end))
            .order_by(Record.date_start, Record.id))
    out: dict[tuple[int, str], list[int]] = defaultdict(list)
    with ledger.transaction() as s:
        for unit_id, type_code, record_id in s.execute(stmt):
            out[(unit_id, type_code)].append(record_id)
    return out
