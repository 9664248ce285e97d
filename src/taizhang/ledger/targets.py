"""目标 services: set (insert or replace), list, delete."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import audit, units
from taizhang.ledger.models import TARGET_BOUNDS, Target, utcnow
from taizhang.ledger.validation import MIN_YEAR, parse_number
from taizhang.taxonomy import Taxonomy


def _check_year(year: int) -> int:
    if not isinstance(year, int) or not MIN_YEAR <= year <= 2100:
        raise ValidationError(f"年份“{year}”超出范围（{MIN_YEAR}年至2100年）", field="year")
    return year


def set_target(session: Session, taxonomy: Taxonomy, unit: units.UnitRef, year: int, indicator: str,
               value: float, *, bound: str = "至少", source: str = "", actor: str = "system") -> Target:
    """Insert the target, or replace the value of an existing one for the same unit/year/indicator."""
    target_unit = units.resolve(session, unit)
    _check_year(year)
    indicator_id = taxonomy.indicator(indicator.strip()).id
    number = parse_number(value, "目标值", "value")
    if bound not in TARGET_BOUNDS:
        raise ValidationError(f"目标约束“{bound}”无效，应为：{'、'.join(TARGET_BOUNDS)}", field="bound")
    existing = session.scalar(select(Target).where(Target.unit_id == target_unit.id, Target.year == year,
                                                   Target.indicator == indicator_id))
    if existing is None:
        target = Target(unit_id=target_unit.id, year=year, indicator=indicator_id, value=number, bound=bound,
                        source=source or "", created_by=actor, updated_by=actor)
        session.add(target)
        session.flush()
        audit.log(session, actor=actor, action="insert", entity="target", entity_id=target.id,
                  after=audit.snapshot(target))
        return target
    before = audit.snapshot(existing)
    existing.value, existing.bound, existing.source = number, bound, source or existing.source
    existing.updated_by, existing.updated_at = actor, utcnow()
    session.flush()
    audit.log(session, actor=actor, action="update", entity="target", entity_id=existing.id, before=before,
              after=audit.snapshot(existing))
    return existing


def list_targets(session: Session, unit: units.UnitRef, year: int | None = None) -> list[Target]:
    target_unit = units.resolve(session, unit)
    stmt = select(Target).where(Target.unit_id == target_unit.id)
    if year is not None:
        stmt = stmt.where(Target.year == year)
    return list(session.scalars(stmt.order_by(Target.year, Target.indicator)))


def delete_target(session: Session, target_id: int, *, actor: str = "system") -> None:
    target = session.get(Target, target_id)
    if target is None:
        raise NotFound(f"目标编号 {target_id} 不存在", field="target")
    audit.delete(session, target, "target", actor=actor)
