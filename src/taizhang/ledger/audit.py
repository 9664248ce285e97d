"""Audit log writes and reads. Every service write goes through `log` in the same transaction.

Bulk imports write their per-record entries set-based in the database (bulk.ImportWriter),
with the same after-image as `snapshot`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.ledger.models import AuditLog, Base, utcnow


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def snapshot(obj: Base) -> dict[str, Any]:
    """The row's columns as a JSON-safe dict (the audit log's before/after)."""
    return {c.key: _jsonable(getattr(obj, c.key)) for c in obj.__mapper__.column_attrs}


def log(session: Session, *, actor: str, action: str, entity: str, entity_id: int | None,
        before: dict | None = None, after: dict | None = None) -> None:
    session.add(AuditLog(at=utcnow(), actor=actor, action=action, entity=entity, entity_id=entity_id,
                         before=before, after=after))


def delete(session: Session, obj: Base, entity: str, *, actor: str) -> None:
    """Deletes a row and logs it with its before-image: the one way services delete."""
    before = snapshot(obj)
    session.delete(obj)
    log(session, actor=actor, action="delete", entity=entity, entity_id=before["id"], before=before)


def history(session: Session, entity: str | None = None, entity_id: int | None = None,
            limit: int = 100) -> list[AuditLog]:
    query = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if entity:
        query = query.where(AuditLog.entity == entity)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    return list(session.scalars(query))
