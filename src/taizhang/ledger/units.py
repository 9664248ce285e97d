"""单位 services: adding, finding and listing units; subtrees through the closure table."""

from __future__ import annotations

from sqlalchemy import delete, exists, func, insert, literal, select
from sqlalchemy.orm import Session

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import audit
from taizhang.ledger.models import UNIT_LEVELS, Record, Target, Unit, UnitClosure

UnitRef = int | str | Unit
# The usual level of a unit's subordinates (a form adding a unit under a 县区 offers 乡镇街道 first).
CHILD_LEVELS = {"省": "市", "市": "县区", "县区": "乡镇街道", "乡镇街道": "村社区"}


def child_level(level: str) -> str:
    return CHILD_LEVELS.get(level, "其他")


def resolve(session: Session, ref: UnitRef) -> Unit:
    """A unit by id, by Unit, or by its name (which must then be unambiguous)."""
    if isinstance(ref, Unit):
        return ref
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        unit = session.get(Unit, int(ref))
        if unit is None:
            raise NotFound(f"单位编号 {ref} 不存在", field="unit")
        return unit
    name = (ref or "").strip()
    matches = list(session.scalars(select(Unit).where(Unit.name == name).limit(5)))
    if not matches:
        raise NotFound(f"单位“{name}”不存在", field="unit")
    if len(matches) > 1:
        ids = "、".join(str(u.id) for u in matches)
        raise ValidationError(f"单位名称“{name}”不唯一（编号 {ids}），请改用单位编号", field="unit")
    return matches[0]


def add(session: Session, name: str, level: str, parent: UnitRef | None = None, *, actor: str = "system") -> Unit:
    name = (name or "").strip()
    if not name:
        raise ValidationError("单位名称不能为空", field="name")
    if len(name) > 100:
        raise ValidationError("单位名称不能超过100个字", field="name")
    if level not in UNIT_LEVELS:
        raise ValidationError(f"单位层级“{level}”无效，应为：{'、'.join(UNIT_LEVELS)}", field="level")
    parent_unit = resolve(session, parent) if parent is not None else None
    parent_id = parent_unit.id if parent_unit else None
    sibling = select(Unit.id).where(Unit.name == name,
                                    Unit.parent_id.is_(None) if parent_id is None else Unit.parent_id == parent_id)
    if session.scalar(sibling) is not None:
        raise ValidationError(f"同一上级下已有名为“{name}”的单位", field="name")
    unit = Unit(name=name, level=level, parent_id=parent_id, depth=parent_unit.depth + 1 if parent_unit else 0,
                created_by=actor)
    session.add(unit)
    session.flush()
    _link_closure(session, unit.id, parent_id)
    audit.log(session, actor=actor, action="insert", entity="unit", entity_id=unit.id, after=audit.snapshot(unit))
    return unit


def _link_closure(session: Session, unit_id: int, parent_id: int | None) -> None:
    session.execute(insert(UnitClosure).values(ancestor_id=unit_id, descendant_id=unit_id, depth=0))
    if parent_id is not None:
        ancestors = select(UnitClosure.ancestor_id, literal(unit_id), UnitClosure.depth + 1).where(
            UnitClosure.descendant_id == parent_id)
        session.execute(insert(UnitClosure).from_select(["ancestor_id", "descendant_id", "depth"], ancestors))


def delete_unit(session: Session, ref: UnitRef, *, actor: str = "system") -> None:
    unit = resolve(session, ref)
    if session.scalar(select(exists().where(Unit.parent_id == unit.id))):
        raise ValidationError(f"单位“{unit.name}”还有下级单位，不能删除", field="unit")
    if session.scalar(select(exists().where(Record.unit_id == unit.id))):
        raise ValidationError(f"单位“{unit.name}”已有台账记录，不能删除", field="unit")
    if session.scalar(select(exists().where(Target.unit_id == unit.id))):
        raise ValidationError(f"单位“{unit.name}”已有目标，不能删除", field="unit")
    session.execute(delete(UnitClosure).where(UnitClosure.descendant_id == unit.id))
    audit.delete(session, unit, "unit", actor=actor)


def subtree_ids_query(unit_id: int):
    """SELECT of the ids of a unit and all its descendants (for IN / joins)."""
    return select(UnitClosure.descendant_id).where(UnitClosure.ancestor_id == unit_id)


def in_subtree(session: Session, root_id: int, unit_id: int) -> bool:
    return session.scalar(select(exists().where(UnitClosure.ancestor_id == root_id,
                                                UnitClosure.descendant_id == unit_id))) or False


def children(session: Session, unit_id: int) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.parent_id == unit_id).order_by(Unit.id)))


def subtree(session: Session, unit_id: int) -> list[Unit]:
    """The unit and its descendants in tree (depth-first) order."""
    units = list(session.scalars(select(Unit).join(UnitClosure, UnitClosure.descendant_id == Unit.id)
                                 .where(UnitClosure.ancestor_id == unit_id).order_by(Unit.depth, Unit.id)))
    by_parent: dict[int | None, list[Unit]] = {}
    for u in units:
        by_parent.setdefault(u.parent_id, []).append(u)
    ordered: list[Unit] = []
    stack = [u for u in units if u.id == unit_id]
    while stack:
        u = stack.pop()
        ordered.append(u)
        stack.extend(reversed(by_parent.get(u.id, [])))
    return ordered


def roots(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.parent_id.is_(None)).order_by(Unit.id)))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Unit)) or 0
