"""台账记录 services: create, update, delete, list. Each write keeps stats and audit in step."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import aggregates, audit, units
from taizhang.ledger.models import Record, UnitClosure, utcnow
from taizhang.ledger.validation import clean_record
from taizhang.taxonomy import Taxonomy

EDITABLE = ("activity_type", "date_start", "date_end", "title", "place", "description", "participants",
            "highlight", "quantities")


def get(session: Session, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise NotFound(f"台账记录编号 {record_id} 不存在", field="record")
    return record


def _stat_change(session: Session, record: Record, sign: int) -> None:
    deltas = aggregates.new_deltas()
    aggregates.add_record(deltas, record.unit_id, record.type_code, record.date_start, record.quantities or {}, sign)
    aggregates.apply(session, deltas)


def create(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, data: Mapping[str, Any], *,
           actor: str = "system", within: units.UnitRef | None = None) -> Record:
    """`within`: when given, the unit must lie in that unit's subtree (the user's own tree)."""
    target_unit = units.resolve(session, unit)
    if within is not None:
        root = units.resolve(session, within)
        if not units.in_subtree(session, root.id, target_unit.id):
            raise ValidationError(f"单位“{target_unit.name}”不在“{root.name}”管辖范围内", field="unit")
    clean = clean_record(taxonomy, data)
    now = utcnow()
    record = Record(unit_id=target_unit.id, created_by=actor, updated_by=actor, created_at=now, updated_at=now,
                    **clean)
    session.add(record)
    session.flush()
    _stat_change(session, record, +1)
    audit.log(session, actor=actor, action="insert", entity="record", entity_id=record.id,
              after=audit.snapshot(record))
    return record


def update(session: Session, taxonomy: Taxonomy, record_id: int, changes: Mapping[str, Any], *,
           actor: str = "system") -> Record:
    record = get(session, record_id)
    unknown = set(changes) - set(EDITABLE) - {"unit", "type_code"}
    if unknown:
        raise ValidationError(f"不能修改字段：{'、'.join(sorted(unknown))}", field=sorted(unknown)[0])
    before = audit.snapshot(record)
    merged = {"activity_type": record.type_code, "date_start": record.date_start, "date_end": record.date_end,
              "title": record.title, "place": record.place, "description": record.description,
              "participants": record.participants, "highlight": record.highlight,
              "quantities": dict(record.quantities or {})}
    merged.update({("activity_type" if k == "type_code" else k): v for k, v in changes.items() if k != "unit"})
    clean = clean_record(taxonomy, merged)
    _stat_change(session, record, -1)
    if "unit" in changes:
        record.unit_id = units.resolve(session, changes["unit"]).id
    for key, value in clean.items():
        setattr(record, key, value)
    record.updated_by, record.updated_at = actor, utcnow()
    session.flush()
    _stat_change(session, record, +1)
    audit.log(session, actor=actor, action="update", entity="record", entity_id=record.id, before=before,
              after=audit.snapshot(record))
    return record


def delete(session: Session, record_id: int, *, actor: str = "system") -> None:
    record = get(session, record_id)
    _stat_change(session, record, -1)
    audit.delete(session, record, "record", actor=actor)


def query(unit_id: int, start: date | None = None, end: date | None = None,
          type_codes: list[str] | None = None):
    """SELECT of the records of a unit subtree, optionally within [start, end] and of some types."""
    stmt = (select(Record).join(UnitClosure, UnitClosure.descendant_id == Record.unit_id)
            .where(UnitClosure.ancestor_id == unit_id))
    if start is not None:
        stmt = stmt.where(Record.date_start >= start)
    if end is not None:
        stmt = stmt.where(Record.date_start <= end)
    if type_codes:
        stmt = stmt.where(Record.type_code.in_(type_codes))
    return stmt.order_by(Record.date_start, Record.id)


def list_records(session: Session, unit_id: int, start: date | None = None, end: date | None = None,
                 type_codes: list[str] | None = None, limit: int | None = None) -> list[Record]:
    stmt = query(unit_id, start, end, type_codes)
    if limit:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))
