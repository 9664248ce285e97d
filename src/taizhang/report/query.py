"""Lean read-only queries the builder needs beyond the Ledger API (one query per need).

Same selection as `taizhang.ledger.stats` (unit subtree via the closure table, records by
`date_start` in the period) but returning plain tuples instead of ORM objects, so a county
year (~30k records) costs tens of milliseconds, not seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from taizhang.ledger import stats
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


def traced(ledger, unit_id: int, period, *, limit: int, by_child: bool):
    """The unit's figures with their first `limit` record ids (exact counts), and with `by_child` each
    direct child's "<type>.count" figures, from one pass over the records (`stats.traced_values`)."""
    with ledger.transaction() as s:
        return stats.traced_values(s, ledger.taxonomy, unit_id, period, limit=limit, by_child=by_child)


def traced_indicators(ledger, unit_id: int, period, indicators: list[str], *, limit: int):
    """Just these figures with their first `limit` record ids (exact counts): a scan of a few types."""
    with ledger.transaction() as s:
        return stats.indicator_values(s, ledger.taxonomy, unit_id, period, indicators, provenance=True,
                                      provenance_limit=limit)
